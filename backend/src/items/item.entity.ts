import type { ItemStatus } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

/**
 * What was ingested from a source. A rejected item stays as a tombstone, so the next fetch does not
 * bring it back; `(source_id, key)` is the item's identity across fetches.
 */
@Entity('items')
@Check('items_status_check', `"status" IN ('pending', 'approved', 'rejected')`)
@Index('items_source_key_key', ['sourceId', 'key'], { unique: true })
// The public feed: approved items, pinned first, newest first, keyset-paged by (pinned, published_at, id); the
// second index serves feeds filtered by language. Both carry the filter columns (INCLUDE), so a page is chosen
// by an index-only scan (see public-feed/feed-sql.ts); INCLUDE is not expressible as entity metadata.
@Index('items_public_feed_idx', { synchronize: false })
@Index('items_public_feed_language_idx', { synchronize: false })
// The content version (max(updated_at)) that tells replicas their cached feed pages are stale.
@Index('items_updated_at_idx', ['updatedAt'])
@Index('items_moderation_idx', ['status', 'publishedAt'])
@Index('items_canonical_url_idx', ['canonicalUrl'])
@Index('items_cities_idx', { synchronize: false })
@Index('items_topics_idx', { synchronize: false })
export class ItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  /** guid/id, else link, else a hash of title and content: stable across fetches. */
  @Column({ type: 'varchar', length: 512 })
  key!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** Sanitized HTML. */
  @Column({ type: 'text', default: '' })
  html!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** The link without tracking parameters; the same link from two sources marks a duplicate. */
  @Column({ name: 'canonical_url', type: 'text', nullable: true })
  canonicalUrl!: string | null;

  @Column({ name: 'image_url', type: 'text', nullable: true })
  imageUrl!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  author!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;

  /** sha256 of title, summary and html: an unchanged item is not rewritten. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @Column({ name: 'language_confidence', type: 'real', nullable: true })
  languageConfidence!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics!: string[];

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: ItemStatus;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason!: string | null;

  /** Why an item waits although its source is trusted, e.g. `blocked phrase: "…"`. */
  @Column({ name: 'held_reasons', type: 'text', array: true, default: () => "'{}'" })
  heldReasons!: string[];

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  /** A moderator changed the tags: re-fetches keep the moderator's tags. */
  @Column({ name: 'tags_edited', type: 'boolean', default: false })
  tagsEdited!: boolean;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
