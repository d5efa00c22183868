import type { FeedCursor } from './feed-cursor';
import type { FeedFilter } from './feed-query';

/**
 * The public feed's SQL, written by hand for two indexes (see the FeedIndexes migration):
 *
 * - `items_public_feed_idx (pinned, published_at, id) INCLUDE (language, cities, topics, source_id)` and
 * - `items_public_feed_language_idx (language, pinned, published_at, id) INCLUDE (cities, topics, source_id)`,
 *   both `WHERE status = 'approved'`.
 *
 * A page is chosen from the index alone (an index-only scan reads the filter columns from INCLUDE), and
 * only the chosen rows are read from the table. With languages, each language is its own ordered stream
 * (`language = $n`, merged by UNION ALL): `language = ANY(...)` would lose the index order.
 *
 * The planner misjudges "ORDER BY … LIMIT" with rare filter values (a small town, a new topic): it walks
 * the whole ordered index hoping for an early match, and it guesses 0.5 % of the table for any value it
 * has no statistics for. So (FeedQueries chooses):
 * - `rare`: a city or topic set the statistics say few items carry: those items, from the GIN index;
 * - `probe`: otherwise, the next PROBE_ROWS rows of each stream, filtered. A stream with fewer matches than
 *   a page needs is complete only if its window was not full (`windowRowsSql`); else
 * - `full`: every match in a materialized CTE, planned without the LIMIT, then sorted.
 */
export const PROBE_ROWS = 4000;

/**
 * probe: the next rows of the ordered index; full: every match, planned without LIMIT; rare: every item
 * with one of a few rare cities or topics (from the GIN index), then the other filters.
 */
export type FeedStrategy = 'probe' | 'full' | { rare: 'cities' | 'topics' };

export interface FeedRow {
  version: string | null;
  /** Probe only: matches found per stream (see feedStreams). */
  stream_hits: number[] | null;
  id: string | null;
  title: string;
  summary: string;
  html: string;
  url: string | null;
  image_url: string | null;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ` */
  published_key: string;
  language: string | null;
  topics: string[];
  cities: string[];
  pinned: boolean;
  source_name: string;
  source_type: string;
  source_kind: string;
}

const ORDER = 'pinned DESC, published_at DESC, id DESC';

/** An item's columns of a FeedRow, from `items i` joined with its `sources s`. */
const ITEM_COLUMNS = `i.id, i.title, i.summary, i.html, i.url, i.image_url,
           to_char(i.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_key,
           i.language, i.topics, i.cities, i.pinned, s.name AS source_name, s.type AS source_type, s.kind AS source_kind`;

/** Whether the filter needs columns beyond the index key (so a probe may come back short). */
export function hasRowFilters(filter: FeedFilter): boolean {
  return filter.cities.length > 0 || filter.topics.length > 0 || filter.kinds.length > 0;
}

/** The conditions a stream reads from its index: approved, maybe one language, after the cursor. */
function indexedConditions(language: string | null, keyset: string | null, param: (value: unknown, cast: string) => string): string {
  return ["status = 'approved'", language === null ? null : `language = ${param(language, 'text')}`, keyset].filter((c): c is string => c !== null).join(' AND ');
}

function sqlBuilder() {
  const values: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  return { values, param };
}

function keysetCondition(cursor: FeedCursor | null, param: (value: unknown, cast: string) => string): string | null {
  // PostgreSQL estimates a row comparison by its first column alone: `(pinned, …) < (false, …)` would look
  // like "no rows", and every plan would be chosen for a tiny range. Past the pinned items, say pinned = false.
  if (!cursor) return null;
  return cursor.pinned
    ? `(pinned, published_at, id) < (true, ${param(cursor.publishedAt, 'timestamptz')}, ${param(cursor.id, 'uuid')})`
    : `pinned = false AND (published_at, id) < (${param(cursor.publishedAt, 'timestamptz')}, ${param(cursor.id, 'uuid')})`;
}

/** One stream per language (or a single one without a language filter), in the order of `filter.languages`. */
export function feedStreams(filter: FeedFilter): (string | null)[] {
  return filter.languages.length ? filter.languages : [null];
}

/**
 * A page of the feed by `strategy`. Besides the page's rows (and the content version), a probe returns
 * `stream_hits`: how many matches each stream found in its window, so the caller can tell whether the page
 * is complete (see `windowRowsSql`).
 */
export function feedSql(
  filter: FeedFilter,
  cursor: FeedCursor | null,
  take: number,
  strategy: FeedStrategy,
  probeRows = PROBE_ROWS,
): { text: string; values: unknown[] } {
  const { values, param } = sqlBuilder();
  const keyset = keysetCondition(cursor, param);
  const rowFilters = [
    filter.cities.length ? `cities && ${param(filter.cities, 'text[]')}` : null,
    filter.topics.length ? `topics && ${param(filter.topics, 'text[]')}` : null,
    filter.kinds.length ? `EXISTS (SELECT 1 FROM sources s WHERE s.id = source_id AND s.kind = ANY(${param(filter.kinds, 'text[]')}))` : null,
  ].filter((c): c is string => c !== null);
  const where = (conditions: (string | null)[]) => conditions.filter((c): c is string => c !== null).join(' AND ');
  const anyLanguage = () => (filter.languages.length ? `language = ANY(${param(filter.languages, 'text[]')})` : null);

  let selection: string;
  let streamHits = 'NULL::int[]';
  if (typeof strategy === 'object') {
    const column = strategy.rare;
    const rareValues = column === 'cities' ? filter.cities : filter.topics;
    // id = ANY(ARRAY(…)): the few candidates come from the GIN index, then each is looked up by its key;
    // a join here could still be planned as a walk of the language index with a hash of the candidates.
    selection = `matches AS MATERIALIZED (
        SELECT id, pinned, published_at FROM items
         WHERE id = ANY(ARRAY(SELECT id FROM items WHERE ${column} && ${param(rareValues, 'text[]')}))
           AND ${where(["status = 'approved'", anyLanguage(), keyset, ...rowFilters])}),
      page AS MATERIALIZED (SELECT id FROM matches ORDER BY ${ORDER} LIMIT ${take})`;
  } else if (strategy === 'full') {
    selection = `matches AS MATERIALIZED (
        SELECT id, pinned, published_at FROM items WHERE ${where(["status = 'approved'", anyLanguage(), keyset, ...rowFilters])}),
      page AS MATERIALIZED (SELECT id FROM matches ORDER BY ${ORDER} LIMIT ${take})`;
  } else {
    const streams = feedStreams(filter).map((language, n) => {
      const indexed = indexedConditions(language, keyset, param);
      if (rowFilters.length === 0) {
        return `SELECT ${n} AS stream, id, pinned, published_at FROM (SELECT id, pinned, published_at FROM items WHERE ${indexed} ORDER BY ${ORDER} LIMIT ${take}) s${n}`;
      }
      return `SELECT ${n} AS stream, id, pinned, published_at FROM (
          SELECT id, pinned, published_at FROM (
            SELECT id, pinned, published_at, cities, topics, source_id FROM items WHERE ${indexed} ORDER BY ${ORDER} LIMIT ${probeRows}
          ) window_rows WHERE ${rowFilters.join(' AND ')} ORDER BY ${ORDER} LIMIT ${take}) s${n}`;
    });
    selection = `streams AS MATERIALIZED (${streams.join(' UNION ALL ')}),
      page AS MATERIALIZED (SELECT id FROM streams ORDER BY ${ORDER} LIMIT ${take})`;
    streamHits = `(SELECT array_agg((SELECT count(*) FROM streams WHERE stream = n)::int ORDER BY n) FROM generate_series(0, ${streams.length - 1}) n)`;
  }

  const text = `WITH ${selection},
    version AS (SELECT ${CONTENT_VERSION_EXPRESSION} AS version FROM items)
    SELECT version.version::text AS version, ${streamHits} AS stream_hits, ${ITEM_COLUMNS}
      FROM version
      LEFT JOIN (page JOIN items i ON i.id = page.id JOIN sources s ON s.id = i.source_id) ON true
     ORDER BY i.pinned DESC, i.published_at DESC, i.id DESC`;
  return { text, values };
}

/**
 * One approved item by its primary key, in the row shape of a page (no row when it is not approved). Without
 * the content version: the item's response is not cached, and its ETag is a hash of its body.
 */
export function itemSql(id: string): { text: string; values: unknown[] } {
  const text = `SELECT NULL::text AS version, NULL::int[] AS stream_hits, ${ITEM_COLUMNS}
      FROM items i JOIN sources s ON s.id = i.source_id
     WHERE i.id = $1::uuid AND i.status = 'approved'`;
  return { text, values: [id] };
}

/**
 * For streams whose probe found fewer matches than a page needs: how many rows their window held. A stream
 * whose window was not full has no rows beyond it, so its few matches are all there are; a full window may
 * hide older matches, and then only the full query gives a right page.
 */
export function windowRowsSql(languages: (string | null)[], cursor: FeedCursor | null, probeRows = PROBE_ROWS): { text: string; values: unknown[] } {
  const { values, param } = sqlBuilder();
  const keyset = keysetCondition(cursor, param);
  const counts = languages.map(
    (language) => `(SELECT count(*)::int FROM (SELECT 1 FROM items WHERE ${indexedConditions(language, keyset, param)} LIMIT ${probeRows}) w)`,
  );
  return { text: `SELECT ARRAY[${counts.join(', ')}] AS window_rows`, values };
}

/**
 * The content version: the newest change to any item (µs since the epoch), from `items_updated_at_idx`
 * in one index probe. Read in the same statement as a page, it says which state that page shows.
 */
export const CONTENT_VERSION_EXPRESSION = `coalesce((extract(epoch FROM max(updated_at)) * 1000000)::int8, 0)`;

export const CONTENT_VERSION_SQL = `SELECT ${CONTENT_VERSION_EXPRESSION}::text AS version FROM items`;
