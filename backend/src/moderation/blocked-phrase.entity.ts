import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A word or phrase that holds an item for review, even from a trusted source. */
@Entity('blocked_phrases')
export class BlockedPhraseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  phrase!: string;

  /** null: every language. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
