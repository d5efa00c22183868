import type { InvitationLanguage, Role } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An admin's invitation: a link with a single-use, expiring token lets the invitee set a password. */
@Entity('invitations')
@Check('invitations_role_check', `"role" IN ('admin', 'moderator', 'ambassador')`)
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
// At most one open invitation per address; a new one revokes the old.
@Index('invitations_open_email_key', ['email'], { unique: true, where: `"accepted_at" IS NULL AND "revoked_at" IS NULL` })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities!: string[];

  @Column({ type: 'varchar', length: 8, default: 'de' })
  language!: InvitationLanguage;

  /** SHA-256 of the token in the link; the token itself is only in the mail. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The user the invitation created. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
