import * as iconv from 'iconv-lite';
import { charsetFromContentType, charsetFromXmlDeclaration, decodeBody, detectCharset, normalizeCharset } from './charset';

const latin = (text: string, ...bytes: number[]) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from(bytes)]);
const EURO_AE = [0x80, 0xe4]; // "€ä" in windows-1252

describe('normalizeCharset', () => {
  it.each(['ISO-8859-1', 'iso8859-1', 'latin1', 'US-ASCII', 'windows-1252', 'cp1252'])(
    'reads %p as windows-1252, as browsers do',
    (label) => {
      expect(normalizeCharset(label)).toBe('windows-1252');
    },
  );

  it('keeps labels iconv-lite knows and drops the ones it does not', () => {
    expect(normalizeCharset(' UTF-8 ')).toBe('utf-8');
    expect(normalizeCharset('koi8-r')).toBe('koi8-r');
    expect(normalizeCharset('utf-16')).toBe('utf-16le');
    expect(normalizeCharset('x-no-such-charset')).toBeUndefined();
    expect(normalizeCharset(undefined)).toBeUndefined();
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=ISO-8859-1', 'ISO-8859-1'],
    ['application/rss+xml;charset="utf-8"', 'utf-8'],
    ['text/xml; format=flowed; Charset = windows-1252 ', 'windows-1252'],
    ['text/xml', undefined],
    ['text/xml; charset=', undefined],
    [undefined, undefined],
  ])('finds in %p the charset %p', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('charsetFromXmlDeclaration', () => {
  it('reads the encoding pseudo-attribute in either quote style', () => {
    expect(charsetFromXmlDeclaration(latin(`<?xml version="1.0" encoding="ISO-8859-1"?><rss/>`))).toBe('ISO-8859-1');
    const singleQuoted = latin(`\n<?xml version='1.0' encoding='windows-1252' standalone='yes'?>`);
    expect(charsetFromXmlDeclaration(singleQuoted)).toBe('windows-1252');
  });

  it('ignores an encoding that does not stand in the XML declaration at the start', () => {
    expect(charsetFromXmlDeclaration(latin(`<rss><?xml version="1.0" encoding="koi8-r"?></rss>`))).toBeUndefined();
    expect(charsetFromXmlDeclaration(latin(`<?xml version="1.0"?><x encoding="koi8-r"/>`))).toBeUndefined();
  });

  it('ignores a UTF-16 label on bytes that were just readable as ASCII', () => {
    expect(charsetFromXmlDeclaration(latin(`<?xml version="1.0" encoding="UTF-16"?><rss/>`))).toBeUndefined();
  });

  it('recognizes a BOM-less UTF-16 declaration by its zero bytes', () => {
    expect(charsetFromXmlDeclaration(iconv.encode('<?xml version="1.0"?>', 'utf-16le'))).toBe('utf-16le');
    expect(charsetFromXmlDeclaration(iconv.encode('<?xml version="1.0"?>', 'utf-16be'))).toBe('utf-16be');
  });
});

describe('detectCharset: BOM > HTTP header > XML declaration > UTF-8', () => {
  const declaring1252 = latin(`<?xml version="1.0" encoding="windows-1252"?><t>`, ...EURO_AE);

  it('lets a BOM win over header and declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), declaring1252]);
    expect(detectCharset(bytes, 'text/xml; charset=koi8-r')).toEqual({ encoding: 'utf-8', source: 'bom' });
  });

  it('lets the header charset win over the declaration', () => {
    expect(detectCharset(declaring1252, 'text/xml; charset=utf-8')).toEqual({ encoding: 'utf-8', source: 'header' });
  });

  it('uses the declaration when the header names no charset, or one we cannot decode', () => {
    expect(detectCharset(declaring1252, 'text/xml')).toEqual({ encoding: 'windows-1252', source: 'xml-declaration' });
    expect(detectCharset(declaring1252, 'text/xml; charset=x-bogus')).toEqual({
      encoding: 'windows-1252',
      source: 'xml-declaration',
    });
  });

  it('falls back to UTF-8', () => {
    expect(detectCharset(Buffer.from('{"version":"https://jsonfeed.org/version/1.1"}'), 'application/feed+json')).toEqual({
      encoding: 'utf-8',
      source: 'default',
    });
  });
});

describe('decodeBody', () => {
  it('decodes windows-1252 bytes 0x80 and 0xE4 as € and ä, also when labelled ISO-8859-1', () => {
    expect(decodeBody(latin('<t>', ...EURO_AE), 'text/xml; charset=ISO-8859-1')).toBe('<t>€ä');
    expect(decodeBody(latin('<t>', ...EURO_AE), 'text/xml; charset=windows-1252')).toBe('<t>€ä');
  });

  it('strips the BOM from UTF-8, UTF-16LE and UTF-16BE', () => {
    expect(decodeBody(Buffer.from('\ufeff<t>ä€</t>', 'utf8'))).toBe('<t>ä€</t>');
    expect(decodeBody(iconv.encode('<t>ä€</t>', 'utf-16le', { addBOM: true }))).toBe('<t>ä€</t>');
    expect(decodeBody(iconv.encode('<t>ä€</t>', 'utf-16be', { addBOM: true }))).toBe('<t>ä€</t>');
  });
});
