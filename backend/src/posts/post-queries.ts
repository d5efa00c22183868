import type { ChannelType, DeliveryStatus, PostDto } from '@welcome-ruhr/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { PostEntity } from './post.entity';

interface DeliveryRow {
  post_id: string;
  channel_id: string;
  channel_type: ChannelType;
  channel_name: string;
  status: DeliveryStatus;
  external_id: string | null;
  external_url: string | null;
  published_at: Date | string | null;
  error: string | null;
  attempts: number;
  next_attempt_at: Date | string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Posts as the API shows them: with the ambassador's name and each channel's delivery. */
export class PostQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  async dtos(ids: string[]): Promise<PostDto[]> {
    if (ids.length === 0) return [];
    const posts = await this.db
      .getRepository(PostEntity)
      .createQueryBuilder('p')
      .innerJoin('p.ambassador', 'a')
      .addSelect('a.display_name', 'ambassador_name')
      .where('p.id IN (:...ids)', { ids })
      .getRawAndEntities<{ p_id: string; ambassador_name: string }>();
    const names = new Map(posts.raw.map((r) => [r.p_id, r.ambassador_name]));
    const deliveries: DeliveryRow[] = await this.db.query(
      `SELECT d.post_id, d.channel_id, c.type AS channel_type, c.name AS channel_name, d.status, d.external_id, d.external_url,
              d.published_at, d.error, d.attempts, d.next_attempt_at
       FROM post_deliveries d JOIN channels c ON c.id = d.channel_id
       WHERE d.post_id IN (SELECT value::uuid FROM json_array_elements_text($1::json))
       ORDER BY c.type, c.name`,
      [JSON.stringify(ids)],
    );
    const byPost = new Map<string, DeliveryRow[]>();
    for (const row of deliveries) byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), row]);
    const byId = new Map(posts.entities.map((p) => [p.id, p]));
    return ids.filter((id) => byId.has(id)).map((id) => toPostDto(byId.get(id)!, names.get(id) ?? '', byPost.get(id) ?? []));
  }

  async dto(id: string): Promise<PostDto | null> {
    return (await this.dtos([id]))[0] ?? null;
  }

  async one(id: string): Promise<PostDto> {
    const post = await this.dto(id);
    if (!post) throw DomainError.notFound('The post');
    return post;
  }
}

export function postImageUrl(post: Pick<PostEntity, 'id' | 'imageUpdatedAt'>): string | null {
  return post.imageUpdatedAt ? `/api/public/posts/${post.id}/image?v=${post.imageUpdatedAt.getTime()}` : null;
}

function toPostDto(post: PostEntity, ambassadorName: string, deliveries: DeliveryRow[]): PostDto {
  return {
    id: post.id,
    ambassadorId: post.ambassadorId,
    ambassadorName,
    status: post.status,
    text: post.text,
    link: post.link,
    imageUrl: postImageUrl(post),
    scheduledAt: post.scheduledAt?.toISOString() ?? null,
    asSoonAsApproved: post.asSoonAsApproved,
    itemId: post.itemId,
    rejectReason: post.rejectReason,
    reviewedBy: post.reviewedBy,
    reviewedAt: post.reviewedAt?.toISOString() ?? null,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    deliveries: deliveries.map((d) => ({
      channelId: d.channel_id,
      channelType: d.channel_type,
      channelName: d.channel_name,
      status: d.status,
      externalId: d.external_id,
      externalUrl: d.external_url,
      publishedAt: iso(d.published_at),
      error: d.error,
      attempts: d.attempts,
      nextAttemptAt: d.status === 'pending' || d.status === 'unknown' ? iso(d.next_attempt_at) : null,
    })),
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}
