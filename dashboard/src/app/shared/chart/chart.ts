/**
 * Helpers of the dashboard's bar charts (inline SVG): the source chart and the overview's chart.
 * Sizes are SVG user units; the SVG scales to its box.
 */

/** "12. März": dates of the API are calendar days, so no time zone may shift them. */
export function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The length of `value` on a scale where `max` fills `size`, in whole units. */
export function scaled(value: number, max: number, size: number): number {
  return max > 0 ? Math.round((value / max) * size) : 0;
}

/** One part of a stacked bar: its distance from the baseline and its height. */
export interface StackPart {
  start: number;
  height: number;
}

/**
 * The parts of one stacked bar, bottom first. Each part ends where the rounded running total ends,
 * so the parts meet without gaps and add up to the height of the bar's total.
 */
export function stack(values: readonly number[], max: number, size: number): StackPart[] {
  let sum = 0;
  return values.map((value) => {
    const start = scaled(sum, max, size);
    sum += value;
    return { start, height: scaled(sum, max, size) - start };
  });
}
