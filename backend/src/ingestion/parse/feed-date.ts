/*
 * Feed dates, parsed by hand: `Date.parse` reads zoneless times in the server's zone, knows no
 * `CEST`/`MESZ`, and accepts different things on different engines. Feeds write RFC 822
 * (RSS: "Tue, 10 Jun 2025 14:30:00 +0200") or ISO 8601 (Atom, JSON Feed, dc:date).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// First three letters, English and German (German CMSs localise RSS dates more often than they should).
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, mär: 2, apr: 3, may: 4, mai: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, okt: 9,
  nov: 10, dec: 11, dez: 11,
};

// Offsets in minutes. RFC 822's own (UT, GMT, EST … PDT, Z) plus the ones German, Turkish and
// British publishers write. Ambiguous ones (IST, CST for China) keep RFC 822's meaning or are left out.
const ZONES: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0, WEZ: 0, BST: 60, IST: 60, WEST: 60, WESZ: 60, CET: 60, MEZ: 60,
  CEST: 120, MESZ: 120, EET: 120, OEZ: 120, EEST: 180, OESZ: 180, TRT: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, AEST: 600, AEDT: 660,
};

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Optional weekday, day, month name, year, optional time, then whatever zone text follows.
const RFC_822 =
  /^(?:\p{L}+\.?,?\s*)?(\d{1,2})\.?[\s-]+(\p{L}{3,})\.?,?[\s-]+(\d{4}|\d{2})(?!\d)(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/u;
const NUMERIC_ZONE = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * The instant a feed date names, or `undefined` when it names none we can trust. Times without a
 * zone are read as German time: the sources are Ruhr organisations, and UTC would put their
 * evening posts an hour or two in the future.
 */
export function parseFeedDate(raw: string | Date | undefined | null): Date | undefined {
  if (raw instanceof Date) return plausible(raw.getTime());
  const text = raw?.trim();
  if (!text) return undefined;

  const iso = ISO_8601.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = iso;
    const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
    return instant(+y, +mo - 1, +d, +h, +mi, +s, millis, zone ? zoneOffset(zone) : undefined);
  }

  const rfc = RFC_822.exec(text);
  if (rfc) {
    const [, d, monthName, y, h = '0', mi = '0', s = '0', zoneText] = rfc;
    const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
    if (month !== undefined) {
      // RFC 822 two-digit years (RFC 2822 §4.3): 00–49 are 20xx.
      const year = y.length === 2 ? (+y < 50 ? 2000 : 1900) + +y : +y;
      return instant(year, month, +d, +h, +mi, +s, 0, zoneOffset(zoneText));
    }
  }

  // Last resort for the rare other shapes ("June 10, 2025 2:30 PM UTC").
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : plausible(parsed);
}

/**
 * The publication time to store: the first candidate that parses, else the fetch time; dates more
 * than a day ahead are clock or time-zone errors (or sticky "events" posts) and would pin an item
 * to the top of every stream, so they become the fetch time too.
 */
export function resolvePublishedAt(candidates: Array<string | Date | undefined | null>, fetchedAt: Date): Date {
  for (const candidate of candidates) {
    const date = parseFeedDate(candidate);
    if (!date) continue;
    return date.getTime() > fetchedAt.getTime() + DAY ? new Date(fetchedAt) : date;
  }
  return new Date(fetchedAt);
}

function zoneOffset(zoneText: string | undefined): number | undefined {
  // "+0200 (CEST)" and "GMT+2" alike: the first token decides.
  const token = zoneText?.trim().split(/[\s(]/, 1)[0];
  if (!token) return undefined;
  const numeric = NUMERIC_ZONE.exec(token);
  if (numeric) {
    const [, sign, hours, minutes = '0'] = numeric;
    return (sign === '-' ? -1 : 1) * (+hours * 60 + +minutes);
  }
  return ZONES[token.toUpperCase()];
}

function instant(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number,
  offsetMinutes: number | undefined,
): Date | undefined {
  if (month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const wallClock = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis);
  // Date.UTC rolls 31 February over into March; such a date is a typo, not an instant.
  if (new Date(wallClock).getUTCDate() !== day && hour < 24) return undefined;
  const utc = offsetMinutes === undefined ? berlinWallClockToUtc(wallClock) : wallClock - offsetMinutes * MINUTE;
  return plausible(utc);
}

// Before the web there were no feeds: 1970-01-01 and 0001-01-01 are CMS placeholders.
const EARLIEST = Date.UTC(1991, 0, 1);

function plausible(time: number): Date | undefined {
  return Number.isNaN(time) || time < EARLIEST ? undefined : new Date(time);
}

let berlinFormat: Intl.DateTimeFormat | undefined;

/** Europe/Berlin's offset at an instant, from the runtime's time-zone data (DST rules included). */
function berlinOffsetMinutes(utc: number): number {
  berlinFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin', hourCycle: 'h23',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const part: Record<string, number> = {};
  for (const { type, value } of berlinFormat.formatToParts(utc)) part[type] = Number(value);
  const asUtc = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return Math.round((asUtc - Math.floor(utc / 1000) * 1000) / MINUTE);
}

function berlinWallClockToUtc(wallClock: number): number {
  const guess = berlinOffsetMinutes(wallClock);
  const corrected = berlinOffsetMinutes(wallClock - guess * MINUTE);
  return wallClock - corrected * MINUTE;
}
