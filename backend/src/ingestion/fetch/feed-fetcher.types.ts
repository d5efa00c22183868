export interface FeedFetcherOptions {
  /** Host names or IPs (FETCH_ALLOW_PRIVATE_HOSTS) that may resolve to private addresses. Default: none. */
  allowPrivateHosts?: readonly string[];
  /** The portal's address (PUBLIC_URL), named in the default User-Agent so feed owners can find us. */
  publicUrl?: string;
  /** Overrides the User-Agent built from publicUrl. */
  userAgent?: string;
  /** Per hop: connecting plus waiting for the response headers. Default 10 s. */
  connectTimeoutMs?: number;
  /** The whole fetch: every hop and the body. Default 30 s. */
  totalTimeoutMs?: number;
  /** Largest body accepted, counted after decompression. Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
}

export interface FetchOptions {
  /** The ETag of the last successful fetch, sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified of the last successful fetch, sent as If-Modified-Since. */
  lastModified?: string;
  /** Overrides the default Accept header (feed types first). */
  accept?: string;
  /** Cancels the fetch (e.g. on shutdown); it then fails with FetchErrorCode.Aborted. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final response's status: 2xx, or 304 when notModified. */
  status: number;
  /** The server confirmed (304) that the copy we have is current; there is no body. */
  notModified: boolean;
  /** The decoded body (see charset.ts); absent when notModified. */
  body?: string;
  /** Body size in bytes after decompression, before charset decoding. */
  bytes: number;
  /** The Content-Type header as sent, '' when the server sent none. */
  contentType: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  /** Seconds from Cache-Control max-age (0 for no-cache/no-store). */
  cacheControlMaxAge?: number;
  /** Seconds from Retry-After, if the server sent one. */
  retryAfterSeconds?: number;
  /** Redirects followed. */
  redirects: number;
  durationMs: number;
}
