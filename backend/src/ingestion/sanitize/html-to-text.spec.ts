import { htmlToText, textOnly } from './html-to-text';

describe('htmlToText', () => {
  it('puts blocks on their own lines and decodes entities', () => {
    expect(htmlToText('<h2>Wohnen</h2><p>Miete&nbsp;&amp; <b>Kaution</b></p><ul><li>eins</li><li>zwei</li></ul>')).toBe(
      'Wohnen\nMiete & Kaution\neins\nzwei',
    );
  });

  it('breaks lines at <br> and separates table cells by spaces', () => {
    expect(htmlToText('Zeile 1<br>Zeile 2<table><tr><td>Mo</td><td>8–12</td></tr></table>')).toBe(
      'Zeile 1\nZeile 2\nMo 8–12',
    );
  });

  it('collapses whitespace and drops empty lines', () => {
    expect(htmlToText('<p>  viel \t\n  Platz  </p>\n\n<p></p><div>   </div>ende')).toBe('viel Platz\nende');
  });

  it('skips script, style, template, noscript and frame fallback content', () => {
    expect(
      htmlToText('a<script>var x = 1;</script><style>p{}</style><template>t</template><noscript>n</noscript>b<iframe>f</iframe>'),
    ).toBe('ab');
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(htmlToText('<p>Adresse:</p><pre>Rathaus\nPorscheplatz 1</pre>')).toBe('Adresse:\nRathaus\nPorscheplatz 1');
  });

  it('removes soft hyphens so words stay whole but keeps the zero-width non-joiner Persian needs', () => {
    expect(htmlToText('Woh&shy;nungs\u00adsuche')).toBe('Wohnungssuche');
    expect(htmlToText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToText('')).toBe('');
  });
});

describe('textOnly', () => {
  it('makes one line of text out of a title with markup', () => {
    expect(textOnly('<b>Neu:</b>\n Sprachcafé <i>im</i> Rathaus')).toBe('Neu: Sprachcafé im Rathaus');
  });

  it('strips markup that was escaped once more by the feed', () => {
    expect(textOnly('&lt;b&gt;Jobmesse&lt;/b&gt; in Dortmund')).toBe('Jobmesse in Dortmund');
    expect(textOnly('&lt;script&gt;alert(1)&lt;/script&gt;Titel')).toBe('Titel');
  });

  it('never returns a tag, however deeply the feed escaped it', () => {
    const result = textOnly('&amp;amp;lt;img src=x onerror=alert(1)&amp;amp;gt;Titel');
    expect(result).not.toMatch(/<[a-z/!]/i);
    expect(result).toContain('Titel');
  });

  it('keeps a lone "<" that is not a tag', () => {
    expect(textOnly('Kinder &lt; 6 Jahre frei')).toBe('Kinder < 6 Jahre frei');
  });

  it('accepts null and undefined', () => {
    expect(textOnly(null)).toBe('');
    expect(textOnly(undefined)).toBe('');
  });
});
