import type { OpeningHours } from '@welcome-ruhr/contracts';
import { dayName, rangesOn, ruhrDay, todayText, weekLines } from './hours';

const hours: OpeningHours = {
  weekly: [
    { day: 'thu', opens: '14:00', closes: '18:00' },
    { day: 'mon', opens: '08:00', closes: '12:00' },
    { day: 'thu', opens: '08:00', closes: '12:00' },
  ],
  exceptions: [
    { date: '2026-12-24', closed: true, note: 'Heiligabend' },
    { date: '2026-12-28', ranges: [{ opens: '09:00', closes: '11:00' }] },
  ],
};

describe('opening hours', () => {
  it('takes day and weekday in the Ruhr area, not in the visitor’s time zone', () => {
    // 23:30 UTC on a Sunday is already Monday in Germany.
    expect(ruhrDay(new Date('2026-11-29T23:30:00Z'))).toEqual({ date: '2026-11-30', day: 'mon' });
  });

  it('shows today’s ranges in order, closed days and exceptions', () => {
    expect(todayText(hours, new Date('2026-11-26T10:00:00Z'), 'geschlossen')).toBe('08:00–12:00, 14:00–18:00'); // Thursday
    expect(todayText(hours, new Date('2026-11-25T10:00:00Z'), 'geschlossen')).toBe('geschlossen'); // Wednesday
    expect(todayText(hours, new Date('2026-12-24T10:00:00Z'), 'closed')).toBe('closed (Heiligabend)'); // a Thursday
    expect(rangesOn(hours, new Date('2026-12-28T10:00:00Z')).ranges).toEqual([{ opens: '09:00', closes: '11:00' }]); // a Monday
  });

  it('lists the open days of the week with localized names', () => {
    expect(weekLines(hours, 'de')).toEqual([
      ['Montag', '08:00–12:00'],
      ['Donnerstag', '08:00–12:00, 14:00–18:00'],
    ]);
    expect(dayName('mon', 'en', 'long')).toBe('Monday');
    expect(dayName('sun', 'tr', 'long')).toBe('Pazar');
  });
});
