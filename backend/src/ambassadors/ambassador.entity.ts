import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** An ambassador's public identity; created with the ambassador's user, filled in by the profile editor. */
@Entity('ambassadors')
export class AmbassadorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** Hidden until the ambassador completes and publishes the profile. */
  @Column({ type: 'boolean', default: false })
  visible!: boolean;

  /** ISO 639-1 codes, most fluent first. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ type: 'varchar', length: 60, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  community!: string | null;

  /** A short bio per language code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  bio!: Record<string, string>;

  /** Set when a photo is stored (ambassador_photos); part of the photo's address, so caches see a new one. */
  @Column({ name: 'photo_updated_at', type: 'timestamptz', nullable: true })
  photoUpdatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
