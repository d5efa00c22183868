import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw on one path. */
export interface PathStats {
  requests: number;
  /** Requests answered 304 because the client's If-None-Match / If-Modified-Since matched. */
  notModified: number;
  /** Requests being answered right now, and the most there ever were at once. */
  concurrent: number;
  maxConcurrent: number;
}

export interface FeedOptions {
  contentType?: string;
  /** Sent as ETag and honoured in If-None-Match; default: a hash of the body. false: none. */
  etag?: string | false;
  /** Sent as Last-Modified and honoured in If-Modified-Since (exact match). */
  lastModified?: string;
  cacheControl?: string;
  /** Wait this long before answering (to make fetches overlap). */
  delayMs?: number;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 for ingestion tests and benchmarks: feeds with ETag/304, error
 * statuses with Retry-After, slow and oversize answers, redirects anywhere (e.g. to private addresses),
 * and per-path counts of requests and of concurrent requests, so a test can prove that no feed was
 * fetched twice at once. The body of a feed can be replaced between fetches.
 */
export class FeedServer {
  private readonly handlers = new Map<string, Handler>();
  private readonly stats = new Map<string, PathStats>();
  private concurrentTotal = 0;
  /** The most requests this server answered at once, over all paths. */
  maxConcurrentTotal = 0;
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
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

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  get listeningPort(): number {
    return this.port;
  }

  /** Serves `body` (or what the function returns at request time) as a feed, with conditional GET. */
  feed(path: string, body: string | (() => string), options: FeedOptions = {}): this {
    return this.on(path, async (request, response) => {
      if (options.delayMs) await sleep(options.delayMs);
      const text = typeof body === 'function' ? body() : body;
      const etag = options.etag === false ? undefined : (options.etag ?? `"${createHash('sha1').update(text).digest('hex')}"`);
      const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/rss+xml; charset=utf-8' };
      if (etag) headers['ETag'] = etag;
      if (options.lastModified) headers['Last-Modified'] = options.lastModified;
      if (options.cacheControl) headers['Cache-Control'] = options.cacheControl;
      const matchesEtag = etag !== undefined && request.headers['if-none-match'] === etag;
      const matchesDate = options.lastModified !== undefined && request.headers['if-modified-since'] === options.lastModified;
      if (matchesEtag || matchesDate) {
        this.statsOf(path).notModified++;
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, headers).end(text);
    });
  }

  /** Answers with `status` (e.g. 429 or 503 with `{'Retry-After': '3600'}`, or 500). */
  status(path: string, status: number, headers: Record<string, string> = {}, body = ''): this {
    return this.on(path, (_request, response) => void response.writeHead(status, headers).end(body));
  }

  /** Sends the headers after `ms`, then the body. */
  slow(path: string, ms: number, body = '<rss version="2.0"><channel><title>slow</title></channel></rss>'): this {
    return this.on(path, async (_request, response) => {
      await sleep(ms);
      if (!response.destroyed) response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body);
    });
  }

  /** A feed-looking body of `bytes` bytes (without Content-Length), to trip the size limit. */
  oversize(path: string, bytes: number): this {
    return this.on(path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      response.write('<rss version="2.0"><channel><title>big</title><description>');
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('</description></channel></rss>');
      };
      response.on('error', () => undefined);
      pump();
    });
  }

  redirect(path: string, location: string, status = 302): this {
    return this.on(path, (_request, response) => void response.writeHead(status, { Location: location }).end());
  }

  on(path: string, handler: Handler): this {
    this.handlers.set(path, handler);
    return this;
  }

  statsOf(path: string): PathStats {
    let stats = this.stats.get(path);
    if (!stats) {
      stats = { requests: 0, notModified: 0, concurrent: 0, maxConcurrent: 0 };
      this.stats.set(path, stats);
    }
    return stats;
  }

  /** Every path that was requested, with its stats. */
  allStats(): Map<string, PathStats> {
    return this.stats;
  }

  resetStats(): void {
    this.stats.clear();
    this.maxConcurrentTotal = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    const stats = this.statsOf(path);
    stats.requests++;
    stats.concurrent++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.concurrent);
    this.concurrentTotal++;
    this.maxConcurrentTotal = Math.max(this.maxConcurrentTotal, this.concurrentTotal);
    response.once('close', () => {
      stats.concurrent--;
      this.concurrentTotal--;
    });
    const handler = this.handlers.get(path);
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    try {
      await handler(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
    }
  }
}

/** Unref'd: a slow answer still pending must not keep a finished test run alive. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export interface FeedItemFixture {
  guid?: string;
  title?: string;
  link?: string;
  description?: string;
  /** Full content (content:encoded). */
  content?: string;
  pubDate?: Date;
  author?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An RSS 2.0 document; HTML in description/content is escaped as feeds usually do. */
export function rssFeed(feed: { title?: string; link?: string; ttlMinutes?: number; items: FeedItemFixture[] }): string {
  const items = feed.items
    .map((item) =>
      [
        '<item>',
        item.guid !== undefined ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
        item.title !== undefined ? `<title>${escapeXml(item.title)}</title>` : '',
        item.link !== undefined ? `<link>${escapeXml(item.link)}</link>` : '',
        item.description !== undefined ? `<description>${escapeXml(item.description)}</description>` : '',
        item.content !== undefined ? `<content:encoded>${escapeXml(item.content)}</content:encoded>` : '',
        item.pubDate ? `<pubDate>${item.pubDate.toUTCString()}</pubDate>` : '',
        item.author !== undefined ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : '',
        '</item>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(feed.title ?? 'Test feed')}</title>`,
    `<link>${escapeXml(feed.link ?? 'https://news.example.org/')}</link>`,
    '<description>Fixture</description>',
    feed.ttlMinutes !== undefined ? `<ttl>${feed.ttlMinutes}</ttl>` : '',
    items,
    '</channel>',
    '</rss>',
  ].join('\n');
}

const TOPIC_SENTENCES = [
  'Die Ausländerbehörde in Essen bietet neue Termine für den Aufenthaltstitel an.',
  'The international office of the university in Bochum invites new students to a welcome week.',
  'Deutschkurs für Anfänger in Dortmund: Anmeldung ab sofort bei der Volkshochschule.',
  'Gelsenkirchen: Wohnungsbesichtigung und Tipps zur Wohnungssuche für Neuzugezogene.',
  'Duisburg lädt zum Sommerfest im Landschaftspark ein, mit Musik und Theater.',
  'Kita-Plätze in Oberhausen: So melden Familien ihre Kinder an.',
  'Essen\'de yeni gelenler için Almanca kursu başlıyor; kayıtlar açıldı.',
  'Jobmesse in Herne: Arbeitgeber suchen Fachkräfte aus dem Ausland.',
];

/**
 * A large RSS feed of `count` distinct items with realistic text and markup (links, images, a tracking
 * pixel, a script), for throughput tests and benchmarks. `seed` changes every key and link.
 */
export function largeRssFeed(count: number, seed = 'large'): string {
  const start = Date.UTC(2026, 0, 1);
  const items: FeedItemFixture[] = [];
  for (let i = 0; i < count; i++) {
    const sentence = TOPIC_SENTENCES[i % TOPIC_SENTENCES.length];
    const other = TOPIC_SENTENCES[(i * 7 + 3) % TOPIC_SENTENCES.length];
    items.push({
      guid: `${seed}-${i}`,
      title: `${sentence.split(/[.:;]/)[0]} (${i})`,
      link: `https://news.example.org/${seed}/${i}?utm_source=feed&id=${i}`,
      description: `${sentence} ${other}`,
      content:
        `<p>${sentence} <a href="/more/${i}" onclick="track()">Mehr</a></p>` +
        `<p>${other}</p><img src="https://news.example.org/img/${i}.jpg" alt="Bild ${i}">` +
        `<img src="https://news.example.org/pixel.gif" width="1" height="1"><script>alert(${i})</script>`,
      pubDate: new Date(start + i * 60_000),
      author: 'Redaktion',
    });
  }
  return rssFeed({ title: `Large feed ${seed}`, items });
}
