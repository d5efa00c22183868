import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { AddressGuard } from '../ingestion/fetch/address-guard';
import { discardBody, readLimitedBody } from '../ingestion/fetch/body-reader';
import { FetchDeadline } from '../ingestion/fetch/fetch-deadline';
import { FetchError, FetchErrorCode } from '../ingestion/fetch/fetch-error';
import { parseFeedUrl, resolveRedirect } from '../ingestion/fetch/feed-url';
import { headerValue } from '../ingestion/fetch/http-headers';
import { toFetchError } from '../ingestion/fetch/request-error';
import { declaredImageType, sniffImageType, type ImageType } from './image-type';

export interface ImageFetcherOptions {
  allowPrivateHosts?: readonly string[];
  userAgent: string;
  maxBytes?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
}

export interface FetchedImage {
  type: ImageType;
  body: Buffer;
}

/** Why an image is not served, in words for the log and the error response. */
export class ImageUnavailable extends Error {}

export const IMAGE_FETCH_DEFAULTS = { maxBytes: 5 * 1024 * 1024, connectTimeoutMs: 5000, totalTimeoutMs: 15_000, maxRedirects: 3 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';

/**
 * Fetches one image for the proxy with the feed fetcher's SSRF guard: only http(s), the connected
 * address of every hop checked (no private networks unless FETCH_ALLOW_PRIVATE_HOSTS lists the
 * host), redirects followed by hand, bounded time and size, and only real images of the allowed types.
 */
export class ImageFetcher {
  private readonly guard: AddressGuard;
  private readonly http: AxiosInstance;
  private readonly maxBytes: number;
  private readonly totalTimeoutMs: number;
  private readonly connectTimeoutMs: number;

  constructor(private readonly options: ImageFetcherOptions) {
    this.guard = new AddressGuard(options.allowPrivateHosts);
    this.maxBytes = options.maxBytes ?? IMAGE_FETCH_DEFAULTS.maxBytes;
    this.totalTimeoutMs = options.totalTimeoutMs ?? IMAGE_FETCH_DEFAULTS.totalTimeoutMs;
    this.connectTimeoutMs = options.connectTimeoutMs ?? IMAGE_FETCH_DEFAULTS.connectTimeoutMs;
    this.http = axios.create({
      adapter: 'http',
      proxy: false,
      maxRedirects: 0,
      responseType: 'stream',
      decompress: true,
      validateStatus: () => true,
      timeout: this.connectTimeoutMs,
      transitional: { clarifyTimeoutError: true },
    });
  }

  async fetch(address: string): Promise<FetchedImage> {
    const deadline = new FetchDeadline(this.totalTimeoutMs);
    let url: URL | undefined;
    try {
      url = parseFeedUrl(address);
      for (let redirects = 0; ; redirects++) {
        const response = await this.http.request<Readable>({
          url: url.href,
          method: 'GET',
          // No cookies, no referrer: the image's host learns only that the portal asked.
          headers: { 'User-Agent': this.options.userAgent, Accept: ACCEPT },
          ...this.guard.agentsFor(url),
          signal: deadline.signal,
        });
        if (REDIRECTS.has(response.status)) {
          discardBody(response.data);
          const location = headerValue(response.headers as Record<string, unknown>, 'location');
          if (!location || redirects >= IMAGE_FETCH_DEFAULTS.maxRedirects) throw new ImageUnavailable('too many or broken redirects');
          url = resolveRedirect(location, url);
          continue;
        }
        return await this.read(response, url, deadline);
      }
    } catch (error) {
      if (error instanceof ImageUnavailable) throw error;
      const failure = url
        ? toFetchError(error, { url, deadline, connectTimeoutMs: this.connectTimeoutMs, totalTimeoutMs: this.totalTimeoutMs })
        : error;
      throw new ImageUnavailable(describe(failure, this.maxBytes));
    } finally {
      deadline.dispose();
    }
  }

  private async read(response: AxiosResponse<Readable>, url: URL, deadline: FetchDeadline): Promise<FetchedImage> {
    const headers = response.headers as Record<string, unknown>;
    if (response.status !== 200) {
      discardBody(response.data);
      throw new ImageUnavailable(`its server answered ${response.status}`);
    }
    const declared = declaredImageType(headerValue(headers, 'content-type'));
    if (!declared) {
      discardBody(response.data);
      throw new ImageUnavailable(`its server sent ${headerValue(headers, 'content-type') || 'no type'}, not an image type the widget shows`);
    }
    const length = Number(headerValue(headers, 'content-length'));
    if (Number.isFinite(length) && length > this.maxBytes) {
      discardBody(response.data);
      throw FetchError.tooLarge(url.href, this.maxBytes);
    }
    const body = await readLimitedBody(response.data, this.maxBytes, url.href, deadline.signal);
    const type = sniffImageType(body);
    if (!type) throw new ImageUnavailable(`its content is not a JPEG, PNG, WebP, GIF or AVIF image`);
    return { type, body };
  }
}

function describe(error: unknown, maxBytes: number): string {
  if (!(error instanceof FetchError)) return 'it could not be fetched';
  switch (error.code) {
    case FetchErrorCode.BlockedAddress:
      return 'its address is in a private network';
    case FetchErrorCode.TooLarge:
      return `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
    case FetchErrorCode.Timeout:
      return 'its server did not answer in time';
    case FetchErrorCode.InvalidUrl:
      return 'its address is not an http(s) address';
    default:
      return 'its server could not be reached';
  }
}
