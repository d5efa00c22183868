import type { SourceFetchSummary, SourceKind, SourceType, SourceWebhookState } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where items come from, and the state of fetching it. */
@Entity('sources')
@Check('sources_type_check', `"type" IN ('rss', 'facebook_page', 'mastodon')`)
@Check('sources_kind_check', `"kind" IN ('ambassador', 'partner', 'city')`)
@Check('sources_webhook_state_check', `"webhook_state" IN ('subscribed', 'failed', 'not_configured', 'no_page_token')`)
@Index('sources_url_key', ['type', 'url'], { unique: true, where: '"url" IS NOT NULL' })
@Index('sources_external_id_key', ['type', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: SourceType;

  @Column({ type: 'varchar', length: 20, default: 'partner' })
  kind!: SourceKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Feed address (rss, mastodon); null for a Facebook page. */
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** Facebook page id or Mastodon account id. */
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ name: 'auto_approve', type: 'boolean', default: false })
  autoApprove!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Encrypted with SECRET_KEY (AES-256-GCM); never returned by an API. */
  @Column({ name: 'access_token_encrypted', type: 'text', nullable: true })
  accessTokenEncrypted!: string | null;

  @Column({ name: 'ambassador_id', type: 'uuid', nullable: true })
  ambassadorId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  // --- fetching state ---

  /** When the source is due; the scheduler claims due sources in this order. */
  @Index('sources_next_fetch_at_idx')
  @Column({ name: 'next_fetch_at', type: 'timestamptz', default: () => 'now()' })
  nextFetchAt!: Date;

  @Column({ name: 'fetch_interval_seconds', type: 'integer', default: 1800 })
  fetchIntervalSeconds!: number;

  /** The process that holds the fetch lease, and until when; an expired lease is free again. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ name: 'last_fetched_at', type: 'timestamptz', nullable: true })
  lastFetchedAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_http_status', type: 'integer', nullable: true })
  lastHttpStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** Set when the source paused itself (10 failures in a row) or was paused by a rate limit. */
  @Column({ name: 'paused_reason', type: 'text', nullable: true })
  pausedReason!: string | null;

  /** What the last fetch brought (counts, duration, parser warnings). */
  @Column({ name: 'last_fetch', type: 'jsonb', nullable: true })
  lastFetch!: SourceFetchSummary | null;

  /** The feed's own `<ttl>` from the last document read: no fetch sooner than this, even after a 304. */
  @Column({ name: 'feed_ttl_seconds', type: 'integer', nullable: true })
  feedTtlSeconds!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  etag!: string | null;

  @Column({ name: 'last_modified', type: 'varchar', length: 100, nullable: true })
  lastModified!: string | null;

  // --- Facebook webhooks (facebook_page only) ---

  /** Whether the page sends its updates to our webhook; null before the first attempt and for other types. */
  @Column({ name: 'webhook_state', type: 'varchar', length: 20, nullable: true })
  webhookState!: SourceWebhookState | null;

  /** The last attempt's outcome in words (Facebook's error, what to do); null when subscribed. */
  @Column({ name: 'webhook_message', type: 'text', nullable: true })
  webhookMessage!: string | null;

  @Column({ name: 'webhook_checked_at', type: 'timestamptz', nullable: true })
  webhookCheckedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
