import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactRequestEntity } from '../contact-requests/contact-request.entity';

/**
 * Every mail goes through this table first, so nothing is lost while SMTP is down or not configured.
 * Waiting: neither sent_at nor failed_at; the worker claims due rows by pushing next_attempt_at forward.
 */
@Entity('outbox')
@Index('outbox_due_idx', ['nextAttemptAt'], { where: `"sent_at" IS NULL AND "failed_at" IS NULL` })
@Index('outbox_to_address_idx', ['toAddress'])
@Index('outbox_created_at_idx', ['createdAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What the mail is about, e.g. contact.reply or invitation; for the admins' list. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  /** The display name of the sender; the address is always MAIL_FROM's. */
  @Column({ name: 'from_name', type: 'varchar', length: 200, nullable: true })
  fromName!: string | null;

  @Column({ name: 'reply_to', type: 'varchar', length: 254, nullable: true })
  replyTo!: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  /** The Message-ID the SMTP server accepted the mail under. */
  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  /** Mails about a contact request go when the request is deleted (retention, erasure). */
  @Column({ name: 'contact_request_id', type: 'uuid', nullable: true })
  contactRequestId!: string | null;

  @ManyToOne(() => ContactRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_request_id' })
  contactRequest?: ContactRequestEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
