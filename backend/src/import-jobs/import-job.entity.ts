import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

export type ImportJobKind = 'opml' | 'services';
export type ImportJobState = 'running' | 'done' | 'failed';

/**
 * An import started with ?async=1 (OPML sources, CSV services). The replica that runs it writes its progress
 * here, so a progress poll may reach any replica; a job whose runner stops beating reads as failed.
 */
@Entity('import_jobs')
@Index('import_jobs_finished_at_idx', ['finishedAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ImportJobKind;

  @Index('import_jobs_owner_id_idx')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column({ type: 'varchar', length: 10, default: 'running' })
  state!: ImportJobState;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  /** The report as the API returns it (OpmlImportReport or ServiceImportReport), lines and problems included. */
  @Column({ type: 'jsonb' })
  report!: object;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The process running the job: host, pid and a random part. */
  @Column({ type: 'varchar', length: 100 })
  runner!: string;

  /** The runner's last sign of life (the database's clock). */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
