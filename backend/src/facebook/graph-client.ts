import type { FacebookAdsApi } from 'facebook-nodejs-business-sdk';
import { GraphError, type GraphErrorBody } from './graph-error';
import { parseGraphUsage, type GraphUsage } from './graph-usage';

export interface GraphClientOptions {
  /** FACEBOOK_GRAPH_URL: the real Graph API, or a fake in tests. */
  graphUrl: string;
  appId: string | null;
  appSecret: string | null;
  /** A call without an answer after this long counts as `no_response`. */
  timeoutMs?: number;
}

export interface GraphResult<T> {
  data: T;
  usage: GraphUsage;
}

export const DEFAULT_GRAPH_TIMEOUT_MS = 20_000;

type Method = 'GET' | 'POST' | 'DELETE';
type ApiClass = new (graphUrl: string, accessToken: string) => FacebookAdsApi;

let apiClass: ApiClass | null = null;

/**
 * The SDK's FacebookAdsApi, bound to a base URL of our choosing: `call` takes a URL override as its
 * sixth argument, which this subclass always fills in, so nothing global (`FacebookAdsApi.GRAPH`) and
 * nothing in node_modules changes. Loaded on first use: the SDK weighs ~30 MB, and a process that
 * never talks to Facebook should not carry it.
 */
function graphApiClass(): ApiClass {
  if (apiClass) return apiClass;
  const sdk = require('facebook-nodejs-business-sdk') as typeof import('facebook-nodejs-business-sdk');
  // The crash reporter would hook uncaughtException and send our stack traces to Facebook.
  sdk.CrashReporter.disable();
  class ConfigurableGraphApi extends sdk.FacebookAdsApi {
    constructor(
      private readonly graphUrl: string,
      accessToken: string,
    ) {
      super(accessToken, 'en_US', false);
      // Usage headers (X-App-Usage, …) come back as `headers` on the answer.
      this.setShowHeader(true);
    }

    override call(
      method: string,
      path: string | string[],
      params: Record<string, unknown> = {},
      files: Record<string, unknown> = {},
      useMultipartFormData = false,
      urlOverride = '',
    ): Promise<Record<string, unknown>> {
      return super.call(method, path, params, files, useMultipartFormData, urlOverride || this.graphUrl);
    }
  }
  apiClass = ConfigurableGraphApi;
  return apiClass;
}

/**
 * Graph API calls through facebook-nodejs-business-sdk against FACEBOOK_GRAPH_URL: typed results with
 * the usage headers, every failure turned into a GraphError that says what it means (token, rate
 * limit, transient, no answer, …), and a time limit the SDK itself does not have.
 */
export class GraphClient {
  readonly graphUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: GraphClientOptions) {
    this.graphUrl = options.graphUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  }

  get appId(): string | null {
    return this.options.appId;
  }

  get appSecret(): string | null {
    return this.options.appSecret;
  }

  /** `app-id|app-secret`, which Graph accepts for app-level calls (debug_token, public page content). */
  appAccessToken(): string | null {
    return this.options.appId && this.options.appSecret ? `${this.options.appId}|${this.options.appSecret}` : null;
  }

  /** The API version the SDK speaks, e.g. `v24.0`. */
  get version(): string {
    return (graphApiClass() as unknown as typeof FacebookAdsApi).VERSION;
  }

  get<T>(path: string, params: Record<string, unknown>, accessToken: string, timeoutMs?: number): Promise<GraphResult<T>> {
    return this.call<T>('GET', segments(path), params, accessToken, timeoutMs);
  }

  post<T>(path: string, params: Record<string, unknown>, accessToken: string, timeoutMs?: number): Promise<GraphResult<T>> {
    return this.call<T>('POST', segments(path), params, accessToken, timeoutMs);
  }

  delete<T>(path: string, accessToken: string, timeoutMs?: number): Promise<GraphResult<T>> {
    return this.call<T>('DELETE', segments(path), {}, accessToken, timeoutMs);
  }

  /**
   * Subscribes our app to the page's updates (`POST /{page-id}/subscribed_apps`), so that Facebook sends
   * them to the webhook. Needs the PAGE token (pages_manage_metadata); Graph answers `{"success": true}`.
   */
  async subscribePage(pageId: string, pageToken: string, fields: readonly string[] = ['feed'], timeoutMs?: number): Promise<void> {
    const answer = await this.post<{ success?: boolean }>(`${pageId}/subscribed_apps`, { subscribed_fields: fields.join(',') }, pageToken, timeoutMs);
    if (answer.data.success !== true) {
      throw new GraphError('Facebook did not confirm the subscription of the page', { kind: 'invalid', usage: answer.usage });
    }
  }

  /**
   * A `paging.next` address as Graph returned it (it carries its own token and cursor). Followed only
   * on the Graph host we talk to, so a token never travels anywhere else.
   */
  getNext<T>(nextUrl: string, accessToken: string): Promise<GraphResult<T>> {
    let next: URL;
    try {
      next = new URL(nextUrl);
    } catch {
      return Promise.reject(new GraphError('Facebook gave a next page address that is not a URL', { kind: 'invalid' }));
    }
    if (next.origin !== new URL(this.graphUrl).origin) {
      return Promise.reject(new GraphError(`Facebook's next page is on another host (${next.host}); not followed`, { kind: 'invalid' }));
    }
    if (!next.searchParams.has('access_token')) next.searchParams.set('access_token', accessToken);
    return this.call<T>('GET', next.toString(), {}, accessToken);
  }

  private async call<T>(method: Method, path: string | string[], params: Record<string, unknown>, accessToken: string, timeoutMs = this.timeoutMs): Promise<GraphResult<T>> {
    const Api = graphApiClass();
    const api = new Api(this.graphUrl, accessToken);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new GraphError(`Facebook did not answer within ${Math.round(timeoutMs / 1000)} s`, { kind: 'no_response' })),
        timeoutMs,
      );
    });
    try {
      const answer = await Promise.race([api.call(method, path, params), deadline]);
      const { headers, ...data } = answer;
      return { data: data as T, usage: parseGraphUsage(headers as Record<string, unknown>) };
    } catch (error) {
      throw toGraphError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function segments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment));
}

interface SdkRequestError {
  name?: string;
  status?: number | null;
  response?: unknown;
  headers?: Record<string, unknown>;
  message?: string;
}

/** The SDK throws FacebookRequestError (and a SyntaxError when an error page is not JSON). */
export function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const sdkError = error as SdkRequestError | null;
  if (sdkError?.name === 'FacebookRequestError') {
    const usage = parseGraphUsage(sdkError.headers);
    if (sdkError.status === null || sdkError.status === undefined) {
      return new GraphError('Facebook could not be reached or the connection broke before an answer came', { kind: 'no_response', usage });
    }
    const body = sdkError.response && typeof sdkError.response === 'object' ? (sdkError.response as GraphErrorBody) : {};
    return GraphError.fromBody(body, sdkError.status, usage);
  }
  if (error instanceof SyntaxError) {
    return new GraphError('Facebook answered with an error page instead of a Graph API answer', { kind: 'transient' });
  }
  return new GraphError(`The call to Facebook failed: ${error instanceof Error ? error.message : String(error)}`, { kind: 'no_response' });
}
