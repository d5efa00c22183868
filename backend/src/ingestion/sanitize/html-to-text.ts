import { Parser } from 'htmlparser2';
import { DROP_WITH_CONTENT } from './block-structure';

/** Elements whose start and end break the line, so "<p>a</p><p>b</p>" reads "a\nb", not "ab". */
const LINE_BREAKING: ReadonlySet<string> = new Set([
  'p', 'br', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'table', 'caption',
  'tr', 'pre', 'hr', 'address', 'center', 'details', 'summary', 'form', 'fieldset',
]);

/** Not item text: what the sanitizer drops with its content, and a frame's fallback text. */
const SKIPPED: ReadonlySet<string> = new Set([...DROP_WITH_CONTENT, 'iframe']);

/** Elements that separate words without breaking the line (table cells, images). */
const WORD_BREAKING: ReadonlySet<string> = new Set(['td', 'th', 'img', 'span', 'label']);

// Soft hyphens and zero-width spaces sit inside words ("Woh\u00adnung"); removing them keeps words whole.
// ZWJ/ZWNJ stay: Persian and other scripts need them.
const INVISIBLE_IN_WORDS = /[\u00ad\u200b\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const HORIZONTAL_SPACE = /[^\S\n]+/g;

function collapse(text: string): string {
  return text
    .replace(INVISIBLE_IN_WORDS, '')
    .replace(CONTROL, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Plain text of an HTML fragment: tags removed, entities decoded, block elements on their own lines,
 * whitespace collapsed. The result is text, not HTML: whoever renders it must escape it.
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  const parts: string[] = [];
  let skipDepth = 0;
  // Line breaks in the source are just whitespace, except inside <pre>.
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'pre') preDepth++;
        if (LINE_BREAKING.has(name)) parts.push('\n');
        else if (WORD_BREAKING.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(preDepth > 0 ? text : text.replace(/[\r\n]+/g, ' '));
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (LINE_BREAKING.has(name)) parts.push('\n');
        else if (WORD_BREAKING.has(name)) parts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return collapse(parts.join(''));
}

const LOOKS_LIKE_MARKUP = /<\/?[a-z!][^>]*>/i;
const MARKUP = /<\/?[a-z!][^>]*>/gi;

/**
 * One line of plain text for titles and summaries. Feeds often escape markup twice ("&lt;b&gt;"), so after
 * one round of decoding the text may still hold tags; a second round strips those too. Never returns markup.
 */
export function textOnly(value: string | null | undefined): string {
  if (!value) return '';
  let text = htmlToText(value).replace(/\n/g, ' ');
  for (let round = 0; round < 2 && LOOKS_LIKE_MARKUP.test(text); round++) {
    text = htmlToText(text).replace(/\n/g, ' ');
  }
  // Escaped three times or more: what is left is not worth parsing again; cut the tags out.
  return text.replace(MARKUP, '').replace(/ {2,}/g, ' ').trim();
}
