import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { canModerateItem } from '../moderation/item-access';

/**
 * The cities of a post are its ambassador's: the cities the ambassador works for and the profile's
 * city. Moderators see and decide the posts of their cities (and of ambassadors without a city, who
 * speak for the whole region), as with items; ambassadors see their own; admins all.
 */
export const POST_CITIES_SQL = `(SELECT array_agg(DISTINCT c) FILTER (WHERE c IS NOT NULL)
  FROM unnest(u.cities || ARRAY[a.city]::text[]) AS c)`;

/** Posts `p` with their ambassador `a` and its user `u`, as POST_CITIES_SQL and postInCitiesSql read them. */
export const POSTS_WITH_AMBASSADORS_SQL = 'posts p JOIN ambassadors a ON a.id = p.ambassador_id JOIN users u ON u.id = a.user_id';

/**
 * SQL: the post (from POSTS_WITH_AMBASSADORS_SQL) is a moderator's whose cities are the text[] expression
 * `viewerCities`: its ambassador speaks for the whole region (no city) or for one of those cities.
 */
export const postInCitiesSql = (viewerCities: string) =>
  `(COALESCE(cardinality(${POST_CITIES_SQL}), 0) = 0 OR ${POST_CITIES_SQL} && ${viewerCities})`;

@Injectable()
export class PostAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertCanSee(user: AuthUser, postId: string): Promise<void> {
    const post = await this.owner(postId);
    const allowed = user.role === 'ambassador' ? post.userId === user.id : canModerateItem(user, post.cities);
    if (!allowed) throw DomainError.notFound('The post');
  }

  async assertCanModerate(user: AuthUser, postId: string): Promise<{ userId: string }> {
    const post = await this.owner(postId);
    if (!canModerateItem(user, post.cities)) throw DomainError.notFound('The post');
    return post;
  }

  private async owner(postId: string): Promise<{ userId: string; cities: string[] }> {
    const rows: { user_id: string; cities: string[] | null }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, ${POST_CITIES_SQL} AS cities
       FROM posts p JOIN ambassadors a ON a.id = p.ambassador_id JOIN users u ON u.id = a.user_id
       WHERE p.id = $1`,
      [postId],
    );
    if (!rows[0]) throw DomainError.notFound('The post');
    return { userId: rows[0].user_id, cities: rows[0].cities ?? [] };
  }
}
