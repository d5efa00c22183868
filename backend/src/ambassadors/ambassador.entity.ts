import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
