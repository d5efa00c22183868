import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { POST_IMAGE_MAX_BYTES, type PostDto } from '@welcome-ruhr/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AmbassadorsService } from '../ambassadors/ambassadors.service';
import type { StoredPhoto } from '../ambassadors/ambassadors.service';
import { processImage } from '../ambassadors/image-body';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { PostImageEntity } from './post-image.entity';
import { PostQueries } from './post-queries';
import { PostEntity } from './post.entity';
import { PostsService } from './posts.service';

/** Longest side of a post image: what Facebook and Mastodon show at full size. */
const IMAGE_MAX_PX = 2048;

/** A post's optional image: stored resized, served to the channels once the post is approved. */
@Injectable()
export class PostImagesService {
  private readonly queries: PostQueries;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ambassadors: AmbassadorsService,
    private readonly posts: PostsService,
  ) {
    this.queries = new PostQueries(dataSource);
  }

  async set(user: AuthUser, id: string, body: unknown, contentType: string | undefined): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    const image = await processImage(body, contentType, { maxBytes: POST_IMAGE_MAX_BYTES, width: IMAGE_MAX_PX, height: IMAGE_MAX_PX, fit: 'inside' });
    await this.dataSource.transaction(async (manager) => {
      const post = await this.posts.lockEditable(manager, ambassador.id, id);
      const now = new Date();
      await manager.upsert(PostImageEntity, { postId: id, content: image.content, contentType: image.contentType, updatedAt: now }, ['postId']);
      post.imageUpdatedAt = now;
      this.posts.backToReview(post);
      await manager.getRepository(PostEntity).save(post);
    });
    return await this.queries.one(id);
  }

  async remove(user: AuthUser, id: string): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      const post = await this.posts.lockEditable(manager, ambassador.id, id);
      await manager.delete(PostImageEntity, { postId: id });
      post.imageUpdatedAt = null;
      await manager.getRepository(PostEntity).save(post);
    });
    return await this.queries.one(id);
  }

  /** Public once approved: Facebook fetches it by its address when the post goes out. */
  async publicImage(id: string): Promise<StoredPhoto> {
    const rows: { content: Buffer; content_type: string }[] = await this.dataSource.query(
      `SELECT i.content, i.content_type FROM post_images i JOIN posts p ON p.id = i.post_id
       WHERE i.post_id = $1 AND p.status IN ('scheduled', 'publishing', 'published', 'failed')`,
      [id],
    );
    if (!rows[0]) throw DomainError.notFound('The image');
    const content = Buffer.from(rows[0].content);
    return { content, contentType: rows[0].content_type, etag: `"${createHash('sha1').update(content).digest('hex')}"` };
  }

  /** The stored image for a delivery that uploads it (Mastodon). */
  async imageOf(postId: string): Promise<{ content: Buffer; contentType: string } | null> {
    const image = await this.dataSource.getRepository(PostImageEntity).findOne({ where: { postId } });
    return image ? { content: Buffer.from(image.content), contentType: image.contentType } : null;
  }
}
