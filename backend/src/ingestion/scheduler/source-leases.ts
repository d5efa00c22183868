import type { SourceFetchSummary, SourceType } from '@welcome-ruhr/contracts';
import type { DataSource } from 'typeorm';

/** A source this process holds the fetch lease of, with what fetching it needs. */
export interface ClaimedSource {
  id: string;
  type: SourceType;
  url: string | null;
  cities: string[];
  topics: string[];
  languages: string[];
  autoApprove: boolean;
  etag: string | null;
  lastModified: string | null;
  fetchIntervalSeconds: number;
  consecutiveFailures: number;
  lastFetchedAt: Date | null;
  feedTtlSeconds: number | null;
  /** When this process claimed it (its own clock), to renew a lease that waited long for a slot. */
  claimedAt: number;
}

/** Types the scheduler can read; a Facebook page is read by its own integration. */
export const FETCHABLE_TYPES: readonly SourceType[] = ['rss', 'mastodon'];

const CLAIMED_COLUMNS = `id, type, url, cities, topics, languages, auto_approve, etag, last_modified, fetch_interval_seconds,
  consecutive_failures, last_fetched_at, feed_ttl_seconds`;

interface ClaimedRow {
  id: string;
  type: SourceType;
  url: string | null;
  cities: string[];
  topics: string[];
  languages: string[];
  auto_approve: boolean;
  etag: string | null;
  last_modified: string | null;
  fetch_interval_seconds: number;
  consecutive_failures: number;
  last_fetched_at: Date | string | null;
  feed_ttl_seconds: number | null;
}

function toClaimed(row: ClaimedRow): ClaimedSource {
  return {
    id: row.id,
    type: row.type,
    url: row.url,
    cities: row.cities ?? [],
    topics: row.topics ?? [],
    languages: row.languages ?? [],
    autoApprove: row.auto_approve,
    etag: row.etag,
    lastModified: row.last_modified,
    fetchIntervalSeconds: row.fetch_interval_seconds,
    consecutiveFailures: row.consecutive_failures,
    lastFetchedAt: row.last_fetched_at === null ? null : new Date(row.last_fetched_at),
    feedTtlSeconds: row.feed_ttl_seconds,
    claimedAt: Date.now(),
  };
}

/** The fetch state the end of a fetch writes, together with releasing the lease. */
export interface FetchStateUpdate {
  lastFetchedAt: Date;
  lastSuccessAt?: Date;
  lastHttpStatus: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  pausedReason: string | null;
  nextFetchAt: Date;
  fetchIntervalSeconds: number;
  /** undefined: keep what is stored (a 304 or a failure did not read the feed's validators or ttl). */
  etag?: string | null;
  lastModified?: string | null;
  feedTtlSeconds?: number | null;
  lastFetch: SourceFetchSummary;
}

/**
 * Fetch leases in the sources table. A lease is a row's `lease_owner` and `lease_expires_at`: claimed with
 * `FOR UPDATE SKIP LOCKED`, so processes never wait for each other nor take the same source, and free again
 * when it expires, so a crashed process does not keep its sources.
 */
export class SourceLeases {
  constructor(
    private readonly dataSource: DataSource,
    readonly owner: string,
    private readonly leaseSeconds: number,
  ) {}

  /** Up to `limit` due sources, the longest overdue first. */
  async claimDue(limit: number): Promise<ClaimedSource[]> {
    if (limit <= 0) return [];
    const rows: ClaimedRow[] = await this.dataSource.query(
      `UPDATE sources SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM sources
         WHERE active AND paused_reason IS NULL AND url IS NOT NULL AND type = ANY(string_to_array($4, ','))
           AND next_fetch_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now())
         ORDER BY next_fetch_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIMED_COLUMNS}`,
      [this.owner, this.leaseSeconds, limit, FETCHABLE_TYPES.join(',')],
    );
    return firstResult(rows).map(toClaimed);
  }

  /**
   * One source, due or not ("fetch now"); a paused source is resumed with a fresh failure count.
   * 'busy' when another fetch holds its lease; 'missing' when there is no such source.
   */
  async claimOne(id: string): Promise<ClaimedSource | 'busy' | 'missing'> {
    const rows: ClaimedRow[] = await this.dataSource.query(
      `UPDATE sources SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2),
         consecutive_failures = CASE WHEN paused_reason IS NULL THEN consecutive_failures ELSE 0 END,
         paused_reason = NULL
       WHERE id = $3 AND (lease_expires_at IS NULL OR lease_expires_at < now())
       RETURNING ${CLAIMED_COLUMNS}`,
      [this.owner, this.leaseSeconds, id],
    );
    const [row] = firstResult(rows);
    if (row) return toClaimed(row);
    const exists: unknown[] = await this.dataSource.query('SELECT 1 FROM sources WHERE id = $1', [id]);
    return exists.length > 0 ? 'busy' : 'missing';
  }

  /** Writes the outcome and gives the lease back; false when the lease was lost (expired and taken) meanwhile. */
  async finish(id: string, update: FetchStateUpdate): Promise<boolean> {
    const keep = (value: string | number | null | undefined) => (value === undefined ? { keep: true, value: null } : { keep: false, value });
    const etag = keep(update.etag);
    const lastModified = keep(update.lastModified);
    const ttl = keep(update.feedTtlSeconds);
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE sources SET
         last_fetched_at = $3, last_success_at = COALESCE($4, last_success_at), last_http_status = $5, last_error = $6,
         consecutive_failures = $7, paused_reason = $8, next_fetch_at = $9, fetch_interval_seconds = $10,
         etag = CASE WHEN $11 THEN etag ELSE $12 END,
         last_modified = CASE WHEN $13 THEN last_modified ELSE $14 END,
         feed_ttl_seconds = CASE WHEN $15 THEN feed_ttl_seconds ELSE $16::integer END,
         last_fetch = $17::jsonb, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE id = $1 AND lease_owner = $2
       RETURNING id`,
      [
        id,
        this.owner,
        update.lastFetchedAt.toISOString(),
        update.lastSuccessAt?.toISOString() ?? null,
        update.lastHttpStatus,
        update.lastError,
        update.consecutiveFailures,
        update.pausedReason,
        update.nextFetchAt.toISOString(),
        update.fetchIntervalSeconds,
        etag.keep,
        etag.value,
        lastModified.keep,
        lastModified.value,
        ttl.keep,
        ttl.value,
        JSON.stringify(update.lastFetch),
      ],
    );
    return firstResult(rows).length > 0;
  }

  /** Extends a lease this process still holds; false when it was lost (expired and taken by another process). */
  async renew(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE sources SET lease_expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND lease_owner = $2 RETURNING id`,
      [id, this.owner, this.leaseSeconds],
    );
    return firstResult(rows).length > 0;
  }

  /** Gives leases back untouched (shutdown, a cancelled fetch): the sources stay due. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE sources SET lease_owner = NULL, lease_expires_at = NULL
       WHERE lease_owner = $1 AND id IN (SELECT value::uuid FROM json_array_elements_text($2::json))`,
      [this.owner, JSON.stringify(ids)],
    );
  }
}

/** pg answers an UPDATE … RETURNING with [rows, count]; PGlite with the rows alone. */
function firstResult<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) && result.length === 2 && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}
