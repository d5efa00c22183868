import type { PostStatus } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { ItemEntity } from '../items/item.entity';

/** What an ambassador writes for her channels; reviewed by a moderator, then published by the publisher. */
@Entity('posts')
@Check(
  'posts_status_check',
  `"status" IN ('draft', 'pending_review', 'scheduled', 'publishing', 'published', 'failed', 'rejected', 'cancelled')`,
)
@Index('posts_ambassador_idx', ['ambassadorId', 'createdAt'])
@Index('posts_status_idx', ['status', 'scheduledAt'])
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'ambassador_id', type: 'uuid' })
  ambassadorId!: string;

  @ManyToOne(() => AmbassadorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ambassador_id' })
  ambassador?: AmbassadorEntity;

  @Column({ type: 'varchar', length: 20 })
  status!: PostStatus;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  /** When it should appear; for "as soon as approved" set at approval. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ name: 'as_soon_as_approved', type: 'boolean', default: false })
  asSoonAsApproved!: boolean;

  /** The portal item the post shares. */
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId!: string | null;

  @ManyToOne(() => ItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'item_id' })
  item?: ItemEntity;

  /** Set when an image is stored (post_images); part of the image's address. */
  @Column({ name: 'image_updated_at', type: 'timestamptz', nullable: true })
  imageUpdatedAt!: Date | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
