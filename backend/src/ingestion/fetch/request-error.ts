import { normalizeHost, refusedAddressOf } from './address-guard';
import { errorChain } from './error-chain';
import { FetchError, FetchErrorCode } from './fetch-error';
import type { FetchDeadline } from './fetch-deadline';

export interface RequestErrorContext {
  url: URL;
  deadline: FetchDeadline;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT']);
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was closed unexpectedly',
  EPIPE: 'the connection was closed unexpectedly',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

/** Turns whatever axios, Node or zlib threw into a FetchError a moderator can read. */
export function toFetchError(error: unknown, context: RequestErrorContext): FetchError {
  if (error instanceof FetchError) return error;
  const { url, deadline } = context;
  const host = normalizeHost(url.hostname);

  const refused = refusedAddressOf(error);
  if (refused) return FetchError.blockedAddress(url.href, host, refused, error);
  if (deadline.timedOut) return FetchError.totalTimeout(url.href, context.totalTimeoutMs);
  if (deadline.cancelledByCaller) return FetchError.aborted(url.href);

  const code = errorCode(error);
  const details = { url: url.href, cause: error };
  if (code && TIMEOUT_CODES.has(code)) return FetchError.headersTimeout(url.href, context.connectTimeoutMs);
  if (code && DNS_CODES.has(code)) {
    const reason = code === 'EAI_AGAIN' ? 'the lookup failed for now' : 'it does not exist';
    return new FetchError(FetchErrorCode.Dns, `The server name ${host} could not be found (${reason})`, details);
  }
  if (code && NETWORK_REASONS[code]) {
    return new FetchError(FetchErrorCode.Network, `Could not read from ${host}: ${NETWORK_REASONS[code]}`, details);
  }
  if (code && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__'))) {
    const message = `The compressed feed from ${host} is damaged and cannot be read`;
    return new FetchError(FetchErrorCode.Network, message, details);
  }
  if (code && (code.startsWith('HPE_') || code === 'ERR_INVALID_HTTP_RESPONSE')) {
    return new FetchError(FetchErrorCode.Network, `The server ${host} sent an invalid HTTP response`, details);
  }
  if (code && /CERT|SELF_SIGNED|^ERR_TLS|^ERR_SSL/.test(code)) {
    return new FetchError(
      FetchErrorCode.Network,
      `The HTTPS certificate of ${host} is not valid (${code}), so the connection was not trusted`,
      details,
    );
  }
  return new FetchError(FetchErrorCode.Network, `Could not read from ${host}${code ? ` (${code})` : ''}`, details);
}

/** The most specific error code in the chain: axios wraps Node's errors, Node wraps several in AggregateError. */
function errorCode(error: unknown): string | undefined {
  for (const current of errorChain(error)) {
    const { code } = current as NodeJS.ErrnoException;
    if (typeof code === 'string' && code !== 'ERR_CANCELED' && !code.startsWith('ERR_BAD_')) return code;
  }
  return undefined;
}
