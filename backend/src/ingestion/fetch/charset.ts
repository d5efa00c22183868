import * as iconv from 'iconv-lite';

/** Where the encoding of a body came from, in the order of precedence used by {@link detectCharset}. */
export type CharsetSource = 'bom' | 'header' | 'xml-declaration' | 'default';

export interface DetectedCharset {
  /** An iconv-lite encoding name. */
  encoding: string;
  source: CharsetSource;
}

// Browsers (WHATWG Encoding) read all these labels as windows-1252: feeds labelled ISO-8859-1 or
// ASCII very often contain 0x80–0x9F bytes meaning €, „, “ … and real ISO-8859-1 would turn those into
// invisible C1 control characters.
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
  'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252',
  'x-cp1252',
]);

const UTF16_LABELS = new Set(['utf-16', 'utf16', 'utf-16le', 'utf-16be', 'ucs-2', 'unicode']);

// The declaration must open the document; only whitespace before it is tolerated, as sloppy feeds have it.
const XML_DECLARATION_ENCODING = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1/;
const SNIFF_BYTES = 1024;

/** The iconv-lite name for a charset label, or undefined when we cannot decode it. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  // WHATWG: a bare "utf-16" without a BOM is little-endian.
  if (name === 'utf-16' || name === 'utf16' || name === 'ucs-2' || name === 'unicode') return 'utf-16le';
  return iconv.encodingExists(name) ? name : undefined;
}

/** The charset parameter of a Content-Type header value, as written (not yet normalized). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') {
      const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1').trim();
      return value || undefined;
    }
  }
  return undefined;
}

function charsetFromBom(bytes: Buffer): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The encoding named in `<?xml … encoding="…"?>`, read from the first bytes without knowing the charset yet. */
export function charsetFromXmlDeclaration(bytes: Buffer): string | undefined {
  // "<?" in UTF-16 without a BOM (XML 1.0 appendix F): the declaration itself is then UTF-16 too.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  // Latin-1 maps every byte to one character, so ASCII-compatible encodings read correctly here.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const declared = XML_DECLARATION_ENCODING.exec(head)?.[2];
  // A UTF-16 label on bytes we just read as ASCII contradicts itself; browsers ignore it, so do we.
  if (!declared || UTF16_LABELS.has(declared.toLowerCase())) return undefined;
  return declared;
}

/**
 * Which encoding a feed body is in. Precedence, as RFC 7303 §3.2 and browsers have it:
 * byte order mark > charset parameter of the HTTP Content-Type > XML declaration > UTF-8.
 * A label we cannot decode is skipped, and the next rule decides.
 */
export function detectCharset(bytes: Buffer, contentType?: string): DetectedCharset {
  const fromBom = charsetFromBom(bytes);
  if (fromBom) return { encoding: fromBom, source: 'bom' };
  const fromHeader = normalizeCharset(charsetFromContentType(contentType));
  if (fromHeader) return { encoding: fromHeader, source: 'header' };
  const fromDeclaration = normalizeCharset(charsetFromXmlDeclaration(bytes));
  if (fromDeclaration) return { encoding: fromDeclaration, source: 'xml-declaration' };
  return { encoding: 'utf-8', source: 'default' };
}

/** The body as a JS string, decoded by {@link detectCharset}; a leading BOM is dropped. */
export function decodeBody(bytes: Buffer, contentType?: string): string {
  const { encoding } = detectCharset(bytes, contentType);
  return iconv.decode(bytes, encoding, { stripBOM: true });
}
