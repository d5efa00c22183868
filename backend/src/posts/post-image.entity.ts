import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PostEntity } from './post.entity';

/** A post's image, resized, in the database so that every replica can serve it to the channels. */
@Entity('post_images')
export class PostImageEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @OneToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'content_type', type: 'varchar', length: 40 })
  contentType!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
