import type { RawFeedItem } from '../ingestion/parse';
import { toRawFeedItem, PAGE_POST_FIELDS, type GraphPagePost } from './facebook-post';
import type { GraphClient } from './graph-client';
import { NO_USAGE, slowDownDelayMs, worseUsage, type GraphUsage } from './graph-usage';

export interface PageReadRequest {
  pageId: string;
  /** The page's name, used as the author and for posts without text. */
  pageName: string;
  accessToken: string;
  /** Which of these keys are stored already; reading stops after the page of posts that holds one. */
  knownKeys: (keys: string[]) => Promise<Set<string>>;
  signal?: AbortSignal;
}

export interface PageReadResult {
  items: RawFeedItem[];
  /** Graph requests made. */
  requests: number;
  /** The highest usage Facebook reported during this read. */
  usage: GraphUsage;
  /** Reading stopped before reaching known posts because usage was high, or the page limit was hit. */
  truncated: boolean;
}

export interface PageReaderOptions {
  /** Posts per request. */
  pageSize: number;
  /** Requests per read at most (a first read of a busy page takes this many pages of backlog). */
  maxRequests: number;
  /** The pause between requests at 100 % usage; proportionally less from 75 % on. */
  maxSlowDownMs: number;
  /** Above this usage no further page is requested; the next fetch continues. */
  stopPercent: number;
}

export const PAGE_READER_DEFAULTS: PageReaderOptions = { pageSize: 25, maxRequests: 4, maxSlowDownMs: 10_000, stopPercent: 90 };

interface PostsAnswer {
  data?: GraphPagePost[];
  paging?: { next?: string; cursors?: { after?: string } };
}

/**
 * Reads a Facebook page's posts through the Graph client, newest first, following `paging.next` until
 * a page of posts contains one that is known, the request limit is reached or usage runs high. Returns
 * what `parseFeed` returns for a feed: RawFeedItem[], for the same pipeline. Graph errors (190, rate
 * limits with their wait, …) are thrown as GraphError for the caller to record on the source.
 */
export class FacebookPageReader {
  private readonly options: PageReaderOptions;

  constructor(
    private readonly graph: GraphClient,
    options: Partial<PageReaderOptions> = {},
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.options = { ...PAGE_READER_DEFAULTS, ...options };
  }

  async read(request: PageReadRequest): Promise<PageReadResult> {
    const fetchedAt = new Date();
    const items: RawFeedItem[] = [];
    let usage = NO_USAGE;
    let requests = 0;
    let answer = await this.graph.get<PostsAnswer>(
      `${request.pageId}/posts`,
      { fields: PAGE_POST_FIELDS, limit: this.options.pageSize },
      request.accessToken,
    );
    for (;;) {
      requests++;
      usage = worseUsage(usage, answer.usage);
      const posts = answer.data.data ?? [];
      items.push(...posts.map((post) => toRawFeedItem(post, request.pageName, fetchedAt)));
      const known = posts.length > 0 ? await request.knownKeys(posts.map((p) => p.id)) : new Set<string>();
      const next = answer.data.paging?.next;
      if (!next || known.size > 0 || posts.length === 0 || request.signal?.aborted) {
        return { items, requests, usage, truncated: false };
      }
      if (requests >= this.options.maxRequests || answer.usage.maxPercent >= this.options.stopPercent) {
        return { items, requests, usage, truncated: true };
      }
      const pause = slowDownDelayMs(answer.usage, this.options.maxSlowDownMs);
      if (pause > 0) await this.sleep(pause);
      answer = await this.graph.getNext<PostsAnswer>(next, request.accessToken);
    }
  }
}
