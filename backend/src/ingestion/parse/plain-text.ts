import { decodeEntities, escapeHtml } from './html-entities';

/*
 * Regex-based on purpose: this runs on every title and summary of every fetch, only needs the
 * text (the sanitizer does the real HTML work later), and a DOM parser would cost 10–50× more.
 */

// Elements whose content is never readable text.
const INVISIBLE = /<(script|style|noscript|template|iframe|object|svg|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA_MARKER = /<!\[CDATA\[|\]\]>/g;
// A tag whose attribute values may contain `>`; `<` followed by a space or digit is text ("a < b").
const TAG = /<\/?([A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// Tags that separate words when rendered; inline tags (b, a, span) must not split a word.
const BLOCK_TAGS = new Set(
  ('address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr ' +
    'img li main nav ol p pre section table tbody td th thead tr ul').split(' '),
);
// Control characters, zero-width space and BOM; ZWNJ/ZWJ stay, Persian and Arabic spelling needs them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Readable text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | undefined): string {
  if (!html) return '';
  let text = html;
  if (text.includes('<')) {
    text = text
      .replace(COMMENT, '')
      .replace(CDATA_MARKER, '')
      .replace(INVISIBLE, '')
      .replace(TAG, (_tag, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''));
  }
  return collapseWhitespace(decodeEntities(text));
}

/** Plain text as HTML: escaped, blank lines become paragraphs, single newlines line breaks. */
export function textToHtml(text: string | undefined): string {
  if (!text || !text.trim()) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * At most `max` characters, cut at a word boundary and marked with "…". A single overlong word
 * (URLs, languages written without spaces) is cut hard rather than dropped.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max); // room for the ellipsis comes from dropping the partial word
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace >= max * 0.5) {
    cut = cut.slice(0, lastSpace);
  } else {
    cut = cut.slice(0, max - 1);
    // Never leave half of a surrogate pair (emoji, rare CJK) behind.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  }
  return cut.replace(/[\s,;:.\-–—]+$/, '') + '…';
}
