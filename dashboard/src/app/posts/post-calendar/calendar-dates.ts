/** Calendar arithmetic in local time: new Date(y, m, d + n) keeps midnight across daylight-saving changes. */

export type CalendarMode = 'week' | 'month';

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The same day of another month, or its last day when the month is shorter (31 January + 1 → 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const lastDay = new Date(date.getFullYear(), date.getMonth() + months + 1, 0).getDate();
  return new Date(date.getFullYear(), date.getMonth() + months, Math.min(date.getDate(), lastDay));
}

/** Weeks start on Monday (ISO 8601, as in Germany). */
export function startOfWeek(date: Date): Date {
  return addDays(startOfDay(date), -((date.getDay() + 6) % 7));
}

export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "2026-05-14" in local time: the key of a day. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The days the calendar shows around `focus`, in whole weeks: one week, or every week that touches the month. */
export function visibleDays(mode: CalendarMode, focus: Date): Date[] {
  const first = mode === 'week' ? startOfWeek(focus) : startOfWeek(new Date(focus.getFullYear(), focus.getMonth(), 1));
  const last =
    mode === 'week'
      ? addDays(first, 6)
      : addDays(startOfWeek(new Date(focus.getFullYear(), focus.getMonth() + 1, 0)), 6);
  const days: Date[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
