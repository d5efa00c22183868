import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Graph API on 127.0.0.1 for tests and benchmarks, spoken to through the real SDK: page posts with
 * cursor paging, publishing (`POST /{page-id}/feed` and `/photos`, scheduled posts), editing and
 * deleting posts, Facebook Login (`oauth/access_token`, `/me/accounts`), `debug_token`, the app's
 * webhook subscriptions of pages (`/{page-id}/subscribed_apps`), and faults:
 * Graph errors (190, rate limits with usage headers, 5xx), slow answers, dropped connections — each
 * optionally after the call took effect. Every call is recorded.
 */

export interface FakePost {
  id: string;
  pageId: string;
  message: string;
  link?: string;
  /** Photo posts: the image address given to /photos. */
  imageUrl?: string;
  createdTime: Date;
  /** false: a scheduled post, published at `scheduledPublishTime`. */
  published: boolean;
  scheduledPublishTime?: Date;
  fullPicture?: string;
  attachments?: { type: string; url?: string; title?: string; description?: string; media?: { image: { src: string } } }[];
  deleted?: boolean;
}

export interface FakePage {
  id: string;
  name: string;
  category: string;
  accessToken: string;
  posts: FakePost[];
}

export interface RecordedGraphCall {
  method: string;
  /** Without the version, e.g. `/123/feed`. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  status: number;
  at: Date;
}

export interface GraphFault {
  method?: string;
  /** Matched against the path without version, e.g. /\/feed$/ or '/123/posts'. */
  path?: RegExp | string;
  /** How many calls it applies to; default 1. */
  times?: number;
  status?: number;
  /** A Graph error answer: {error: {...}}; message, type and fbtrace_id are filled in. */
  error?: { code: number; message?: string; type?: string; error_subcode?: number; is_transient?: boolean };
  /** A raw body instead of a Graph error (e.g. an HTML error page). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Wait before answering (or before dropping the connection). */
  delayMs?: number;
  /** Let the call take effect (create the post, …) before the fault answers. */
  afterEffect?: boolean;
  /** Close the connection instead of answering. */
  dropConnection?: boolean;
}

export interface FakeGraphOptions {
  /** Added to every answer (a realistic round trip for benchmarks). */
  latencyMs?: number;
  appId?: string;
  appSecret?: string;
  /** Refuse a post whose message equals one of the page's last posts (code 506), as Facebook does. */
  rejectDuplicates?: boolean;
  /** Keep `calls` (benchmarks with many calls may turn it off). */
  record?: boolean;
}

interface Answer {
  status: number;
  body: unknown;
}

const MIN_SCHEDULE_SECONDS = 10 * 60;
const MAX_SCHEDULE_SECONDS = 30 * 24 * 60 * 60;
const LONG_LIVED_SECONDS = 60 * 24 * 60 * 60;

class GraphAnswer extends Error {
  constructor(
    readonly status: number,
    readonly error: { code: number; message: string; type?: string; error_subcode?: number },
  ) {
    super(error.message);
  }
}

/**
 * The env of a test app that talks to this fake as its Graph API (and may fetch from 127.0.0.1), with
 * nothing timed running; `extra` adds or overrides variables.
 */
export function fakeGraphEnv(fb: FakeGraphApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    FACEBOOK_GRAPH_URL: fb.url,
    FACEBOOK_APP_ID: fb.appId,
    FACEBOOK_APP_SECRET: fb.appSecret,
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    PUBLIC_URL: 'https://welcome.ruhr.example',
    SCHEDULER_ENABLED: 'false',
    PUBLISHER_ENABLED: 'false',
    ...extra,
  };
}

export class FakeGraphApi {
  readonly calls: RecordedGraphCall[] = [];
  readonly pages = new Map<string, FakePage>();
  /** Headers sent with every answer, e.g. `{'X-App-Usage': '{"call_count":80,…}'}`. */
  usageHeaders: Record<string, string> = {};
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
  private readonly faults: GraphFault[] = [];
  private readonly userTokens = new Map<string, { id: string; name: string; pageIds: string[]; expiresAt: Date | null }>();
  private readonly loginCodes = new Map<string, string>();
  private readonly revoked = new Set<string>();
  private readonly expiresAt = new Map<string, Date>();
  /** Page id → the fields our app is subscribed to. */
  private readonly subscriptions = new Map<string, string[]>();
  private port = 0;
  private counter = 0;
  private readonly options: Required<FakeGraphOptions>;

  constructor(options: FakeGraphOptions = {}) {
    this.options = {
      latencyMs: 0,
      appId: 'fake-app-id',
      appSecret: 'fake-app-secret',
      rejectDuplicates: false,
      record: true,
      ...options,
    };
    this.server.keepAliveTimeout = 1000;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** FACEBOOK_GRAPH_URL for the backend. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get appId(): string {
    return this.options.appId;
  }

  get appSecret(): string {
    return this.options.appSecret;
  }

  // --- set-up ---

  addPage(fields: Partial<Omit<FakePage, 'posts'>> & { posts?: number } = {}): FakePage {
    const id = fields.id ?? String(100000000000 + this.pages.size + 1 + Math.floor(Math.random() * 1e9));
    const page: FakePage = {
      id,
      name: fields.name ?? `Page ${id}`,
      category: fields.category ?? 'Community',
      accessToken: fields.accessToken ?? `EAAPage${id}${randomBytes(6).toString('hex')}`,
      posts: [],
    };
    this.pages.set(id, page);
    for (let i = 0; i < (fields.posts ?? 0); i++) {
      this.addPost(id, { message: `Post ${i + 1} of ${page.name}`, createdTime: new Date(Date.now() - (fields.posts! - i) * 60_000) });
    }
    return page;
  }

  /** A post that exists on the page already (as if written on Facebook). */
  addPost(pageId: string, fields: Partial<Omit<FakePost, 'id' | 'pageId'>> = {}): FakePost {
    const page = this.page(pageId);
    const post: FakePost = {
      id: `${pageId}_${++this.counter}`,
      pageId,
      message: fields.message ?? '',
      createdTime: fields.createdTime ?? new Date(),
      published: fields.published ?? true,
      ...fields,
    };
    page.posts.push(post);
    page.posts.sort((a, b) => a.createdTime.getTime() - b.createdTime.getTime());
    return post;
  }

  /** A Facebook user who manages these pages; `code` is what the login dialog would hand back. */
  addUser(fields: { pageIds: string[]; code?: string; name?: string }): { id: string; code: string; shortToken: string } {
    const id = String(900000 + this.userTokens.size + 1);
    const shortToken = `EAAUserShort${randomBytes(6).toString('hex')}`;
    this.userTokens.set(shortToken, { id, name: fields.name ?? `User ${id}`, pageIds: fields.pageIds, expiresAt: new Date(Date.now() + 2 * 3600_000) });
    const code = fields.code ?? `code-${randomBytes(6).toString('hex')}`;
    this.loginCodes.set(code, shortToken);
    return { id, code, shortToken };
  }

  /** Makes a token answer 190 from now on, as an expired or revoked one does. */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  /** What debug_token reports as the token's expiry. */
  setTokenExpiry(token: string, at: Date): void {
    this.expiresAt.set(token, at);
  }

  /** The next matching calls fail (or are slow) as described. */
  fault(fault: GraphFault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // --- what happened ---

  /** Published, not deleted posts of the page, oldest first. */
  postsOf(pageId: string): FakePost[] {
    const now = Date.now();
    return this.page(pageId).posts.filter((p) => !p.deleted && isVisible(p, now));
  }

  /** Scheduled, not yet published posts of the page. */
  scheduledOf(pageId: string): FakePost[] {
    const now = Date.now();
    return this.page(pageId).posts.filter((p) => !p.deleted && !isVisible(p, now));
  }

  /** How often a message appears on the page (published or scheduled, not deleted). */
  countMessage(pageId: string, message: string): number {
    return this.page(pageId).posts.filter((p) => !p.deleted && p.message === message).length;
  }

  /** The fields the app is subscribed to on the page (webhooks); undefined when not subscribed. */
  subscribedFieldsOf(pageId: string): string[] | undefined {
    return this.subscriptions.get(pageId);
  }

  /** As when a page admin removes the app from the page. */
  unsubscribe(pageId: string): void {
    this.subscriptions.delete(pageId);
  }

  callsTo(method: string, path: RegExp | string): RecordedGraphCall[] {
    return this.calls.filter((c) => c.method === method && matches(path, c.path));
  }

  // --- the server ---

  private page(pageId: string): FakePage {
    const page = this.pages.get(pageId);
    if (!page) throw new Error(`no fake page ${pageId}`);
    return page;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '');
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const record: RecordedGraphCall = { method, path, query, body, status: 0, at: new Date() };
    if (this.options.record) this.calls.push(record);
    const fault = this.takeFault(method, path);

    const answer = (): Answer => {
      try {
        return { status: 200, body: this.route(method, path, { ...query, ...stringify(body) }) };
      } catch (error) {
        if (error instanceof GraphAnswer) return { status: error.status, body: { error: graphError(error.error) } };
        return { status: 500, body: { error: graphError({ code: 1, message: 'An unknown error occurred', type: 'OAuthException' }) } };
      }
    };

    let result: Answer;
    if (fault) {
      const effect = fault.afterEffect ? answer() : undefined;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.dropConnection) {
        record.status = -1;
        request.socket.destroy();
        return;
      }
      const onlySlow = fault.status === undefined && !fault.error && fault.rawBody === undefined;
      if (!onlySlow) {
        const status = fault.status ?? (fault.error && [1, 2].includes(fault.error.code) ? 500 : fault.error ? 400 : 500);
        const headers = { ...this.usageHeaders, ...(fault.headers ?? {}) };
        record.status = status;
        await sleep(this.options.latencyMs);
        if (response.destroyed) return;
        if (fault.rawBody !== undefined) {
          response.writeHead(status, { 'Content-Type': 'text/html', ...headers }).end(fault.rawBody);
        } else {
          const error = fault.error ?? { code: 2, message: 'An unexpected error has occurred. Please retry your request later.', is_transient: true };
          response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify({ error: graphError(error) }));
        }
        return;
      }
      result = effect ?? answer();
    } else {
      result = answer();
    }
    await sleep(this.options.latencyMs);
    record.status = result.status;
    if (response.destroyed) return;
    response.writeHead(result.status, { 'Content-Type': 'application/json', ...this.usageHeaders }).end(JSON.stringify(result.body));
  }

  private takeFault(method: string, path: string): GraphFault | undefined {
    const index = this.faults.findIndex((f) => (!f.method || f.method === method) && (!f.path || matches(f.path, path)));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private route(method: string, path: string, params: Record<string, string>): unknown {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'oauth' && parts[1] === 'access_token') return this.oauth(params);
    if (parts[0] === 'debug_token') return this.debugToken(params);
    const token = params['access_token'];
    if (!token) throw new GraphAnswer(400, { code: 104, message: 'An access token is required to request this resource.', type: 'OAuthException' });
    if (this.revoked.has(token)) {
      throw new GraphAnswer(400, { code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired.', type: 'OAuthException' });
    }
    if (parts[0] === 'me') return this.me(parts[1], token);

    const [objectId, edge] = parts;
    const page = this.pages.get(objectId);
    if (page) {
      this.assertPageToken(page, token, method !== 'GET');
      if (!edge && method === 'GET') return { id: page.id, name: page.name, category: page.category };
      if ((edge === 'posts' || edge === 'feed' || edge === 'published_posts') && method === 'GET') return this.listPosts(page, params, this.postsOf(page.id), edge);
      if (edge === 'scheduled_posts' && method === 'GET') return this.listPosts(page, params, this.scheduledOf(page.id), edge);
      if (edge === 'feed' && method === 'POST') return this.publish(page, params, false);
      if (edge === 'photos' && method === 'POST') return this.publish(page, params, true);
      if (edge === 'subscribed_apps') return this.subscribedApps(page, method, params);
    }
    const post = this.findPost(objectId);
    if (post && !edge) {
      this.assertPageToken(this.page(post.pageId), token, method !== 'GET');
      if (method === 'GET') return toGraphPost(post);
      if (method === 'DELETE') {
        post.deleted = true;
        return { success: true };
      }
      if (method === 'POST') {
        if (params['message'] !== undefined) post.message = params['message'];
        if (params['scheduled_publish_time'] !== undefined) post.scheduledPublishTime = this.scheduleTime(params['scheduled_publish_time']);
        return { success: true };
      }
    }
    throw new GraphAnswer(400, {
      code: 100,
      error_subcode: 33,
      message: `Unsupported ${method} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: 'GraphMethodException',
    });
  }

  private assertPageToken(page: FakePage, token: string, write: boolean): void {
    if (token === page.accessToken) return;
    if (!write && token === `${this.options.appId}|${this.options.appSecret}`) return;
    if (this.userTokens.has(token) || token.startsWith('EAAPage')) {
      throw new GraphAnswer(403, { code: 200, message: '(#200) The user hasn\'t authorized the application to perform this action', type: 'OAuthException' });
    }
    throw new GraphAnswer(400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException' });
  }

  private findPost(id: string): FakePost | undefined {
    const pageId = id.split('_')[0];
    return this.pages.get(pageId)?.posts.find((p) => p.id === id && !p.deleted);
  }

  private listPosts(page: FakePage, params: Record<string, string>, posts: FakePost[], edge: string): unknown {
    const limit = Math.min(Number(params['limit'] ?? 25) || 25, 100);
    const newestFirst = [...posts].reverse();
    const after = params['after'] ? Buffer.from(params['after'], 'base64url').toString() : null;
    const start = after ? newestFirst.findIndex((p) => p.id === after) + 1 : 0;
    const slice = newestFirst.slice(start, start + limit);
    const paging: Record<string, unknown> = {};
    if (slice.length > 0) {
      const cursor = (p: FakePost) => Buffer.from(p.id).toString('base64url');
      paging['cursors'] = { before: cursor(slice[0]), after: cursor(slice[slice.length - 1]) };
      if (start + limit < newestFirst.length) {
        const next = new URL(`${this.url}/v24.0/${page.id}/${edge}`);
        for (const [key, value] of Object.entries(params)) if (key !== 'after') next.searchParams.set(key, value);
        next.searchParams.set('limit', String(limit));
        next.searchParams.set('after', cursor(slice[slice.length - 1]));
        paging['next'] = next.toString();
      }
    }
    return { data: slice.map(toGraphPost), paging };
  }

  private publish(page: FakePage, params: Record<string, string>, photo: boolean): unknown {
    const message = params[photo ? 'caption' : 'message'] ?? params['message'] ?? '';
    const link = params['link'];
    if (!photo && !message && !link) {
      throw new GraphAnswer(400, { code: 100, message: '(#100) Either a message or a link is required', type: 'OAuthException' });
    }
    if (photo && !params['url']) throw new GraphAnswer(400, { code: 324, message: '(#324) Requires upload file', type: 'OAuthException' });
    const published = params['published'] === undefined ? true : params['published'] !== 'false';
    let scheduledPublishTime: Date | undefined;
    if (params['scheduled_publish_time'] !== undefined) {
      if (published) {
        throw new GraphAnswer(400, { code: 100, message: '(#100) You cannot specify a scheduled publish time on a published post', type: 'OAuthException' });
      }
      scheduledPublishTime = this.scheduleTime(params['scheduled_publish_time']);
    }
    if (this.options.rejectDuplicates && message && page.posts.slice(-10).some((p) => !p.deleted && p.message === message)) {
      throw new GraphAnswer(400, { code: 506, message: '(#506) Duplicate status message', type: 'OAuthException' });
    }
    const post = this.addPost(page.id, {
      message,
      link,
      imageUrl: photo ? params['url'] : undefined,
      fullPicture: photo ? params['url'] : undefined,
      createdTime: new Date(),
      published,
      scheduledPublishTime,
      attachments: link ? [{ type: 'share', url: link, title: link }] : undefined,
    });
    return photo ? { id: `photo_${post.id}`, post_id: post.id } : { id: post.id };
  }

  /** GET lists the app's subscription; POST subscribes (route() has checked the token: the page's own for a POST). */
  private subscribedApps(page: FakePage, method: string, params: Record<string, string>): unknown {
    if (method === 'GET') {
      const fields = this.subscriptions.get(page.id);
      return { data: fields ? [{ id: this.options.appId, name: 'Welcome Ruhr (fake)', subscribed_fields: fields }] : [] };
    }
    if (method !== 'POST') throw new GraphAnswer(400, { code: 100, message: `(#100) Unsupported ${method} request`, type: 'GraphMethodException' });
    const fields = (params['subscribed_fields'] ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (fields.length === 0) {
      throw new GraphAnswer(400, { code: 100, message: '(#100) The parameter subscribed_fields is required.', type: 'OAuthException' });
    }
    this.subscriptions.set(page.id, [...new Set([...(this.subscriptions.get(page.id) ?? []), ...fields])]);
    return { success: true };
  }

  private scheduleTime(raw: string): Date {
    const seconds = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw) / 1000;
    const ahead = seconds - Date.now() / 1000;
    if (!Number.isFinite(ahead) || ahead < MIN_SCHEDULE_SECONDS || ahead > MAX_SCHEDULE_SECONDS) {
      throw new GraphAnswer(400, {
        code: 100,
        message: '(#100) The specified scheduled publish time is invalid.',
        error_subcode: 1363026,
        type: 'OAuthException',
      });
    }
    return new Date(seconds * 1000);
  }

  private me(edge: string | undefined, token: string): unknown {
    const user = this.userTokens.get(token);
    if (!user) throw new GraphAnswer(400, { code: 190, message: 'Invalid OAuth access token.', type: 'OAuthException' });
    if (!edge) return { id: user.id, name: user.name };
    if (edge === 'accounts') {
      return {
        data: user.pageIds.map((id) => {
          const page = this.page(id);
          return { id: page.id, name: page.name, category: page.category, access_token: page.accessToken, tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] };
        }),
        paging: {},
      };
    }
    throw new GraphAnswer(400, { code: 2500, message: `Unknown path components: /${edge}`, type: 'OAuthException' });
  }

  private oauth(params: Record<string, string>): unknown {
    if (params['client_id'] !== this.options.appId || params['client_secret'] !== this.options.appSecret) {
      throw new GraphAnswer(400, { code: 101, message: 'Error validating application. Invalid application ID.', type: 'OAuthException' });
    }
    if (params['grant_type'] === 'fb_exchange_token') {
      const user = this.userTokens.get(params['fb_exchange_token'] ?? '');
      if (!user) throw new GraphAnswer(400, { code: 190, message: 'Invalid OAuth access token.', type: 'OAuthException' });
      const longToken = `EAAUserLong${randomBytes(6).toString('hex')}`;
      this.userTokens.set(longToken, { ...user, expiresAt: new Date(Date.now() + LONG_LIVED_SECONDS * 1000) });
      return { access_token: longToken, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS };
    }
    const shortToken = this.loginCodes.get(params['code'] ?? '');
    if (!shortToken) {
      throw new GraphAnswer(400, { code: 100, error_subcode: 36009, message: 'This authorization code has been used.', type: 'OAuthException' });
    }
    this.loginCodes.delete(params['code']);
    if (!params['redirect_uri']) throw new GraphAnswer(400, { code: 191, message: 'Missing redirect_uri parameter.', type: 'OAuthException' });
    return { access_token: shortToken, token_type: 'bearer', expires_in: 7200 };
  }

  private debugToken(params: Record<string, string>): unknown {
    if (params['access_token'] !== `${this.options.appId}|${this.options.appSecret}`) {
      throw new GraphAnswer(400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException' });
    }
    const input = params['input_token'] ?? '';
    const page = [...this.pages.values()].find((p) => p.accessToken === input);
    const user = this.userTokens.get(input);
    const expires = this.expiresAt.get(input);
    if ((!page && !user) || this.revoked.has(input)) {
      return { data: { app_id: this.options.appId, is_valid: false, error: { code: 190, message: 'The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', subcode: 460 }, scopes: [] } };
    }
    return {
      data: {
        app_id: this.options.appId,
        type: page ? 'PAGE' : 'USER',
        application: 'Welcome Ruhr (fake)',
        is_valid: true,
        expires_at: expires ? Math.floor(expires.getTime() / 1000) : 0,
        data_access_expires_at: Math.floor(Date.now() / 1000) + 90 * 24 * 3600,
        scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
        ...(page ? { profile_id: page.id } : { user_id: user!.id }),
      },
    };
  }
}

function isVisible(post: FakePost, now: number): boolean {
  if (post.published) return true;
  return post.scheduledPublishTime !== undefined && post.scheduledPublishTime.getTime() <= now;
}

/** Graph's time format: `2024-05-01T10:00:00+0000`. */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function toGraphPost(post: FakePost): Record<string, unknown> {
  const [pageId, number] = post.id.split('_');
  const published = isVisible(post, Date.now());
  return {
    id: post.id,
    ...(post.message ? { message: post.message } : {}),
    created_time: graphTime(published && post.scheduledPublishTime ? post.scheduledPublishTime : post.createdTime),
    permalink_url: `https://www.facebook.com/${pageId}/posts/${number}`,
    is_published: published,
    ...(post.scheduledPublishTime ? { scheduled_publish_time: Math.floor(post.scheduledPublishTime.getTime() / 1000) } : {}),
    ...(post.fullPicture ? { full_picture: post.fullPicture } : {}),
    ...(post.attachments ? { attachments: { data: post.attachments } } : {}),
  };
}

function graphError(error: { code: number; message?: string; type?: string; error_subcode?: number; is_transient?: boolean }): Record<string, unknown> {
  return {
    message: error.message ?? 'An error occurred',
    type: error.type ?? 'OAuthException',
    code: error.code,
    ...(error.error_subcode !== undefined ? { error_subcode: error.error_subcode } : {}),
    ...(error.is_transient !== undefined ? { is_transient: error.is_transient } : {}),
    fbtrace_id: `A${randomBytes(8).toString('base64url')}`,
  };
}

function matches(pattern: RegExp | string, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function stringify(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Unref'd: a slow answer still pending must not keep a finished test run alive. */
function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}
