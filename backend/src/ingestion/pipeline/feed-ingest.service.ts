import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentEvents } from '../../items/content-events';
import { ModerationRulesService } from '../../moderation/moderation-rules.service';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import type { TopicTaxonomy } from '../enrich';
import type { RawFeedItem } from '../parse';
import { DUPLICATE_REASON_PREFIX, ItemStore, type ItemRow, type KnownItem } from './item-store';
import { contentHash, prepareItem, storageKey, type IngestSource, type PreparedItem } from './prepare-item';

/** What one feed document did to the items table. */
export interface IngestCounts {
  items: number;
  new: number;
  updated: number;
  unchanged: number;
  approved: number;
  held: number;
  duplicates: number;
}

export interface IngestOptions {
  /** The address the feed was read from: base for relative links of items without their own link. */
  feedUrl: string;
  fetchedAt: Date;
}

/** Items per statement: three round trips per batch. */
export const INGEST_BATCH_SIZE = 250;
/** Items prepared between two turns of the event loop (≈ 20 ms of work). */
const PREPARE_SLICE = 16;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The pipeline from parsed feed items to stored ones: skip what is known and unchanged (or rejected),
 * sanitize and tag the rest, hold what a rule or a duplicate link holds, auto-approve for trusted
 * sources, and write each batch with one upsert.
 */
@Injectable()
export class FeedIngestService {
  private readonly store: ItemStore;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly rules: ModerationRulesService,
    private readonly events: ContentEvents,
  ) {
    this.store = new ItemStore(dataSource);
  }

  async ingest(source: IngestSource, items: readonly RawFeedItem[], options: IngestOptions): Promise<IngestCounts> {
    const counts: IngestCounts = { items: items.length, new: 0, updated: 0, unchanged: 0, approved: 0, held: 0, duplicates: 0 };
    const taxonomy = await this.taxonomy.current();
    let publicChange = false;
    // A feed that lists one key twice: the first (usually newest) wins; the upsert could not take both.
    const seen = new Set<string>();
    const unique = items.filter((item) => {
      const key = storageKey(item.key);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    counts.unchanged += items.length - unique.length;

    for (let start = 0; start < unique.length; start += INGEST_BATCH_SIZE) {
      const batch = unique.slice(start, start + INGEST_BATCH_SIZE);
      const result = await this.ingestBatch(source, batch, taxonomy, options);
      counts.new += result.counts.new;
      counts.updated += result.counts.updated;
      counts.unchanged += result.counts.unchanged;
      counts.approved += result.counts.approved;
      counts.held += result.counts.held;
      counts.duplicates += result.counts.duplicates;
      publicChange ||= result.publicChange;
    }
    if (publicChange) this.events.itemsChanged();
    return counts;
  }

  private async ingestBatch(
    source: IngestSource,
    batch: RawFeedItem[],
    taxonomy: TopicTaxonomy,
    options: IngestOptions,
  ): Promise<{ counts: Omit<IngestCounts, 'items'>; publicChange: boolean }> {
    const hashed = batch.map((raw) => ({ raw, key: storageKey(raw.key), hash: contentHash(raw) }));
    const known = await this.store.known(source.id, hashed.map((h) => h.key));
    const changed = hashed.filter(({ key, hash }) => isWorthWriting(known.get(key), hash));
    const counts = { new: 0, updated: 0, unchanged: batch.length - changed.length, approved: 0, held: 0, duplicates: 0 };
    if (changed.length === 0) return { counts, publicChange: false };

    const prepared: PreparedItem[] = [];
    for (const [index, { raw, hash }] of changed.entries()) {
      // Tagging costs about a millisecond per item: let requests through every few items.
      if (index > 0 && index % PREPARE_SLICE === 0) await yieldToEventLoop();
      prepared.push(prepareItem(raw, source, taxonomy, options.feedUrl, hash));
    }
    const newUrls = prepared.filter((p) => p.url && !known.has(p.key)).map((p) => p.url as string);
    const copies = await this.store.earlierCopies(source.id, [...new Set(newUrls)]);

    const rows: ItemRow[] = [];
    for (const { ruleText, ...item } of prepared) {
      const reasons = await this.rules.heldReasons(ruleText, item.language);
      const copy = !known.has(item.key) && item.url ? copies.get(item.url) : undefined;
      const trusted = source.autoApprove && reasons.length === 0;
      rows.push({
        ...item,
        // A duplicate waits even from a trusted source: a moderator decides which copy the feed shows.
        status: trusted && !copy ? 'approved' : 'pending',
        held_reasons: copy ? [...reasons, `${DUPLICATE_REASON_PREFIX}an item from ${copy.sourceName}`] : reasons,
        duplicate_of_id: copy?.itemId ?? null,
      });
    }

    const written = await this.store.upsert(source.id, options.fetchedAt, rows);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    let publicChange = false;
    for (const item of written) {
      const row = byKey.get(item.key);
      if (item.inserted) counts.new++;
      else counts.updated++;
      if (item.inserted && item.status === 'approved') counts.approved++;
      if (row && row.held_reasons.length > 0) counts.held++;
      if (item.inserted && row?.duplicate_of_id) counts.duplicates++;
      // Approved content appeared, changed, or went back to review.
      if (item.status === 'approved' || known.get(item.key)?.status === 'approved') publicChange = true;
    }
    // Rows the upsert left alone (rejected or unchanged in the meantime).
    counts.unchanged += rows.length - written.length;
    return { counts, publicChange };
  }
}

/** New, or known with other content and not a tombstone. */
function isWorthWriting(known: KnownItem | undefined, hash: string): boolean {
  return !known || (known.status !== 'rejected' && known.contentHash !== hash);
}
