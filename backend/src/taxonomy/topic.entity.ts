import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A topic of the taxonomy, with its labels and keywords per language; admins edit them. */
@Entity('topics')
export class TopicEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  slug!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  labels!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  keywords!: Record<string, string[]>;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
