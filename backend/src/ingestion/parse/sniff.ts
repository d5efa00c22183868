/*
 * What kind of document arrived, judged from its first bytes. The URL and the Content-Type say
 * little: partners paste page addresses, and servers send feeds as text/html or text/plain.
 */

export type SniffedDocument =
  | { kind: 'empty' }
  | { kind: 'json' }
  | { kind: 'html' }
  | { kind: 'text' }
  /**
   * `root`: the root element's local name, lower-case (`rss`, `feed`, `rdf`, `opml` …);
   * `rootTag`: its name as written (`rdf:RDF`), to find the closing tag.
   */
  | { kind: 'xml'; root: string; rootTag: string };

const HTML_ROOTS = new Set(['html', 'head', 'body']);
// Looking further than this for a prolog's end would mean scanning megabytes of garbage.
const PROLOG_LIMIT = 64 * 1024;

export function sniffDocument(body: string): SniffedDocument {
  let i = skipWhitespace(body, 0);
  if (i >= body.length) return { kind: 'empty' };
  if (body[i] === '{' || body[i] === '[') return { kind: 'json' };
  if (body[i] !== '<') return looksLikeHtml(body, i) ? { kind: 'html' } : { kind: 'text' };

  // Skip the XML declaration, processing instructions, comments and the doctype.
  while (i < body.length && i < PROLOG_LIMIT) {
    if (body.startsWith('<?', i)) {
      i = after(body, '?>', i);
    } else if (body.startsWith('<!--', i)) {
      i = after(body, '-->', i);
    } else if (body.startsWith('<!', i)) {
      const end = doctypeEnd(body, i);
      if (/^<!doctype\s+html\b/i.test(body.slice(i, Math.min(end, i + 30)))) return { kind: 'html' };
      i = end;
    } else {
      break;
    }
    i = skipWhitespace(body, i);
  }

  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body.slice(i, i + 100));
  if (!root) return looksLikeHtml(body, i) ? { kind: 'html' } : { kind: 'text' };
  const name = root[2].toLowerCase();
  return HTML_ROOTS.has(name) ? { kind: 'html' } : { kind: 'xml', root: name, rootTag: (root[1] ?? '') + root[2] };
}

function skipWhitespace(body: string, from: number): number {
  let i = from;
  // U+FEFF: a byte-order mark the decoder left in place.
  while (i < body.length && (body.charCodeAt(i) <= 0x20 || body.charCodeAt(i) === 0xfeff)) i++;
  return i;
}

function after(body: string, terminator: string, from: number): number {
  const end = body.indexOf(terminator, from);
  return end === -1 ? body.length : end + terminator.length;
}

/** The end of `<!DOCTYPE …>`, which may hold an internal subset in brackets with `>` inside. */
function doctypeEnd(body: string, from: number): number {
  let depth = 0;
  for (let i = from; i < body.length && i < PROLOG_LIMIT; i++) {
    const char = body[i];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return i + 1;
  }
  return body.length;
}

function looksLikeHtml(body: string, from: number): boolean {
  return /<(?:html|head|body|!doctype\s+html)\b/i.test(body.slice(from, from + 2048));
}
