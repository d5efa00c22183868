import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A tiny web server on 127.0.0.1 with a port of its own: another origin than the portal, as a city's
 * site is (or a third-party host that must never be contacted). Records every request it gets.
 */
export class HostSite {
  readonly requests: string[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    this.requests.push(request.url ?? '/');
    const handler = this.routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  private port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  route(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }

  page(path: string, html: string, headers: Record<string, string> = {}): this {
    return this.route(path, (_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(html));
  }

  file(path: string, type: string, body: Buffer): this {
    return this.route(path, (_request, response) => response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length }).end(body));
  }
}

/** A city site's page with the two lines of the embed snippet in it (`script`: the widget's file under /widgets/). */
export function cityPage(portal: string, widget: string, options: { lang?: string; dir?: string; title?: string; script?: string } = {}): string {
  const { lang = 'de', dir, title = 'Neu in Essen – Stadt Essen', script = 'feed.js' } = options;
  return `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<header><h1>${title}</h1></header>
<main>
<script type="module" src="${portal}/widgets/${script}"></script>
${widget}
</main>
</body>
</html>`;
}
