import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactRequestEntity } from './contact-request.entity';

/** An answer sent from the inbox to the newcomer; goes with its request. */
@Entity('contact_replies')
@Index('contact_replies_request_idx', ['contactRequestId', 'createdAt'])
export class ContactReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contact_request_id', type: 'uuid' })
  contactRequestId!: string;

  @ManyToOne(() => ContactRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_request_id' })
  contactRequest?: ContactRequestEntity;

  /** The user who wrote it; no foreign key, so a reply outlives its author's account like the audit log. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  /** The name the newcomer saw: the ambassador's display name, or the portal's. */
  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  /** Plain text. */
  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
