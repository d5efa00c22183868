import type { OpeningHours } from '@welcome-ruhr/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ServiceCategoryEntity } from './service-category.entity';

/**
 * An entry of the services directory. Full-text search uses expression indexes (German, English and
 * "simple" for other languages) written by hand in the migration; see service-search.ts.
 */
@Entity('services')
@Check('services_latitude_check', `"latitude" IS NULL OR ("latitude" >= -90 AND "latitude" <= 90)`)
@Check('services_longitude_check', `"longitude" IS NULL OR ("longitude" >= -180 AND "longitude" <= 180)`)
// One entry per name, category and city: what the CSV import updates instead of adding twice.
@Index('services_identity_key', ['city', 'category', 'name'], { unique: true })
@Index('services_category_idx', ['category'])
@Index('services_languages_idx', { synchronize: false })
@Index('services_search_de_idx', { synchronize: false })
@Index('services_search_en_idx', { synchronize: false })
@Index('services_search_simple_idx', { synchronize: false })
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  category!: string;

  @ManyToOne(() => ServiceCategoryEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'category' })
  categoryRef?: ServiceCategoryEntity;

  @Column({ type: 'varchar', length: 60 })
  city!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** One line, e.g. "Porscheplatz 1, 45127 Essen". */
  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ name: 'opening_hours', type: 'jsonb', nullable: true })
  openingHours!: OpeningHours | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ name: 'appointment_url', type: 'text', nullable: true })
  appointmentUrl!: string | null;

  /** Languages spoken there (ISO 639-1). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  /** Plain-text description per ISO 639-1 language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  descriptions!: Record<string, string>;

  /** Part of the example data set (services-demo.csv); never a real office. */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
