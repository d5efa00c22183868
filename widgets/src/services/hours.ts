import type { OpeningHours, TimeRange, Weekday } from '@welcome-ruhr/contracts';

const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Day and weekday in the Ruhr area (the hours are local time there), whatever the visitor's time zone. */
export function ruhrDay(now: Date): { date: string; day: Weekday } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, day: get('weekday').slice(0, 3).toLowerCase() as Weekday };
}

const sorted = (ranges: TimeRange[]) => [...ranges].sort((a, b) => a.opens.localeCompare(b.opens));

/** The ranges open on a date: an exception of that date wins over the weekly rule; [] when closed. */
export function rangesOn(hours: OpeningHours, now: Date): { ranges: TimeRange[]; note?: string } {
  const { date, day } = ruhrDay(now);
  const exception = hours.exceptions?.find((e) => e.date === date);
  if (exception) return { ranges: exception.closed ? [] : sorted(exception.ranges ?? []), note: exception.note };
  return { ranges: sorted(hours.weekly.filter((w) => w.day === day)) };
}

/** "08:00–12:00, 14:00–18:00"; the times stay in 24-hour form with an en dash. */
export const formatRanges = (ranges: TimeRange[]) => ranges.map((r) => `${r.opens}–${r.closes}`).join(', ');

/** The localized name of a weekday ("Montag", "Pazartesi", "الاثنين"). */
export function dayName(day: Weekday, language: string, width: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))));
}

/** Today's hours as one line: "08:00–12:00" or the word for closed (plus an exception's note). */
export function todayText(hours: OpeningHours, now: Date, closed: string): string {
  const { ranges, note } = rangesOn(hours, now);
  const text = ranges.length ? formatRanges(ranges) : closed;
  return note ? `${text} (${note})` : text;
}

/** The week, one line per day that is open, in weekday order: [["Montag", "08:00–12:00"], …]. */
export function weekLines(hours: OpeningHours, language: string): [string, string][] {
  return DAYS.flatMap((day) => {
    const ranges = sorted(hours.weekly.filter((w) => w.day === day));
    return ranges.length ? [[dayName(day, language, 'long'), formatRanges(ranges)] as [string, string]] : [];
  });
}
