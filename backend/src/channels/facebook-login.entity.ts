import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A page the Facebook Login listed, with its page token sealed with SECRET_KEY. */
export interface ListedFacebookPage {
  id: string;
  name: string;
  category: string | null;
  canPublish: boolean;
  accessTokenEncrypted: string;
}

/**
 * One completed Facebook Login: the pages it may publish to, until the ambassador picks one (30 minutes).
 * The state's nonce is unique, so a callback cannot be replayed.
 */
@Entity('facebook_logins')
@Index('facebook_logins_state_nonce_key', ['stateNonce'], { unique: true })
@Index('facebook_logins_user_idx', ['userId', 'createdAt'])
export class FacebookLoginEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'state_nonce', type: 'varchar', length: 64 })
  stateNonce!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  pages!: ListedFacebookPage[];

  /** When the long-lived user token expires (the page tokens derived from it do not). */
  @Column({ name: 'user_token_expires_at', type: 'timestamptz', nullable: true })
  userTokenExpiresAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
