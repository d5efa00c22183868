import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AmbassadorEntity } from './ambassador.entity';

/** The resized profile photo, kept in the database so that every replica can serve it. */
@Entity('ambassador_photos')
export class AmbassadorPhotoEntity {
  @PrimaryColumn({ name: 'ambassador_id', type: 'uuid' })
  ambassadorId!: string;

  @OneToOne(() => AmbassadorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ambassador_id' })
  ambassador?: AmbassadorEntity;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'content_type', type: 'varchar', length: 40 })
  contentType!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
