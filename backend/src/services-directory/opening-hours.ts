import { isLanguageCode, WEEKDAYS, type OpeningException, type OpeningHours, type TimeRange, type Weekday } from '@welcome-ruhr/contracts';

/**
 * Opening hours: weekly ranges plus exceptions by date. `openingHoursProblem` checks the structure the API
 * takes; `parseOpeningHoursText` reads the short form of the CSV import, e.g.
 * "Mo-Fr 08:00-12:00; Do 14:00-18:00; 2026-12-24 closed".
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_WEEKLY = 70;
const MAX_EXCEPTIONS = 400;
const MAX_NOTE = 500;

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKey(value: Record<string, unknown>, allowed: string[]): string | undefined {
  return Object.keys(value).find((key) => !allowed.includes(key));
}

function rangeProblem(range: unknown, path: string, allowed: string[]): string | null {
  if (!isObject(range)) return `${path} must be an object with opens and closes`;
  const extra = unknownKey(range, allowed);
  if (extra) return `${path}.${extra} is not a field of opening hours`;
  if (typeof range['opens'] !== 'string' || !TIME.test(range['opens'])) return `${path}.opens must be a time such as 08:00`;
  if (typeof range['closes'] !== 'string' || !TIME.test(range['closes'])) return `${path}.closes must be a time such as 16:30`;
  if (minutes(range['closes']) <= minutes(range['opens'])) return `${path}.closes must be later than opens`;
  return null;
}

function overlapping(ranges: TimeRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => minutes(a.opens) - minutes(b.opens));
  return sorted.some((range, i) => i > 0 && minutes(range.opens) < minutes(sorted[i - 1]!.closes));
}

/** What is wrong with `value` as opening hours, as a sentence naming the place; null when nothing is. */
export function openingHoursProblem(value: unknown, path = 'openingHours'): string | null {
  if (!isObject(value)) return `${path} must be an object with weekly ranges`;
  const extra = unknownKey(value, ['weekly', 'exceptions', 'notes']);
  if (extra) return `${path}.${extra} is not a field of opening hours`;
  const weekly = value['weekly'];
  if (!Array.isArray(weekly) || weekly.length > MAX_WEEKLY) return `${path}.weekly must be a list of at most ${MAX_WEEKLY} ranges`;
  for (const [i, entry] of weekly.entries()) {
    const at = `${path}.weekly[${i}]`;
    if (!isObject(entry) || !(WEEKDAYS as readonly unknown[]).includes(entry['day'])) return `${at}.day must be one of ${WEEKDAYS.join(', ')}`;
    const problem = rangeProblem(entry, at, ['day', 'opens', 'closes']);
    if (problem) return problem;
  }
  for (const day of WEEKDAYS) {
    if (overlapping((weekly as Array<TimeRange & { day: Weekday }>).filter((entry) => entry.day === day))) return `${path}.weekly has overlapping ranges on ${day}`;
  }
  const exceptions = value['exceptions'];
  if (exceptions !== undefined) {
    if (!Array.isArray(exceptions) || exceptions.length > MAX_EXCEPTIONS) return `${path}.exceptions must be a list of at most ${MAX_EXCEPTIONS} dates`;
    const seen = new Set<string>();
    for (const [i, entry] of exceptions.entries()) {
      const at = `${path}.exceptions[${i}]`;
      if (!isObject(entry)) return `${at} must be an object with a date`;
      const extraKey = unknownKey(entry, ['date', 'closed', 'ranges', 'note']);
      if (extraKey) return `${at}.${extraKey} is not a field of an exception`;
      if (typeof entry['date'] !== 'string' || !isRealDate(entry['date'])) return `${at}.date must be a date such as 2026-12-24`;
      if (seen.has(entry['date'])) return `${at}.date ${entry['date']} appears twice`;
      seen.add(entry['date']);
      const closed = entry['closed'];
      const ranges = entry['ranges'];
      if (closed !== undefined && typeof closed !== 'boolean') return `${at}.closed must be true or false`;
      if (ranges !== undefined && (!Array.isArray(ranges) || ranges.length > 10)) return `${at}.ranges must be a list of at most 10 ranges`;
      const hasRanges = Array.isArray(ranges) && ranges.length > 0;
      if (closed === true && hasRanges) return `${at} must be either closed or have ranges, not both`;
      if (closed !== true && !hasRanges) return `${at} must be closed: true or have ranges`;
      for (const [j, range] of (hasRanges ? (ranges as unknown[]) : []).entries()) {
        const problem = rangeProblem(range, `${at}.ranges[${j}]`, ['opens', 'closes']);
        if (problem) return problem;
      }
      if (hasRanges && overlapping(ranges as TimeRange[])) return `${at}.ranges overlap`;
      if (entry['note'] !== undefined && (typeof entry['note'] !== 'string' || entry['note'].length > 200)) return `${at}.note must be a text of at most 200 characters`;
    }
  }
  const notes = value['notes'];
  if (notes !== undefined) {
    if (!isObject(notes)) return `${path}.notes must be an object of texts per language, e.g. {"de": "Nur mit Termin"}`;
    for (const [language, text] of Object.entries(notes)) {
      if (!isLanguageCode(language)) return `${path}.notes.${language} is not an ISO 639-1 language code`;
      if (typeof text !== 'string' || text.length > MAX_NOTE) return `${path}.notes.${language} must be a text of at most ${MAX_NOTE} characters`;
    }
  }
  return null;
}

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun',
  mo: 'mon', di: 'tue', mi: 'wed', do: 'thu', fr: 'fri', sa: 'sat', so: 'sun',
};
const CLOSED_WORDS = new Set(['closed', 'geschlossen']);

function days(spec: string): Weekday[] | null {
  const result: Weekday[] = [];
  for (const part of spec.toLowerCase().split(',')) {
    const [from, to, ...rest] = part.split('-').map((s) => s.trim());
    const start = DAY_NAMES[from ?? ''];
    if (!start || rest.length > 0) return null;
    if (to === undefined) {
      result.push(start);
      continue;
    }
    const end = DAY_NAMES[to];
    if (!end) return null;
    const a = WEEKDAYS.indexOf(start);
    const b = WEEKDAYS.indexOf(end);
    if (b < a) return null;
    result.push(...WEEKDAYS.slice(a, b + 1));
  }
  return result;
}

function ranges(spec: string): TimeRange[] | null {
  const result: TimeRange[] = [];
  for (const part of spec.split(',')) {
    const match = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!match) return null;
    const pad = (t: string) => t.padStart(5, '0');
    result.push({ opens: pad(match[1]!), closes: pad(match[2]!) });
  }
  return result;
}

/**
 * The CSV's short form: entries separated by ";", each "<days> <ranges>" or "<date> closed|<ranges>";
 * days as Mo-Fr / mon-fri (German or English), ranges as 08:00-12:00,14:00-16:00. A cell starting with
 * "{" is read as the JSON structure instead.
 */
export function parseOpeningHoursText(text: string): { value: OpeningHours } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      const problem = openingHoursProblem(value, 'opening_hours');
      return problem ? { problem } : { value: value as OpeningHours };
    } catch {
      return { problem: 'opening_hours is not valid JSON' };
    }
  }
  const weekly: OpeningHours['weekly'] = [];
  const exceptions: OpeningException[] = [];
  for (const entry of trimmed.split(';').map((s) => s.trim()).filter(Boolean)) {
    const space = entry.search(/\s/);
    const head = space < 0 ? entry : entry.slice(0, space);
    const tail = space < 0 ? '' : entry.slice(space + 1).trim();
    if (DATE.test(head)) {
      if (CLOSED_WORDS.has(tail.toLowerCase())) {
        exceptions.push({ date: head, closed: true });
        continue;
      }
      const times = ranges(tail);
      if (!times) return { problem: `opening_hours: "${entry}" must be a date followed by closed or times such as 10:00-12:00` };
      exceptions.push({ date: head, ranges: times });
      continue;
    }
    const which = days(head);
    if (!which) return { problem: `opening_hours: "${head}" is not a day or range of days; write e.g. Mo-Fr 08:00-12:00 or mon-fri 08:00-12:00` };
    const times = ranges(tail);
    if (!times) return { problem: `opening_hours: "${entry}" must be days followed by times such as 08:00-12:00,14:00-16:00` };
    for (const day of which) for (const range of times) weekly.push({ day, ...range });
  }
  const value: OpeningHours = exceptions.length > 0 ? { weekly, exceptions } : { weekly };
  const problem = openingHoursProblem(value, 'opening_hours');
  return problem ? { problem } : { value };
}
