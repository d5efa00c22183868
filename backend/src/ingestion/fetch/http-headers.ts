/** Pure parsers for the response headers that steer when a source is fetched next. */

const DELTA_SECONDS = /^\d+$/;
// RFC 9110 §5.6.7 allows three date formats; asctime carries no zone but means GMT.
const IMF_FIXDATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC850_DATE = /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Seconds to wait according to a Retry-After header: delta-seconds or an HTTP-date
 * (a date in the past means "now", 0). Anything else is ignored (undefined) rather than guessed.
 */
export function parseRetryAfter(value: string | undefined | null, now: Date = new Date()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  const date = parseHttpDate(text);
  if (date === undefined) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

function parseHttpDate(text: string): number | undefined {
  let normalized: string;
  if (IMF_FIXDATE.test(text)) normalized = text;
  else if (RFC850_DATE.test(text)) normalized = text;
  else if (ASCTIME_DATE.test(text)) normalized = `${text} GMT`;
  else return undefined;
  const time = Date.parse(normalized);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Freshness lifetime in seconds from Cache-Control. `no-store` and `no-cache` give 0
 * (the server wants every read checked); a missing or malformed max-age gives undefined.
 * s-maxage is ignored on purpose: we are a private reader, not a shared cache.
 */
export function parseCacheControlMaxAge(value: string | undefined | null): number | undefined {
  if (value == null) return undefined;
  let maxAge: number | undefined;
  for (const directive of value.split(',')) {
    const [rawName, ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    // A qualified no-cache="Set-Cookie" only concerns those headers, so it does not end freshness.
    if (name === 'no-store' || (name === 'no-cache' && rest.length === 0)) return 0;
    if (name !== 'max-age' || maxAge !== undefined) continue;
    const argument = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (DELTA_SECONDS.test(argument) && Number.isSafeInteger(Number(argument))) maxAge = Number(argument);
  }
  return maxAge;
}

/** One header value as a string, whatever shape the HTTP client handed it over in. */
export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}
