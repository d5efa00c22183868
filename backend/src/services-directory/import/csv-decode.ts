import { decode } from 'iconv-lite';
import { DomainError } from '../../common/errors/domain-error';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Reads the bytes of a CSV file as spreadsheets save it: UTF-8 with or without BOM, UTF-16 with BOM
 * ("Unicode text"), else Windows-1252 (Excel's "CSV" on German Windows). Bytes that are not valid
 * UTF-8 are the sign of Windows-1252; every byte is defined there, so nothing is lost.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)) ?? decode(bytes.subarray(3), 'win1252'), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) {
    throw DomainError.invalidField('file', 'file is not a text file; save the table as "CSV UTF-8" and upload that');
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decode(bytes, 'win1252'), encoding: 'windows-1252' };
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The separator of the header line: German spreadsheets write ";", others "," or tabs. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts: Array<[CsvDelimiter, number]> = [',', ';', '\t'].map((d) => [d as CsvDelimiter, outsideQuotes.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}
