import { STATUS_CODES } from 'node:http';

/** Why a fetch failed; stored with the source so the scheduler and the dashboard can tell causes apart. */
export enum FetchErrorCode {
  BlockedAddress = 'BLOCKED_ADDRESS',
  InvalidUrl = 'INVALID_URL',
  TooManyRedirects = 'TOO_MANY_REDIRECTS',
  Timeout = 'TIMEOUT',
  TooLarge = 'TOO_LARGE',
  HttpStatus = 'HTTP_STATUS',
  Network = 'NETWORK',
  Dns = 'DNS',
  /** The caller's AbortSignal fired (e.g. shutdown); not the feed's fault, so not worth recording as an error. */
  Aborted = 'ABORTED',
}

export interface FetchErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** The address of the hop that failed, which after redirects may differ from the source's URL. */
  url?: string;
  cause?: unknown;
}

/**
 * A failed feed fetch. `message` is shown to moderators in the dashboard as it is,
 * so it names the problem in plain words and never carries a stack or library jargon.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly url?: string;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.url = details.url;
  }

  static invalidUrl(url: string, cause?: unknown): FetchError {
    return new FetchError(FetchErrorCode.InvalidUrl, `“${shorten(url)}” is not a valid web address`, { url, cause });
  }

  static unsupportedScheme(url: string, scheme: string): FetchError {
    return new FetchError(
      FetchErrorCode.InvalidUrl,
      `“${shorten(url)}” uses ${scheme}; only http and https addresses are fetched`,
      { url },
    );
  }

  static blockedAddress(url: string, host: string, address: string, cause?: unknown): FetchError {
    const target = host && host !== address ? `${host} (${address})` : address;
    return new FetchError(
      FetchErrorCode.BlockedAddress,
      `Refused to connect to ${target}: private network addresses are not fetched`,
      { url, cause },
    );
  }

  static tooManyRedirects(url: string, maxRedirects: number): FetchError {
    return new FetchError(
      FetchErrorCode.TooManyRedirects,
      `The feed address redirected more than ${maxRedirects} times; please check the address`,
      { url },
    );
  }

  static redirectWithoutLocation(url: string, status: number): FetchError {
    return new FetchError(
      FetchErrorCode.HttpStatus,
      `The server answered ${statusLine(status)} but did not say where the feed moved`,
      { url, status },
    );
  }

  static headersTimeout(url: string, ms: number): FetchError {
    return new FetchError(FetchErrorCode.Timeout, `The server did not answer within ${formatSeconds(ms)}`, { url });
  }

  static totalTimeout(url: string, ms: number): FetchError {
    return new FetchError(
      FetchErrorCode.Timeout,
      `The feed did not finish downloading within ${formatSeconds(ms)}`,
      { url },
    );
  }

  static tooLarge(url: string, maxBytes: number): FetchError {
    const limit = formatBytes(maxBytes);
    return new FetchError(
      FetchErrorCode.TooLarge,
      `The feed is larger than ${limit}; only feeds up to ${limit} are read`,
      { url },
    );
  }

  static httpStatus(url: string, status: number, retryAfterSeconds?: number): FetchError {
    const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'the problem is on the feed’s server' : undefined);
    const retry =
      retryAfterSeconds === undefined ? '' : `; it asks to try again in ${formatSeconds(retryAfterSeconds * 1000)}`;
    return new FetchError(
      FetchErrorCode.HttpStatus,
      `The server answered ${statusLine(status)}${hint ? ` (${hint})` : ''}${retry}`,
      { url, status, retryAfterSeconds },
    );
  }

  static aborted(url: string): FetchError {
    return new FetchError(FetchErrorCode.Aborted, 'The fetch was cancelled before it finished', { url });
  }
}

const STATUS_HINTS: Record<number, string> = {
  401: 'the feed needs a login',
  403: 'the server does not let us read the feed',
  404: 'the feed address may have changed',
  410: 'the feed has been removed',
  429: 'we asked too often',
};

function statusLine(status: number): string {
  // The standard reason phrase, not the server's: it is predictable and cannot smuggle text into the dashboard.
  const reason = STATUS_CODES[status];
  return reason ? `${status} ${reason}` : String(status);
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function formatSeconds(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} minutes`;
  const seconds = Number((ms / 1000).toFixed(1));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
