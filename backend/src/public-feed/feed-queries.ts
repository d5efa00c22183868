import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicFeedItem, SourceKind, SourceType } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { encodeFeedCursor, type FeedCursor } from './feed-cursor';
import type { FeedFilter } from './feed-query';
import { CONTENT_VERSION_SQL, feedSql, feedStreams, hasRowFilters, itemSql, PROBE_ROWS, windowRowsSql, type FeedRow, type FeedStrategy } from './feed-sql';
import { FeedStatistics } from './feed-statistics';
import { ImageUrlSigner } from '../images/image-url-signer';

/** Up to this many candidate rows, reading every item of a rare city or topic beats walking the feed index. */
export const RARE_ROWS = 1000;

export interface FeedPage {
  items: PublicFeedItem[];
  nextCursor: string | null;
  /** The content version the page was read at (see CONTENT_VERSION_SQL). */
  version: bigint;
}

/** Rows of the feed's SQL that carry an item (a page's SQL gives one row without an item when it is empty). */
function hasItem(row: FeedRow): row is FeedRow & { id: string } {
  return row.id !== null;
}

/** Images go through the portal's signed proxy: a visitor's browser never talks to another host. */
function toItem(row: FeedRow & { id: string }, images: ImageUrlSigner): PublicFeedItem {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    html: row.html,
    url: row.url,
    imageUrl: images.sign(row.image_url),
    // Microseconds are for the cursor; people get milliseconds.
    publishedAt: `${row.published_key.slice(0, 23)}Z`,
    language: row.language,
    topics: row.topics,
    cities: row.cities,
    pinned: row.pinned,
    source: { name: row.source_name, type: row.source_type as SourceType, kind: row.source_kind as SourceKind },
  };
}

/** Reads pages of approved items for the public feed, choosing the strategy of feed-sql.ts. */
@Injectable()
export class FeedQueries {
  /** How far a probe looks before the full query takes over; tests shrink it to reach both paths. */
  probeRows = PROBE_ROWS;
  /** The strategy of the last page read, for tests and EXPLAIN work. */
  lastStrategy: FeedStrategy = 'probe';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: FeedStatistics,
    private readonly images: ImageUrlSigner,
  ) {}

  async page(filter: FeedFilter, cursor: FeedCursor | null, limit: number): Promise<FeedPage> {
    const rare = this.rareFilter(filter);
    if (rare) return (await this.read({ rare }, filter, cursor, limit)).page;
    const probe = await this.read('probe', filter, cursor, limit);
    if (await this.probeIsComplete(filter, cursor, limit, probe.streamHits)) return probe.page;
    return (await this.read('full', filter, cursor, limit)).page;
  }

  /** One page by one strategy; a probe's page may be incomplete (see probeIsComplete). */
  async read(strategy: FeedStrategy, filter: FeedFilter, cursor: FeedCursor | null, limit: number): Promise<{ page: FeedPage; streamHits: number[] }> {
    this.lastStrategy = strategy;
    const { text, values } = feedSql(filter, cursor, limit + 1, strategy, this.probeRows);
    const rows: FeedRow[] = await this.dataSource.query(text, values);
    const version = BigInt(rows[0]?.version ?? '0');
    const found = rows.filter(hasItem);
    const shown = found.slice(0, limit);
    const last = shown[shown.length - 1];
    const nextCursor =
      found.length > limit && last ? encodeFeedCursor({ pinned: last.pinned, publishedAt: last.published_key, id: last.id }) : null;
    return { page: { items: shown.map((row) => toItem(row, this.images)), nextCursor, version }, streamHits: (rows[0]?.stream_hits ?? []).map(Number) };
  }

  /** One approved item by id, mapped as on a page; null when no approved item has that id. */
  async item(id: string): Promise<PublicFeedItem | null> {
    const { text, values } = itemSql(id);
    const [row]: FeedRow[] = await this.dataSource.query(text, values);
    if (!row || !hasItem(row)) return null;
    return toItem(row, this.images);
  }

  /**
   * A stream that found a page's worth of matches in its window knows its newest ones; one that found fewer
   * knows all of its matches only if its window held every remaining row of that stream.
   */
  private async probeIsComplete(filter: FeedFilter, cursor: FeedCursor | null, limit: number, streamHits: number[]): Promise<boolean> {
    if (!hasRowFilters(filter)) return true;
    const streams = feedStreams(filter);
    const short = streams.filter((_language, n) => (streamHits[n] ?? 0) <= limit);
    if (short.length === 0) return true;
    const { text, values } = windowRowsSql(short, cursor, this.probeRows);
    const [row]: { window_rows: number[] }[] = await this.dataSource.query(text, values);
    return (row?.window_rows ?? []).every((rows) => Number(rows) < this.probeRows);
  }

  async contentVersion(): Promise<bigint> {
    const rows: { version: string }[] = await this.dataSource.query(CONTENT_VERSION_SQL);
    return BigInt(rows[0]?.version ?? '0');
  }

  /** The array filter (cities or topics) that only few items match, if the statistics know one. */
  private rareFilter(filter: FeedFilter): 'cities' | 'topics' | null {
    let rarest: { column: 'cities' | 'topics'; rows: number } | null = null;
    for (const column of ['cities', 'topics'] as const) {
      if (filter[column].length === 0) continue;
      const rows = this.statistics.estimatedRows(column, filter[column]);
      if (rows !== null && rows <= RARE_ROWS && (!rarest || rows < rarest.rows)) rarest = { column, rows };
    }
    return rarest?.column ?? null;
  }
}
