import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Subscription } from 'rxjs';
import { DomainError } from '../common/errors/domain-error';
import { ContentEvents } from '../items/content-events';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { FeedCache, FeedResponse } from './feed-cache';
import { FeedQueries } from './feed-queries';
import { parseFeedQuery, type FeedRequest } from './feed-query';

export const FEED_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';
/** How often, at most, this process asks the database whether another replica changed items. */
export const VERSION_CHECK_INTERVAL_MS = 3000;
/** Changes the content version cannot see (items deleted with their source) show after this at the latest. */
export const MAX_RESPONSE_AGE_MS = 60_000;
/** How many request URLs are remembered with their canonical key (see `serveKnown`). */
const MAX_KNOWN_URLS = 10_000;
/** The content version of a response that is never cached (one item's): only the cache compares versions. */
const NOT_CACHED = 0n;

interface Answer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * The public feed: fully rendered responses kept in memory by their canonical query, with a strong ETag
 * and compressed copies. A change in this process (a moderator's decision, auto-approved items) clears
 * the cache at once; changes made by other replicas are noticed through the content version, which is
 * read at most every few seconds while requests come in.
 */
@Injectable()
export class PublicFeedService implements OnModuleDestroy {
  private readonly logger = new Logger(PublicFeedService.name);
  private readonly cache = new FeedCache(2000, 64 * 1024 * 1024);
  private readonly rendering = new Map<string, Promise<FeedResponse>>();
  /** Request URLs already answered, with their canonical key: a repeated URL needs no parsing. */
  private readonly keysByUrl = new Map<string, string>();
  private readonly subscription: Subscription;
  /** Bumped on every local change: a render that began before it must not be cached. */
  private generation = 0;
  /** The newest content version seen; cached responses of older versions are stale. */
  private latestVersion = 0n;
  private lastVersionCheck = 0;
  private versionCheck: Promise<void> | null = null;

  constructor(
    private readonly queries: FeedQueries,
    private readonly taxonomy: TaxonomyService,
    events: ContentEvents,
  ) {
    this.subscription = events.itemsChanged$.subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.rendering.clear();
  }

  /** The controller's path: checks the query (400 naming the parameter), renders on a miss, answers. */
  async respond(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const topics = new Set(await this.taxonomy.slugs());
    const feedRequest = parseFeedQuery(request.query as Record<string, unknown>, topics);
    this.remember(request.url, feedRequest.key);
    const response = this.fresh(feedRequest.key) ?? (await this.render(feedRequest));
    const answer = this.answer(request.headers, response);
    reply.code(answer.status).headers(answer.headers).send(answer.body ?? undefined);
  }

  /**
   * One approved item, in the shape of a page's entry, with the feed's headers (ETag, 304, caching, CORS).
   * Read from the database each time (a primary key look-up): not kept in memory, so not on the fast path. Its
   * ETag is the hash of its body; the content version (which only the cache compares) is not read for it.
   */
  async respondItem(id: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const item = await this.queries.item(id);
    if (!item) throw DomainError.notFound('The item');
    const answer = this.answer(request.headers, new FeedResponse(Buffer.from(JSON.stringify(item)), NOT_CACHED, Date.now()));
    reply.code(answer.status).headers(answer.headers).send(answer.body ?? undefined);
  }

  /**
   * The fast path (see FeedFastPath), before Fastify: answers a URL that was answered before, while its
   * response is cached; returns false for anything else, which then takes the normal way.
   */
  serveKnown(request: IncomingMessage, response: ServerResponse): boolean {
    const key = this.keysByUrl.get(request.url ?? '');
    if (key === undefined) return false;
    const cached = this.fresh(key);
    if (!cached) return false;
    const answer = this.answer(request.headers, cached);
    response.writeHead(answer.status, answer.headers);
    response.end(request.method === 'HEAD' ? undefined : (answer.body ?? undefined));
    return true;
  }

  private remember(url: string, key: string): void {
    if (this.keysByUrl.get(url) === key) return;
    if (this.keysByUrl.size >= MAX_KNOWN_URLS) this.keysByUrl.clear();
    this.keysByUrl.set(url, key);
  }

  private fresh(key: string): FeedResponse | null {
    this.checkVersionSoon();
    const response = this.cache.get(key);
    if (!response) return null;
    if (response.version < this.latestVersion || Date.now() - response.createdAt > MAX_RESPONSE_AGE_MS) {
      this.cache.delete(key);
      return null;
    }
    return response;
  }

  /** One render per key at a time: a burst of misses shares it. */
  private render(feedRequest: FeedRequest): Promise<FeedResponse> {
    const pending = this.rendering.get(feedRequest.key);
    if (pending) return pending;
    const generation = this.generation;
    const render = this.queries
      .page(feedRequest.filter, feedRequest.cursor, feedRequest.limit)
      .then((page) => {
        const response = new FeedResponse(Buffer.from(JSON.stringify({ items: page.items, nextCursor: page.nextCursor })), page.version, Date.now());
        if (page.version > this.latestVersion) this.latestVersion = page.version;
        if (generation === this.generation) this.cache.set(feedRequest.key, response);
        return response;
      })
      .finally(() => {
        if (this.rendering.get(feedRequest.key) === render) this.rendering.delete(feedRequest.key);
      });
    this.rendering.set(feedRequest.key, render);
    return render;
  }

  private checkVersionSoon(): void {
    const now = Date.now();
    if (this.versionCheck || now - this.lastVersionCheck < VERSION_CHECK_INTERVAL_MS) return;
    this.lastVersionCheck = now;
    this.versionCheck = this.queries
      .contentVersion()
      .then((version) => {
        if (version > this.latestVersion) this.latestVersion = version;
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not read the content version'))
      .finally(() => (this.versionCheck = null));
  }

  /** Status, headers and body for a request's conditional and encoding headers. */
  private answer(request: IncomingHttpHeaders, response: FeedResponse): Answer {
    const encoding = response.compressible ? preferredEncoding(request['accept-encoding']) : null;
    const headers: Record<string, string> = {
      // The fast path answers before Fastify's CORS and helmet hooks: the headers that matter are set here.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      'cache-control': FEED_CACHE_CONTROL,
      vary: 'Accept-Encoding',
      etag: `"${response.etag}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`,
    };
    if (matchesEtag(request['if-none-match'], response.etag)) return { status: 304, headers, body: null };
    headers['content-type'] = 'application/json; charset=utf-8';
    if (encoding) headers['content-encoding'] = encoding;
    const body = encoding === 'br' ? response.brotlied() : encoding === 'gzip' ? response.gzipped() : response.body;
    headers['content-length'] = String(body.length);
    return { status: 200, headers, body };
  }
}

/** br before gzip; a coding refused with q=0 is not used. */
export function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of String(header).toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding && !(q && Number(q.slice(2)) === 0)) accepted.add(coding.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/** If-None-Match matches any encoding of the same body (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  for (const tag of String(header).split(',')) {
    const trimmed = tag.trim();
    if (trimmed === '*') return true;
    const opaque = trimmed.replace(/^W\//, '').replace(/^"|"$/g, '').replace(/-(br|gz)$/, '');
    if (opaque === etag) return true;
  }
  return false;
}
