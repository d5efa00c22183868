import { exactTime, relativeTime } from './dates';

const NOW = new Date('2025-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it.each([
    [20, 'en', 'now'],
    [5 * 60, 'en', '5 minutes ago'],
    [3 * 3600 + 59 * 60, 'en', '3 hours ago'],
    [86400 + 3600, 'en', 'yesterday'],
    [3 * 86400, 'de', 'vor 3 Tagen'],
    [2 * 86400, 'de', 'vorgestern'],
    [8 * 86400, 'de', 'letzte Woche'],
    [45 * 86400, 'tr', 'geçen ay'],
    [400 * 86400, 'en', 'last year'],
    [2 * 3600, 'ar', 'قبل ساعتين'],
  ])('puts %p seconds ago in %p as %p', (seconds, language, expected) => {
    expect(relativeTime(ago(seconds), NOW, language)).toBe(expected);
  });

  it('says "now" for a date slightly in the future (clock skew) and counts forward beyond a minute', () => {
    expect(relativeTime(new Date(NOW.getTime() + 10_000), NOW, 'en')).toBe('now');
    expect(relativeTime(new Date(NOW.getTime() + 2 * 3600_000), NOW, 'en')).toBe('in 2 hours');
  });
});

describe('exactTime', () => {
  it('gives date and time in the language', () => {
    const date = new Date(2025, 2, 10, 14, 5);
    expect(exactTime(date, 'de')).toBe('10. März 2025 um 14:05');
    expect(exactTime(date, 'en')).toMatch(/^March 10, 2025 at 2:05\sPM$/);
  });
});
