import {
  adaptInterval,
  delayAfterFailure,
  delayAfterSuccess,
  MAX_INTERVAL_SECONDS,
  MIN_INTERVAL_SECONDS,
  pausedReason,
} from './fetch-policy';

const HOUR = 3600;
const noJitter = () => 0.5;

describe('fetch policy', () => {
  it('stretches the interval after quiet fetches, up to 24 hours', () => {
    let interval = 1800;
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      interval = adaptInterval({ previousIntervalSeconds: interval, newItems: 0, secondsSincePreviousFetch: interval });
      seen.push(interval);
    }
    expect(seen[0]).toBe(2700);
    expect(seen.every((value, i) => i === 0 || value >= seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(MAX_INTERVAL_SECONDS);
  });

  it('moves halfway towards one new item per fetch for a busy source, never below 5 minutes', () => {
    // 6 new items in the last hour: 10 minutes per item; halfway from 60 minutes is 35.
    expect(adaptInterval({ previousIntervalSeconds: HOUR, newItems: 6, secondsSincePreviousFetch: HOUR })).toBe(35 * 60);
    expect(adaptInterval({ previousIntervalSeconds: 300, newItems: 500, secondsSincePreviousFetch: 600 })).toBe(MIN_INTERVAL_SECONDS);
    // A first fetch's items are the backlog, not a rate.
    expect(adaptInterval({ previousIntervalSeconds: 1800, newItems: 50, secondsSincePreviousFetch: null })).toBe(1800);
  });

  it('waits at least as long as the feed’s ttl or the response’s max-age asks, at most 24 hours', () => {
    expect(delayAfterSuccess(1800, {}, noJitter)).toBe(1800);
    expect(delayAfterSuccess(1800, { ttlSeconds: 3 * HOUR }, noJitter)).toBe(3 * HOUR);
    expect(delayAfterSuccess(1800, { maxAgeSeconds: 2 * HOUR, ttlSeconds: HOUR }, noJitter)).toBe(2 * HOUR);
    expect(delayAfterSuccess(1800, { maxAgeSeconds: 30 * 24 * HOUR }, noJitter)).toBe(MAX_INTERVAL_SECONDS);
    expect(delayAfterSuccess(1800, { maxAgeSeconds: 0 }, noJitter)).toBe(1800);
    // Jitter stays within ±10 %.
    expect(delayAfterSuccess(1800, {}, () => 0)).toBe(1620);
    expect(delayAfterSuccess(1800, {}, () => 1)).toBe(1980);
  });

  it('backs off exponentially after failures and honours Retry-After', () => {
    const delays = [1, 2, 3, 4, 5, 12].map((n) => delayAfterFailure(n, undefined, () => 0));
    expect(delays).toEqual([300, 600, 1200, 2400, 4800, MAX_INTERVAL_SECONDS]);
    expect(delayAfterFailure(1, 7200, () => 0)).toBe(7200);
    expect(delayAfterFailure(3, 60, () => 0)).toBe(1200);
    expect(delayAfterFailure(1, 10 * 24 * HOUR, () => 0)).toBe(MAX_INTERVAL_SECONDS);
  });

  it('explains a pause in words', () => {
    expect(pausedReason(10, 'The server answered 500 Internal Server Error.')).toBe(
      'Paused after 10 failed fetches in a row. The last error: The server answered 500 Internal Server Error. ' +
        'Edit the source or fetch it now to try again.',
    );
  });
});
