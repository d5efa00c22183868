import type { ContactRequestStatus, ContactRoute } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';

/**
 * A newcomer's question: to an ambassador, or to the portal of a city (its moderators read it).
 * Personal data: deleted CONTACT_RETENTION_DAYS after closing, or at once on an erasure request.
 */
@Entity('contact_requests')
@Check('contact_requests_status_check', `"status" IN ('new', 'answered', 'closed')`)
@Check('contact_requests_routed_to_check', `"routed_to" IN ('ambassador', 'portal')`)
@Index('contact_requests_ambassador_idx', ['ambassadorId', 'createdAt'])
@Index('contact_requests_portal_idx', ['city', 'createdAt'], { where: `"routed_to" = 'portal'` })
@Index('contact_requests_closed_idx', ['closedAt'], { where: `"status" = 'closed'` })
@Index('contact_requests_email_idx', ['email'])
@Index('contact_requests_reply_token_key', ['replyToken'], { unique: true })
export class ContactRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Where the newcomer sent it; stays when a moderator assigns a portal request to an ambassador. */
  @Column({ name: 'routed_to', type: 'varchar', length: 20 })
  routedTo!: ContactRoute;

  @Column({ name: 'ambassador_id', type: 'uuid', nullable: true })
  ambassadorId!: string | null;

  @ManyToOne(() => AmbassadorEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ambassador_id' })
  ambassador?: AmbassadorEntity;

  @Column({ type: 'varchar', length: 60, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Stored lower-cased, so an export or erasure finds every request of an address. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  /** Plain text; never rendered as HTML. */
  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'varchar', length: 20, default: 'new' })
  status!: ContactRequestStatus;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt!: Date;

  @Column({ name: 'privacy_notice_version', type: 'varchar', length: 20 })
  privacyNoticeVersion!: string;

  /** The token of the reply address (local+token@domain) that routes the newcomer's answers back. */
  @Column({ name: 'reply_token', type: 'varchar', length: 40 })
  replyToken!: string;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
