import type { ChannelStatus, ChannelType } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';

/** An ambassador's connected Facebook page or Mastodon account, with its token and health. */
@Entity('channels')
@Check('channels_type_check', `"type" IN ('facebook_page', 'mastodon')`)
@Check('channels_status_check', `"status" IN ('connected', 'needs_reconnect', 'disconnected')`)
@Index('channels_ambassador_external_key', ['ambassadorId', 'type', 'externalId'], { unique: true })
@Index('channels_next_check_idx', ['nextCheckAt'])
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'ambassador_id', type: 'uuid' })
  ambassadorId!: string;

  @ManyToOne(() => AmbassadorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ambassador_id' })
  ambassador?: AmbassadorEntity;

  @Column({ type: 'varchar', length: 20 })
  type!: ChannelType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Facebook page id; Mastodon `accountId@host`. */
  @Column({ name: 'external_id', type: 'varchar', length: 300 })
  externalId!: string;

  /** Mastodon: the instance, e.g. https://mastodon.social */
  @Column({ name: 'instance_url', type: 'text', nullable: true })
  instanceUrl!: string | null;

  /** Encrypted with SECRET_KEY (AES-256-GCM); never returned by an API; null once disconnected. */
  @Column({ name: 'access_token_encrypted', type: 'text', nullable: true })
  accessTokenEncrypted!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'connected' })
  status!: ChannelStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true })
  tokenExpiresAt!: Date | null;

  /** The expiry date the ambassador was last warned about, so each expiry warns once. */
  @Column({ name: 'expiry_warned_for', type: 'timestamptz', nullable: true })
  expiryWarnedFor!: Date | null;

  @Column({ name: 'last_checked_at', type: 'timestamptz', nullable: true })
  lastCheckedAt!: Date | null;

  /** The daily health check claims channels by this time (and moves it a day on). */
  @Column({ name: 'next_check_at', type: 'timestamptz', default: () => 'now()' })
  nextCheckAt!: Date;

  /** A rate limit of the channel's platform: no publishing to it before then. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
