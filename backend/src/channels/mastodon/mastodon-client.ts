import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { AddressGuard } from '../../ingestion/fetch/address-guard';

/** Like GraphErrorKind: what a failed Mastodon call means for the caller. */
export type MastodonErrorKind = 'token' | 'rate_limit' | 'transient' | 'no_response' | 'invalid';

export class MastodonError extends Error {
  constructor(
    message: string,
    readonly kind: MastodonErrorKind,
    readonly status: number | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'MastodonError';
  }

  get transient(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'transient' || this.kind === 'no_response';
  }
}

export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  url?: string;
}

export interface MastodonStatus {
  id: string;
  url: string | null;
  created_at: string;
  content?: string;
}

export const DEFAULT_MASTODON_TIMEOUT_MS = 20_000;

/**
 * The few Mastodon API calls channels need, with axios behind the SSRF guard (an instance address is
 * user input): verify a token, post a status with an Idempotency-Key, upload an image, list statuses.
 */
export class MastodonClient {
  private readonly http: AxiosInstance;

  constructor(
    private readonly guard: AddressGuard,
    timeoutMs = DEFAULT_MASTODON_TIMEOUT_MS,
  ) {
    this.http = axios.create({ timeout: timeoutMs, maxRedirects: 0, validateStatus: () => true, headers: { Accept: 'application/json' } });
  }

  verifyCredentials(instanceUrl: string, token: string): Promise<MastodonAccount> {
    return this.request<MastodonAccount>(instanceUrl, token, 'GET', '/api/v1/accounts/verify_credentials');
  }

  /**
   * Mastodon keeps an Idempotency-Key for an hour: sending the same key again returns the status made
   * the first time instead of posting twice — which makes a retry after an unknown outcome safe.
   */
  postStatus(instanceUrl: string, token: string, body: { status: string; mediaIds?: string[] }, idempotencyKey: string): Promise<MastodonStatus> {
    return this.request<MastodonStatus>(instanceUrl, token, 'POST', '/api/v1/statuses', {
      data: { status: body.status, visibility: 'public', ...(body.mediaIds?.length ? { media_ids: body.mediaIds } : {}) },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  uploadMedia(instanceUrl: string, token: string, image: Buffer, contentType: string, description?: string): Promise<{ id: string }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(image)], { type: contentType }), 'image.jpg');
    if (description) form.append('description', description.slice(0, 1500));
    return this.request<{ id: string }>(instanceUrl, token, 'POST', '/api/v2/media', { data: form });
  }

  recentStatuses(instanceUrl: string, token: string, accountId: string, limit = 40): Promise<MastodonStatus[]> {
    return this.request<MastodonStatus[]>(instanceUrl, token, 'GET', `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, {
      params: { limit, exclude_replies: true, exclude_reblogs: true },
    });
  }

  private async request<T>(
    instanceUrl: string,
    token: string,
    method: 'GET' | 'POST',
    path: string,
    options: { data?: unknown; params?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const url = new URL(path, instanceUrl);
    let response: AxiosResponse;
    try {
      response = await this.http.request({
        method,
        url: url.toString(),
        data: options.data,
        params: options.params,
        headers: { Authorization: `Bearer ${token}`, ...(options.headers ?? {}) },
        ...this.guard.agentsFor(url),
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new MastodonError(
        code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'The Mastodon instance did not answer in time' : 'The Mastodon instance could not be reached or the connection broke',
        'no_response',
      );
    }
    if (response.status >= 200 && response.status < 300) return response.data as T;
    const message = typeof response.data?.error === 'string' ? response.data.error : `HTTP ${response.status}`;
    if (response.status === 401 || response.status === 403) throw new MastodonError(`Mastodon refused the access token (${message})`, 'token', response.status);
    if (response.status === 429) {
      const reset = Date.parse(String(response.headers['x-ratelimit-reset'] ?? ''));
      const wait = Number.isFinite(reset) ? Math.max(1, Math.ceil((reset - Date.now()) / 1000)) : 300;
      throw new MastodonError('The Mastodon instance’s rate limit is reached', 'rate_limit', 429, wait);
    }
    if (response.status >= 500) throw new MastodonError(`The Mastodon instance had a problem (${message})`, 'transient', response.status);
    throw new MastodonError(`Mastodon refused the request: ${message}`, 'invalid', response.status);
  }
}
