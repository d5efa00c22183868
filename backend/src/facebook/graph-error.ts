import { NO_USAGE, type GraphUsage } from './graph-usage';

/**
 * What a failed Graph call means for the caller:
 * - token: the access token expired or was revoked (code 190) — reconnect;
 * - permission: the token may not do this (10, 200–299) — reconnect with the permission;
 * - duplicate: Facebook refused the post as a duplicate (506);
 * - rate_limit: 4, 17, 32, 613, 80001 (and the other 800xx use-case limits) — wait;
 * - transient: Facebook's own trouble (1, 2, is_transient, 5xx) — try again later;
 * - no_response: no answer came (timeout, connection lost) — the call may or may not have taken effect;
 * - invalid: anything else Facebook refused (a bad id or parameter) — trying again will not help.
 */
export type GraphErrorKind = 'token' | 'permission' | 'duplicate' | 'rate_limit' | 'transient' | 'no_response' | 'invalid';

export const RATE_LIMIT_CODES: readonly number[] = [4, 17, 32, 613, 80001];
/** Without `estimated_time_to_regain_access`, a rate limit is waited out this long. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 15 * 60;

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
  is_transient?: boolean;
}

export class GraphError extends Error {
  readonly kind: GraphErrorKind;

  constructor(
    message: string,
    readonly details: {
      kind?: GraphErrorKind;
      code?: number | null;
      subcode?: number | null;
      type?: string | null;
      fbtraceId?: string | null;
      httpStatus?: number | null;
      usage?: GraphUsage;
    } = {},
  ) {
    super(message);
    this.name = 'GraphError';
    this.kind = details.kind ?? classify(details.code ?? null, details.httpStatus ?? null, false);
  }

  get code(): number | null {
    return this.details.code ?? null;
  }

  get usage(): GraphUsage {
    return this.details.usage ?? NO_USAGE;
  }

  /** For rate limits: how long to stay away, from the usage headers or a default. */
  get retryAfterSeconds(): number {
    const minutes = this.usage.regainAccessMinutes;
    return minutes > 0 ? Math.ceil(minutes * 60) : DEFAULT_RATE_LIMIT_WAIT_SECONDS;
  }

  /** Trying again later may work. */
  get transient(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'transient' || this.kind === 'no_response';
  }

  static fromBody(body: GraphErrorBody, httpStatus: number | null, usage: GraphUsage): GraphError {
    const code = typeof body.code === 'number' ? body.code : null;
    return new GraphError(body.message || `Facebook answered ${httpStatus ?? 'without a status'}`, {
      kind: classify(code, httpStatus, body.is_transient === true),
      code,
      subcode: typeof body.error_subcode === 'number' ? body.error_subcode : null,
      type: body.type ?? null,
      fbtraceId: body.fbtrace_id ?? null,
      httpStatus,
      usage,
    });
  }
}

export function classify(code: number | null, httpStatus: number | null, isTransient: boolean): GraphErrorKind {
  if (code === 190 || code === 102) return 'token';
  if (code !== null && (RATE_LIMIT_CODES.includes(code) || (code >= 80000 && code <= 80014))) return 'rate_limit';
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) return 'permission';
  if (code === 506) return 'duplicate';
  if (isTransient || code === 1 || code === 2) return 'transient';
  if (httpStatus !== null && httpStatus >= 500) return 'transient';
  return 'invalid';
}
