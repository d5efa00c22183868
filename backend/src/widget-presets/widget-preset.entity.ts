import type { WidgetPresetAttributes } from '@welcome-ruhr/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named widget configuration of one city; `<welcome-ruhr-feed preset="<id>">` loads it. */
@Entity('widget_presets')
@Index('widget_presets_city_name_key', ['city', 'name'], { unique: true })
export class WidgetPresetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  city!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Filters, layout, language and colours, validated on the way in (see dto/widget-preset-attributes.dto.ts). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: WidgetPresetAttributes;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
