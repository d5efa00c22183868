/** When to try a mail again: pure functions, so the worker and its tests agree. */

/** The first retry after a failure; each further failure doubles it. */
export const FIRST_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 6 * 60 * 60;
/** After this many attempts a mail counts as failed; an admin may retry it. About 1.5 days of trying. */
export const MAX_ATTEMPTS = 12;
/** A claimed mail is due again after this long if its process dies while sending. */
export const CLAIM_LEASE_SECONDS = 5 * 60;

/** Seconds until the next try after the n-th failed attempt: 30 s, 1 min, 2 min, … up to 6 h, ±10 %. */
export function retryDelaySeconds(attempts: number, random = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  const base = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** exponent);
  return Math.round(base * (1 + (random() * 2 - 1) * 0.1));
}

export interface SendFailure {
  /** SMTP reply code, when the server answered. */
  responseCode?: number;
  code?: string;
  message: string;
}

/**
 * A 5xx answer means the server refused this mail for good (unknown recipient, policy); trying again the
 * same way does not help. Connection problems and 4xx answers are temporary.
 */
export function isPermanent(failure: SendFailure): boolean {
  return typeof failure.responseCode === 'number' && failure.responseCode >= 500 && failure.responseCode < 600;
}

/** The error in words for the admins' list; SMTP servers echo addresses, which is fine there. */
export function describeFailure(failure: SendFailure): string {
  const parts = [failure.code, failure.responseCode ? String(failure.responseCode) : null, failure.message].filter(Boolean);
  return parts.join(' ').slice(0, 1000);
}
