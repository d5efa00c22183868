import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) for the fetcher's tests. Routes are matched by
 * path without query; every request that arrives is recorded, so a test can prove that a refused
 * address was never contacted.
 */
export class FeedTestServer {
  readonly received: ReceivedRequest[] = [];
  private readonly routes = new Map<string, RouteHandler>();
  private readonly server: Server = createServer((request, response) => this.handle(request, response));
  private port = 0;

  route(path: string, handler: RouteHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    // Drip and hanging routes keep sockets open; close them or close() would wait for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** An absolute URL on this server; `host` lets a test reach it under another name, e.g. "localhost". */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  get listeningPort(): number {
    return this.port;
  }

  hits(path: string): number {
    return this.received.filter((request) => request.path === path).length;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0];
    this.received.push({ path, headers: request.headers });
    const handler = this.routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  }
}
