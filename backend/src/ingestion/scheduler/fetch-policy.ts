/** When to fetch a source again: pure functions of what the last fetch saw. */

export const MIN_INTERVAL_SECONDS = 5 * 60;
export const MAX_INTERVAL_SECONDS = 24 * 60 * 60;
/** A source that failed this many times in a row pauses itself until someone edits it or fetches it now. */
export const PAUSE_AFTER_FAILURES = 10;
/** The first retry after a failure; each further failure doubles it. */
const FIRST_BACKOFF_SECONDS = MIN_INTERVAL_SECONDS;
/** A quiet fetch (no new items, or 304) stretches the interval by this factor. */
const QUIET_STRETCH = 1.5;
/** ±10 %, so that sources added together do not stay in lockstep. */
const JITTER = 0.1;

export function clampInterval(seconds: number): number {
  return Math.round(Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, seconds)));
}

export interface SuccessObservation {
  /** The interval in use so far. */
  previousIntervalSeconds: number;
  newItems: number;
  /** Since the previous fetch; null on the first fetch, whose "new" items are the feed's backlog. */
  secondsSincePreviousFetch: number | null;
}

/**
 * The adaptive interval: a fetch that found new items moves halfway to "one new item per fetch"
 * (the observed seconds per new item); a quiet one stretches the interval. Always 5 min to 24 h.
 */
export function adaptInterval(observed: SuccessObservation): number {
  const previous = clampInterval(observed.previousIntervalSeconds);
  if (observed.newItems === 0) return clampInterval(previous * QUIET_STRETCH);
  if (observed.secondsSincePreviousFetch === null) return previous;
  const secondsPerItem = observed.secondsSincePreviousFetch / observed.newItems;
  return clampInterval((previous + secondsPerItem) / 2);
}

export interface PublisherHints {
  /** RSS `<ttl>` of the feed, in seconds. */
  ttlSeconds?: number | null;
  /** Cache-Control max-age of the response. */
  maxAgeSeconds?: number | null;
}

/** Seconds until the next fetch after a success: the interval, but never sooner than the publisher asks. */
export function delayAfterSuccess(intervalSeconds: number, hints: PublisherHints = {}, random = Math.random): number {
  const asked = Math.max(hints.ttlSeconds ?? 0, hints.maxAgeSeconds ?? 0);
  const jittered = intervalSeconds * (1 + (random() * 2 - 1) * JITTER);
  return clampInterval(Math.max(jittered, asked));
}

/**
 * Seconds until the next try after the n-th failure in a row: 5 min, 10, 20, … up to 24 h, and never
 * sooner than the server's Retry-After (429/503).
 */
export function delayAfterFailure(consecutiveFailures: number, retryAfterSeconds?: number, random = Math.random): number {
  const exponent = Math.max(0, Math.min(consecutiveFailures - 1, 20));
  const backoff = FIRST_BACKOFF_SECONDS * 2 ** exponent * (1 + random() * JITTER);
  return clampInterval(Math.max(backoff, retryAfterSeconds ?? 0));
}

export function pausedReason(failures: number, lastError: string): string {
  const error = lastError.trim().replace(/\.+$/, '');
  return `Paused after ${failures} failed fetches in a row. The last error: ${error}. Edit the source or fetch it now to try again.`;
}
