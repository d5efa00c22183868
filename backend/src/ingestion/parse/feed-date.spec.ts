import { parseFeedDate, resolvePublishedAt } from './feed-date';

const iso = (raw: string) => parseFeedDate(raw)?.toISOString();

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2025 14:30:00 +0200', '2025-06-10T12:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 GMT', '2025-06-10T14:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 CEST', '2025-06-10T12:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 MESZ', '2025-06-10T12:30:00.000Z'],
    ['Tue, 14 Jan 2025 14:30:00 CET', '2025-01-14T13:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 EDT', '2025-06-10T18:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 -0500', '2025-06-10T19:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 +0530', '2025-06-10T09:00:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 +03:00', '2025-06-10T11:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 TRT', '2025-06-10T11:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 GMT+2', '2025-06-10T12:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30:00 +0200 (CEST)', '2025-06-10T12:30:00.000Z'],
    ['Tue, 10 Jun 2025 14:30 +0200', '2025-06-10T12:30:00.000Z'],
    ['10 Jun 2025 14:30:00 Z', '2025-06-10T14:30:00.000Z'],
    ['Tue, 3 Jun 25 08:00:00 GMT', '2025-06-03T08:00:00.000Z'],
    ['Di, 10 Juni 2025 14:30:00 +0200', '2025-06-10T12:30:00.000Z'],
    ['Mo, 03 Mär 2025 09:00:00 MEZ', '2025-03-03T08:00:00.000Z'],
    ['Fri, 31 Oct 2025 10:00:00 XYZ', '2025-10-31T09:00:00.000Z'], // unknown zone word: German time
  ])('reads RFC 822 %p', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['2025-06-10T14:30:00Z', '2025-06-10T14:30:00.000Z'],
    ['2025-06-10T14:30:00.123+02:00', '2025-06-10T12:30:00.123Z'],
    ['2025-06-10T14:30:00+0200', '2025-06-10T12:30:00.000Z'],
    ['2025-06-10T14:30+02:00', '2025-06-10T12:30:00.000Z'],
    ['2025-06-10 14:30:00-04:00', '2025-06-10T18:30:00.000Z'],
    ['2025-06-10T14:30:00.5Z', '2025-06-10T14:30:00.500Z'],
  ])('reads ISO 8601 %p', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('reads times without a zone as German time, summer and winter', () => {
    expect(iso('2025-06-10T14:30:00')).toBe('2025-06-10T12:30:00.000Z');
    expect(iso('2025-01-10T14:30:00')).toBe('2025-01-10T13:30:00.000Z');
    expect(iso('2025-04-02')).toBe('2025-04-01T22:00:00.000Z');
    expect(iso('Tue, 10 Jun 2025 14:30:00')).toBe('2025-06-10T12:30:00.000Z');
  });

  it('handles the hours around the DST switch', () => {
    // 30 March 2025, 03:30 German summer time is 01:30 UTC; 01:30 is still winter time.
    expect(iso('2025-03-30T03:30:00')).toBe('2025-03-30T01:30:00.000Z');
    expect(iso('2025-03-30T01:30:00')).toBe('2025-03-30T00:30:00.000Z');
    expect(iso('2025-10-26T04:00:00')).toBe('2025-10-26T03:00:00.000Z');
  });

  it('falls back to the engine for other shapes', () => {
    expect(iso('June 10, 2025 14:30:00 UTC')).toBe('2025-06-10T14:30:00.000Z');
  });

  it('rejects what names no real instant', () => {
    expect(parseFeedDate('gestern')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate('2025-02-31T10:00:00Z')).toBeUndefined();
    expect(parseFeedDate('Tue, 10 Foo 2025 14:30:00 GMT')).toBeUndefined();
    expect(parseFeedDate('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate(new Date(Number.NaN))).toBeUndefined();
  });

  it('accepts Date objects (the fallback parser delivers them)', () => {
    expect(parseFeedDate(new Date('2025-06-10T12:30:00Z'))?.toISOString()).toBe('2025-06-10T12:30:00.000Z');
  });
});

describe('resolvePublishedAt', () => {
  const fetchedAt = new Date('2025-06-15T12:00:00Z');

  it('takes the first candidate that parses', () => {
    expect(resolvePublishedAt([undefined, 'kaputt', '2025-06-01T10:00:00Z', '2025-06-02T10:00:00Z'], fetchedAt))
      .toEqual(new Date('2025-06-01T10:00:00Z'));
  });

  it('uses the fetch time when nothing parses', () => {
    expect(resolvePublishedAt([undefined, 'bald'], fetchedAt)).toEqual(fetchedAt);
    expect(resolvePublishedAt([], fetchedAt)).toEqual(fetchedAt);
  });

  it('clamps dates more than a day ahead, keeps those within a day', () => {
    expect(resolvePublishedAt(['2025-06-16T13:00:00Z'], fetchedAt)).toEqual(fetchedAt);
    expect(resolvePublishedAt(['2025-06-16T11:00:00Z'], fetchedAt)).toEqual(new Date('2025-06-16T11:00:00Z'));
  });

  it('returns a copy, so callers cannot change the fetch time through it', () => {
    const result = resolvePublishedAt([], fetchedAt);
    expect(result).not.toBe(fetchedAt);
  });
});
