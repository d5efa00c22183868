import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { AddressGuard } from './address-guard';
import { discardBody, readLimitedBody } from './body-reader';
import { decodeBody } from './charset';
import { FetchDeadline } from './fetch-deadline';
import { FetchError, FetchErrorCode } from './fetch-error';
import type { FeedFetcherOptions, FetchOptions, FetchResult } from './feed-fetcher.types';
import { parseFeedUrl, resolveRedirect } from './feed-url';
import { headerValue, parseCacheControlMaxAge, parseRetryAfter } from './http-headers';
import { toFetchError } from './request-error';

export const FEED_FETCHER_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const BOT_NAME = 'WelcomeRuhrBot/1.0';
const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** "WelcomeRuhrBot/1.0 (+https://portal.example)": feed owners see who reads them and where to ask. */
export function defaultUserAgent(publicUrl?: string): string {
  const contact = publicUrl?.trim().replace(/\/+$/, '');
  return contact ? `${BOT_NAME} (+${contact})` : BOT_NAME;
}

/**
 * Fetches one feed URL safely: only http(s), no private addresses (checked on the connected
 * address of every hop), redirects followed by hand and counted, conditional GET, bounded size
 * and time, and the body decoded to a string by its declared charset.
 */
export class FeedFetcher {
  readonly userAgent: string;
  private readonly connectTimeoutMs: number;
  private readonly totalTimeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly guard: AddressGuard;
  private readonly http: AxiosInstance;

  constructor(options: FeedFetcherOptions = {}) {
    const defaults = FEED_FETCHER_DEFAULTS;
    this.connectTimeoutMs = positive('connectTimeoutMs', options.connectTimeoutMs ?? defaults.connectTimeoutMs);
    this.totalTimeoutMs = positive('totalTimeoutMs', options.totalTimeoutMs ?? defaults.totalTimeoutMs);
    this.maxBytes = positive('maxBytes', options.maxBytes ?? defaults.maxBytes);
    this.maxRedirects = options.maxRedirects ?? defaults.maxRedirects;
    if (!Number.isInteger(this.maxRedirects) || this.maxRedirects < 0) {
      throw new RangeError(`maxRedirects must be a whole number ≥ 0, got ${this.maxRedirects}`);
    }
    this.userAgent = options.userAgent ?? defaultUserAgent(options.publicUrl);
    this.guard = new AddressGuard(options.allowPrivateHosts);
    this.http = axios.create({
      // The fetch adapter would ignore our agents, and with them the address check.
      adapter: 'http',
      // A proxy from HTTP_PROXY would make the agents check the proxy's address instead of the feed's.
      proxy: false,
      // Redirects are followed in fetch(), so that every Location is checked, resolved and counted.
      maxRedirects: 0,
      responseType: 'stream',
      decompress: true,
      // Statuses are judged in toResult(); axios must hand every response over.
      validateStatus: () => true,
      // axios's timeout runs until the response headers arrive: our per-hop connect timeout.
      timeout: this.connectTimeoutMs,
      transitional: { clarifyTimeoutError: true },
    });
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const startedAt = performance.now();
    let current = parseFeedUrl(url);
    const deadline = new FetchDeadline(this.totalTimeoutMs, options.signal);
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await this.requestHop(current, options, deadline);
        if (!REDIRECT_STATUSES.has(response.status)) {
          return await this.toResult(response, current, options, redirects, startedAt, deadline);
        }
        discardBody(response.data);
        const location = headerValue(response.headers, 'location');
        if (!location) throw FetchError.redirectWithoutLocation(current.href, response.status);
        if (redirects >= this.maxRedirects) throw FetchError.tooManyRedirects(current.href, this.maxRedirects);
        current = resolveRedirect(location, current);
      }
    } catch (error) {
      throw toFetchError(error, {
        url: current,
        deadline,
        connectTimeoutMs: this.connectTimeoutMs,
        totalTimeoutMs: this.totalTimeoutMs,
      });
    } finally {
      deadline.dispose();
    }
  }

  private requestHop(url: URL, options: FetchOptions, deadline: FetchDeadline): Promise<AxiosResponse<Readable>> {
    const headers: Record<string, string> = {
      'User-Agent': this.userAgent,
      Accept: options.accept ?? DEFAULT_ACCEPT,
    };
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    return this.http.request<Readable>({
      url: url.href,
      method: 'GET',
      headers,
      ...this.guard.agentsFor(url),
      signal: deadline.signal,
    });
  }

  private async toResult(
    response: AxiosResponse<Readable>,
    url: URL,
    options: FetchOptions,
    redirects: number,
    startedAt: number,
    deadline: FetchDeadline,
  ): Promise<FetchResult> {
    const { status } = response;
    const headers = response.headers as Record<string, unknown>;
    const retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'));

    if (status === 304) {
      discardBody(response.data);
      return {
        ...this.describe(response, url, redirects, retryAfterSeconds),
        // A 304 may leave out the validators; the ones we sent are then still current.
        etag: headerValue(headers, 'etag') ?? options.etag,
        lastModified: headerValue(headers, 'last-modified') ?? options.lastModified,
        notModified: true,
        bytes: 0,
        durationMs: elapsed(startedAt),
      };
    }
    if (status < 200 || status >= 300) {
      discardBody(response.data);
      throw FetchError.httpStatus(url.href, status, retryAfterSeconds);
    }
    // axios removes Content-Encoding once it has set up decompression; one still present is one it cannot undo.
    const encoding = headerValue(headers, 'content-encoding');
    if (encoding && encoding.toLowerCase() !== 'identity') {
      discardBody(response.data);
      throw new FetchError(
        FetchErrorCode.Network,
        `The server sent the feed compressed as “${encoding}”, which cannot be read`,
        { url: url.href },
      );
    }

    const bytes = await readLimitedBody(response.data, this.maxBytes, url.href, deadline.signal);
    const described = this.describe(response, url, redirects, retryAfterSeconds);
    return {
      ...described,
      notModified: false,
      body: decodeBody(bytes, described.contentType),
      bytes: bytes.length,
      durationMs: elapsed(startedAt),
    };
  }

  private describe(response: AxiosResponse, url: URL, redirects: number, retryAfterSeconds: number | undefined) {
    const headers = response.headers as Record<string, unknown>;
    return {
      status: response.status,
      contentType: headerValue(headers, 'content-type') ?? '',
      finalUrl: url.href,
      etag: headerValue(headers, 'etag'),
      lastModified: headerValue(headers, 'last-modified'),
      cacheControlMaxAge: parseCacheControlMaxAge(headerValue(headers, 'cache-control')),
      retryAfterSeconds,
      redirects,
    };
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
