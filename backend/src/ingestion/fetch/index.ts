export { FeedFetcher, FEED_FETCHER_DEFAULTS, defaultUserAgent } from './feed-fetcher';
export type { FeedFetcherOptions, FetchOptions, FetchResult } from './feed-fetcher.types';
export { FetchError, FetchErrorCode, type FetchErrorDetails } from './fetch-error';
export { parseCacheControlMaxAge, parseRetryAfter } from './http-headers';
export { decodeBody, detectCharset, type CharsetSource, type DetectedCharset } from './charset';
