import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Mastodon instance on 127.0.0.1 for tests: `POST /api/v1/statuses` honouring `Idempotency-Key`
 * (the same key and token within an hour return the first status instead of posting again), media
 * uploads, `verify_credentials`, an account's statuses, and faults (5xx, 429, slow answers, dropped
 * connections, optionally after the status was created). Every call is recorded.
 */

export interface FakeStatus {
  id: string;
  accountId: string;
  text: string;
  mediaIds: string[];
  createdAt: Date;
  idempotencyKey: string | null;
}

export interface FakeAccount {
  id: string;
  username: string;
  token: string;
}

export interface RecordedMastodonCall {
  method: string;
  path: string;
  idempotencyKey: string | null;
  status: number;
  at: Date;
}

export interface MastodonFault {
  method?: string;
  path?: RegExp | string;
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
  afterEffect?: boolean;
  dropConnection?: boolean;
}

const IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1000;

export class FakeMastodon {
  readonly calls: RecordedMastodonCall[] = [];
  readonly statuses: FakeStatus[] = [];
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly faults: MastodonFault[] = [];
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
  private port = 0;
  private counter = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The instance address, e.g. http://127.0.0.1:1234 */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addAccount(username = `user${this.accounts.size + 1}`): FakeAccount {
    const account = { id: String(10000 + this.accounts.size + 1), username, token: `mastodon-${randomBytes(8).toString('hex')}` };
    this.accounts.set(account.token, account);
    return account;
  }

  revokeToken(token: string): void {
    this.accounts.delete(token);
  }

  fault(fault: MastodonFault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  statusesOf(accountId: string): FakeStatus[] {
    return this.statuses.filter((s) => s.accountId === accountId);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const key = header(request, 'idempotency-key');
    const record: RecordedMastodonCall = { method, path: url.pathname, idempotencyKey: key, status: 0, at: new Date() };
    this.calls.push(record);
    const raw = await readRaw(request);
    const fault = this.takeFault(method, url.pathname);

    const answer = () => this.route(method, url, request, raw);
    let result: { status: number; body: unknown };
    if (fault) {
      const effect = fault.afterEffect ? answer() : undefined;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.dropConnection) {
        record.status = -1;
        request.socket.destroy();
        return;
      }
      result = fault.status !== undefined ? { status: fault.status, body: { error: `Fault ${fault.status}` } } : (effect ?? answer());
      record.status = result.status;
      if (!response.destroyed) {
        response.writeHead(result.status, { 'Content-Type': 'application/json', ...(fault.headers ?? {}) }).end(JSON.stringify(result.body));
      }
      return;
    }
    result = answer();
    record.status = result.status;
    response.writeHead(result.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(result.body));
  }

  private route(method: string, url: URL, request: IncomingMessage, raw: Buffer): { status: number; body: unknown } {
    const auth = header(request, 'authorization') ?? '';
    const account = this.accounts.get(auth.replace(/^Bearer\s+/i, ''));
    if (!account) return { status: 401, body: { error: 'The access token is invalid' } };
    const path = url.pathname;
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      return { status: 200, body: this.accountJson(account) };
    }
    if (method === 'POST' && (path === '/api/v2/media' || path === '/api/v1/media')) {
      if (raw.length === 0) return { status: 422, body: { error: 'Validation failed: File is missing' } };
      const id = String(++this.counter);
      return { status: 200, body: { id, type: 'image', url: `${this.url}/media/${id}.jpg` } };
    }
    if (method === 'POST' && path === '/api/v1/statuses') {
      const params = parseParams(request, raw);
      const key = header(request, 'idempotency-key');
      if (key) {
        const earlier = this.statuses.find(
          (s) => s.accountId === account.id && s.idempotencyKey === key && Date.now() - s.createdAt.getTime() < IDEMPOTENCY_WINDOW_MS,
        );
        if (earlier) return { status: 200, body: this.statusJson(earlier, account) };
      }
      const text = typeof params['status'] === 'string' ? params['status'] : '';
      const mediaIds = toList(params['media_ids'] ?? params['media_ids[]']);
      if (!text && mediaIds.length === 0) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
      if ([...text].length > 500) return { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
      const status: FakeStatus = { id: String(100000 + ++this.counter), accountId: account.id, text, mediaIds, createdAt: new Date(), idempotencyKey: key };
      this.statuses.push(status);
      return { status: 200, body: this.statusJson(status, account) };
    }
    const statuses = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path);
    if (method === 'GET' && statuses) {
      const list = this.statusesOf(statuses[1]).slice().reverse().slice(0, Number(url.searchParams.get('limit') ?? 20));
      return { status: 200, body: list.map((s) => this.statusJson(s, account)) };
    }
    return { status: 404, body: { error: 'Record not found' } };
  }

  private takeFault(method: string, path: string): MastodonFault | undefined {
    const index = this.faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private accountJson(account: FakeAccount): Record<string, unknown> {
    return { id: account.id, username: account.username, acct: account.username, display_name: account.username, url: `${this.url}/@${account.username}` };
  }

  private statusJson(status: FakeStatus, account: FakeAccount): Record<string, unknown> {
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      content: `<p>${status.text}</p>`,
      url: `${this.url}/@${account.username}/${status.id}`,
      uri: `${this.url}/users/${account.username}/statuses/${status.id}`,
      account: this.accountJson(account),
      media_attachments: status.mediaIds.map((id) => ({ id, type: 'image' })),
    };
  }
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value ? [value] : [];
}

function parseParams(request: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text) return {};
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...toList(existing), value];
  }
  return params;
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
