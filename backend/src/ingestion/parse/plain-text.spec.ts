import { decodeEntities } from './html-entities';
import { htmlToText, textToHtml, truncateAtWord } from './plain-text';

describe('htmlToText', () => {
  it('drops tags, keeps words apart at block boundaries and together inside inline tags', () => {
    expect(htmlToText('<p>Erste Zeile</p><p>zweite<br/>dritte</p>')).toBe('Erste Zeile zweite dritte');
    expect(htmlToText('Ein<b>gang</b> <a href="/x">hier</a>')).toBe('Eingang hier');
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('<style>p{color:red}</style>Text<script>track("x")</script><!-- Werbung -->.')).toBe('Text.');
  });

  it('keeps a "<" that opens no tag', () => {
    expect(htmlToText('Kinder < 12 Jahre und 3<5')).toBe('Kinder < 12 Jahre und 3<5');
  });

  it('copes with ">" inside attribute values', () => {
    expect(htmlToText('<a title="a > b" href="/x">Link</a> danach')).toBe('Link danach');
  });

  it('decodes entities after stripping, so escaped markup stays text', () => {
    expect(htmlToText('Die &lt;b&gt;-Regel &amp; mehr')).toBe('Die <b>-Regel & mehr');
  });

  it('collapses all whitespace, including no-break spaces, and removes zero-width spaces', () => {
    expect(htmlToText('  a\u00a0\u00a0b\n\t c\u200Bd  ')).toBe('a b cd');
  });

  it('keeps the zero-width non-joiner that Persian spelling needs', () => {
    expect(htmlToText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('returns an empty string for nothing', () => {
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText('<p> </p>')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&auml;&ouml;&uuml;&szlig; &euro; &#8222;x&#8220; &#x1F3AD; &hellip;')).toBe('äöüß € „x“ 🎭 …');
  });

  it('decodes the Turkish letters', () => {
    expect(decodeEntities('&Idot;zmir, I&gbreve;d&imath;r, &scedil;')).toBe('İzmir, Iğdır, ş');
  });

  it('maps 128–159 as windows-1252, like browsers do', () => {
    expect(decodeEntities('a &#150; b &#146;s')).toBe('a – b ’s');
  });

  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('AT&T &unknown; Kunst & Kultur')).toBe('AT&T &unknown; Kunst & Kultur');
  });

  it('accepts &amp without semicolon but not other names', () => {
    expect(decodeEntities('a &amp b &auml b')).toBe('a & b &auml b');
  });

  it('replaces invalid code points', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\uFFFD\uFFFD\uFFFD');
  });
});

describe('truncateAtWord', () => {
  it('leaves short text untouched', () => {
    expect(truncateAtWord('Kurz.', 80)).toBe('Kurz.');
  });

  it('cuts at the last word boundary and adds an ellipsis within the limit', () => {
    const text = 'Die Ausländerbehörde zieht um, ab Juli im Dienstleistungszentrum';
    expect(truncateAtWord(text, 40)).toBe('Die Ausländerbehörde zieht um, ab Juli…');
    expect(truncateAtWord(text, 40).length).toBeLessThanOrEqual(40);
    // Punctuation left dangling before the ellipsis goes.
    expect(truncateAtWord(text, 33)).toBe('Die Ausländerbehörde zieht um…');
  });

  it('cuts an overlong single word hard', () => {
    expect(truncateAtWord('Donaudampfschifffahrtsgesellschaftskapitän', 10)).toBe('Donaudamp…');
  });

  it('never splits a surrogate pair', () => {
    const result = truncateAtWord('🎭🎭🎭🎭🎭🎭', 4);
    expect(result).toBe('🎭…');
  });

  it('cuts Arabic text between words', () => {
    const text = 'يجب على كل من ينتقل إلى مدينة إيسن تسجيل عنوان السكن';
    const result = truncateAtWord(text, 30);
    expect(result.endsWith('…')).toBe(true);
    expect(text.startsWith(result.slice(0, -1))).toBe(true);
    expect(text.charAt(result.length - 1)).toBe(' ');
  });
});

describe('textToHtml', () => {
  it('escapes and turns blank lines into paragraphs', () => {
    expect(textToHtml('a < b & c\nzweite Zeile\n\nNeuer Absatz')).toBe(
      '<p>a &lt; b &amp; c<br>zweite Zeile</p>\n<p>Neuer Absatz</p>',
    );
  });
});
