import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A kind of service (registration office, language courses, …); admins edit the list and its labels. */
@Entity('service_categories')
export class ServiceCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  slug!: string;

  /** Label per ISO 639-1 language; at least de and en. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  labels!: Record<string, string>;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
