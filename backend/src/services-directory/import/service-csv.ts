import { isLanguageCode, type ServiceImportProblem } from '@welcome-ruhr/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { parse, type Options as CsvOptions } from 'csv-parse/sync';
import { DomainError } from '../../common/errors/domain-error';
import { CreateServiceDto } from '../dto/create-service.dto';
import { parseOpeningHoursText } from '../opening-hours';
import { coordinatesProblem } from '../services.service';
import { detectDelimiter, type CsvDelimiter } from './csv-decode';

/**
 * The CSV import's columns and how a line becomes a service. Columns (header names, any order, case
 * ignored): category, city, name, address, latitude, longitude, opening_hours, phone, email, website,
 * appointment_url, languages, description_<lang> for each language. category, city and name are required.
 */
const COLUMN_OF_FIELD: Record<string, string> = {
  category: 'category',
  city: 'city',
  name: 'name',
  address: 'address',
  latitude: 'latitude',
  longitude: 'longitude',
  openingHours: 'opening_hours',
  phone: 'phone',
  email: 'email',
  website: 'website',
  appointmentUrl: 'appointment_url',
  languages: 'languages',
};
const KNOWN_COLUMNS = new Set(Object.values(COLUMN_OF_FIELD));
const REQUIRED_COLUMNS = ['category', 'city', 'name'];
const DESCRIPTION_COLUMN = /^description_([a-z]{2})$/;
export const MAX_IMPORT_LINES = 50_000;

export interface CsvLine {
  /** The line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  columns: string[];
  lines: CsvLine[];
  /** Problems of the file as a whole (unknown columns) and of unreadable lines. */
  problems: ServiceImportProblem[];
}

export interface ServiceCandidate {
  line: number;
  service: CreateServiceDto;
}

/** Splits the text into records; a line the CSV parser cannot read is reported, the rest goes on. */
export function parseServiceCsv(source: string): ParsedCsv {
  // One kind of line break: the parser counts "\r\n" inside quotes as two lines, and texts want "\n" anyway.
  const text = source.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const problems: ServiceImportProblem[] = [];
  let rows: Array<{ record: string[]; info: { lines: number }; raw?: string }>;
  try {
    rows = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      bom: true,
      on_skip: (error: { lines?: number; message: string } | undefined) => {
        if (error) problems.push({ line: error.lines ?? 0, field: null, problem: `The line cannot be read as CSV: ${error.message}` });
      },
    } as CsvOptions) as unknown as Array<{ record: string[]; info: { lines: number }; raw?: string }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw DomainError.invalidField('file', `file cannot be read as CSV (line ${line}): ${(error as Error).message}`);
  }
  const [header, ...records] = rows;
  if (!header) throw DomainError.invalidField('file', 'file is empty; the first line must name the columns, e.g. category;city;name');
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw DomainError.invalidField('file', `file must name the columns ${REQUIRED_COLUMNS.join(', ')} in its first line; missing: ${missing.join(', ')}`);
  }
  columns.forEach((column, i) => {
    if (KNOWN_COLUMNS.has(column)) return;
    const description = DESCRIPTION_COLUMN.exec(column);
    if (description && isLanguageCode(description[1])) return;
    problems.push({ line: 1, field: column || `column ${i + 1}`, problem: `column "${column}" is not known and was ignored` });
  });
  if (records.length > MAX_IMPORT_LINES) throw DomainError.invalidField('file', `file may have at most ${MAX_IMPORT_LINES} lines; split it`);
  const lines: CsvLine[] = records.map(({ record, info, raw }) => {
    // info.lines is where the record ends; a quoted line break makes a record span several lines. The raw
    // text starts with the empty lines skipped before the record.
    const spanned = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    const values: Record<string, string> = {};
    columns.forEach((column, i) => (values[column] = (record[i] ?? '').trim()));
    if (record.length > columns.length && record.slice(columns.length).some((extra) => extra.trim() !== '')) {
      values['__extra__'] = String(record.length);
    }
    return { line: info.lines - spanned, values };
  });
  return { delimiter, columns, lines, problems };
}

function numberOf(value: string): number | string {
  const normalized = /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : value;
}

/** The CSV column a problem of the DTO is about: description_<lang> for a description. */
function columnOf(property: string, problem: string): string {
  if (property !== 'descriptions') return COLUMN_OF_FIELD[property] ?? property;
  const language = /^descriptions\.([a-z]+)/.exec(problem)?.[1];
  return language ? `description_${language}` : 'descriptions';
}

function problemsOf(errors: ValidationError[], line: number): ServiceImportProblem[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((problem) => ({ line, field: columnOf(error.property, problem), problem })),
  );
}

/** One line as a service, checked like `POST /api/services` (problems name the CSV columns). */
export async function toCandidate(line: CsvLine): Promise<{ candidate?: ServiceCandidate; problems: ServiceImportProblem[] }> {
  const v = line.values;
  const problems: ServiceImportProblem[] = [];
  if (v['__extra__']) problems.push({ line: line.line, field: null, problem: `The line has ${v['__extra__']} values, more than the header has columns; check the separators and quotes.` });
  const plain: Record<string, unknown> = { category: v['category'], city: v['city'], name: v['name'] };
  const optional = (field: string, column: string, convert: (value: string) => unknown = (x) => x) => {
    const value = v[column];
    if (value !== undefined && value !== '') plain[field] = convert(value);
  };
  optional('address', 'address');
  optional('latitude', 'latitude', numberOf);
  optional('longitude', 'longitude', numberOf);
  optional('phone', 'phone');
  optional('email', 'email');
  optional('website', 'website');
  optional('appointmentUrl', 'appointment_url');
  optional('languages', 'languages', (value) => value.split(/[\s,;|]+/).map((code) => code.toLowerCase()).filter(Boolean));
  if (v['opening_hours']) {
    const hours = parseOpeningHoursText(v['opening_hours']);
    if ('problem' in hours) problems.push({ line: line.line, field: 'opening_hours', problem: hours.problem });
    else plain['openingHours'] = hours.value;
  }
  const descriptions: Record<string, string> = {};
  for (const [column, value] of Object.entries(v)) {
    const match = DESCRIPTION_COLUMN.exec(column);
    if (match && value && isLanguageCode(match[1])) descriptions[match[1]!] = value;
  }
  if (Object.keys(descriptions).length > 0) plain['descriptions'] = descriptions;

  const dto = plainToInstance(CreateServiceDto, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  problems.push(...problemsOf(errors, line.line));
  const coordinates = coordinatesProblem(dto);
  if (coordinates) problems.push({ line: line.line, ...coordinates });
  return problems.length > 0 ? { problems } : { candidate: { line: line.line, service: dto }, problems };
}
