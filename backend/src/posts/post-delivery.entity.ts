import type { DeliveryStatus } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { PostEntity } from './post.entity';

/**
 * One post on one channel: the unit the publisher claims (lease) and publishes exactly once. An attempt
 * is recorded (`sending`, `attempt_id`) before the call and completed after it; a `sending` row whose
 * lease ran out, or an `unknown` one, is checked against the channel before it is sent again.
 */
@Entity('post_deliveries')
@Check('post_deliveries_status_check', `"status" IN ('pending', 'sending', 'unknown', 'published', 'failed', 'cancelled')`)
@Index('post_deliveries_post_channel_key', ['postId', 'channelId'], { unique: true })
@Index('post_deliveries_due_idx', ['nextAttemptAt'], { where: `"status" IN ('pending', 'sending', 'unknown')` })
@Index('post_deliveries_channel_idx', ['channelId', 'externalId'])
export class PostDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: DeliveryStatus;

  /** The current attempt: written with `sending` before the call; completing it requires the same id. */
  @Column({ name: 'attempt_id', type: 'uuid', nullable: true })
  attemptId!: string | null;

  @Column({ name: 'attempt_started_at', type: 'timestamptz', nullable: true })
  attemptStartedAt!: Date | null;

  /** When this delivery was first sent: the window in which the channel is searched for it. */
  @Column({ name: 'first_sent_at', type: 'timestamptz', nullable: true })
  firstSentAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ name: 'external_url', type: 'text', nullable: true })
  externalUrl!: string | null;

  /** Why the last try failed, in words. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
