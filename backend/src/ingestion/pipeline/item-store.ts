import type { ItemStatus } from '@welcome-ruhr/contracts';
import type { DataSource } from 'typeorm';
import type { PreparedItem } from './prepare-item';

export interface KnownItem {
  contentHash: string;
  status: ItemStatus;
}

export interface EarlierCopy {
  itemId: string;
  sourceName: string;
}

/** A prepared item with its moderation outcome, as written to the database. */
export interface ItemRow extends Omit<PreparedItem, 'ruleText'> {
  status: ItemStatus;
  /** Rule reasons, plus the duplicate reason for a new duplicate. */
  held_reasons: string[];
  duplicate_of_id: string | null;
}

export interface WrittenItem {
  key: string;
  inserted: boolean;
  status: ItemStatus;
}

/** Marks a reason as the duplicate kind, so updates in place keep it while rule reasons are recomputed. */
export const DUPLICATE_REASON_PREFIX = 'duplicate of ';

/** SQL: whether the held reason `reason` (an SQL expression) is the duplicate kind rather than a rule's. */
export const IS_DUPLICATE_REASON_SQL = (reason: string) => `starts_with(${reason}, '${DUPLICATE_REASON_PREFIX}')`;

/*
 * The upsert: new keys are inserted; a known key is updated in place only when its content changed,
 * never when it is rejected (a tombstone). Moderator-edited tags stay. An approved item whose new text
 * trips a rule goes back to pending; a pending one that no longer trips any is approved if its source is
 * trusted (the row's status says 'approved' then) and it is not a duplicate.
 * The rows travel as one JSON parameter: one round trip per batch, no parameter limit.
 */
const UPSERT = `
INSERT INTO items AS i (source_id, key, title, summary, html, url, canonical_url, image_url, author, published_at,
  fetched_at, content_hash, language, language_confidence, cities, topics, status, held_reasons, duplicate_of_id, decided_at)
SELECT $1::uuid, r.key, r.title, r.summary, r.html, r.url, r.url, r.image_url, r.author, r.published_at,
  $2::timestamptz, r.content_hash, r.language, r.language_confidence, r.cities, r.topics, r.status, r.held_reasons,
  r.duplicate_of_id, CASE WHEN r.status = 'approved' THEN $2::timestamptz END
FROM json_to_recordset($3::json) AS r(key text, title text, summary text, html text, url text, image_url text,
  author text, published_at timestamptz, content_hash text, language text, language_confidence real, cities text[],
  topics text[], status text, held_reasons text[], duplicate_of_id uuid)
ON CONFLICT (source_id, key) DO UPDATE SET
  title = EXCLUDED.title,
  summary = EXCLUDED.summary,
  html = EXCLUDED.html,
  url = EXCLUDED.url,
  canonical_url = EXCLUDED.canonical_url,
  image_url = EXCLUDED.image_url,
  author = EXCLUDED.author,
  published_at = EXCLUDED.published_at,
  fetched_at = EXCLUDED.fetched_at,
  content_hash = EXCLUDED.content_hash,
  language = CASE WHEN i.tags_edited THEN i.language ELSE EXCLUDED.language END,
  language_confidence = CASE WHEN i.tags_edited THEN i.language_confidence ELSE EXCLUDED.language_confidence END,
  cities = CASE WHEN i.tags_edited THEN i.cities ELSE EXCLUDED.cities END,
  topics = CASE WHEN i.tags_edited THEN i.topics ELSE EXCLUDED.topics END,
  held_reasons = EXCLUDED.held_reasons
    || ARRAY(SELECT reason FROM unnest(i.held_reasons) AS reason WHERE ${IS_DUPLICATE_REASON_SQL('reason')}),
  status = CASE
    WHEN i.status = 'approved' AND cardinality(EXCLUDED.held_reasons) > 0 THEN 'pending'
    WHEN i.status = 'pending' AND EXCLUDED.status = 'approved' AND i.duplicate_of_id IS NULL THEN 'approved'
    ELSE i.status END,
  decided_at = CASE
    WHEN i.status = 'approved' AND cardinality(EXCLUDED.held_reasons) > 0 THEN NULL
    WHEN i.status = 'pending' AND EXCLUDED.status = 'approved' AND i.duplicate_of_id IS NULL THEN EXCLUDED.decided_at
    ELSE i.decided_at END,
  decided_by = CASE WHEN i.status = 'approved' AND cardinality(EXCLUDED.held_reasons) > 0 THEN NULL ELSE i.decided_by END,
  updated_at = now()
WHERE i.status <> 'rejected' AND i.content_hash <> EXCLUDED.content_hash
RETURNING i.key, (i.xmax = 0) AS inserted, i.status`;

/** The SQL of the pipeline: three statements per batch, whatever its size. */
export class ItemStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The items of this source among `keys`, with what is needed to skip unchanged ones and tombstones. */
  async known(sourceId: string, keys: string[]): Promise<Map<string, KnownItem>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; content_hash: string; status: ItemStatus }[] = await this.dataSource.query(
      `SELECT key, content_hash, status FROM items
       WHERE source_id = $1 AND key IN (SELECT value FROM json_array_elements_text($2::json))`,
      [sourceId, JSON.stringify(keys)],
    );
    return new Map(rows.map((r) => [r.key, { contentHash: r.content_hash, status: r.status }]));
  }

  /** For each link, the first item another source brought with it. */
  async earlierCopies(sourceId: string, urls: string[]): Promise<Map<string, EarlierCopy>> {
    if (urls.length === 0) return new Map();
    const rows: { canonical_url: string; id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (i.canonical_url) i.canonical_url, i.id, s.name
       FROM items i JOIN sources s ON s.id = i.source_id
       WHERE i.canonical_url IN (SELECT value FROM json_array_elements_text($2::json)) AND i.source_id <> $1
       ORDER BY i.canonical_url, i.created_at, i.id`,
      [sourceId, JSON.stringify(urls)],
    );
    return new Map(rows.map((r) => [r.canonical_url, { itemId: r.id, sourceName: r.name }]));
  }

  /** Inserts and updates in one statement; returns the rows it actually wrote. */
  async upsert(sourceId: string, fetchedAt: Date, rows: ItemRow[]): Promise<WrittenItem[]> {
    if (rows.length === 0) return [];
    const written: { key: string; inserted: boolean; status: ItemStatus }[] = await this.dataSource.query(UPSERT, [
      sourceId,
      fetchedAt.toISOString(),
      JSON.stringify(rows),
    ]);
    return written.map((w) => ({ key: w.key, inserted: w.inserted === true || (w.inserted as unknown) === 't', status: w.status }));
  }
}
