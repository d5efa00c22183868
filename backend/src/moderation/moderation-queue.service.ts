import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ITEM_STATUSES, type ItemDto, type ItemStatus, type ModerationItemsResponse } from '@welcome-ruhr/contracts';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { assertCityScope, type AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ItemEntity } from '../items/item.entity';
import type { ListModerationItemsQuery } from './dto/list-moderation-items.query';
import { canModerateItem } from './item-access';
import { toItemDto } from './item-dto';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';

const DEFAULT_LIMIT = 50;
/** The published time with its microseconds, for a cursor that never skips an item. */
const PUBLISHED_KEY = `to_char(i.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The moderation queue: what a moderator may see, filtered, newest first, with counts per status. */
@Injectable()
export class ModerationQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ListModerationItemsQuery): Promise<ModerationItemsResponse> {
    if (query.city?.length && user.role !== 'admin') assertCityScope(user, query.city);
    const limit = query.limit ?? DEFAULT_LIMIT;

    const page = this.filtered(user, query)
      .innerJoinAndSelect('i.source', 's')
      .andWhere('i.status = :status', { status: query.status ?? 'pending' })
      .addSelect(PUBLISHED_KEY, 'published_key')
      .orderBy('i.publishedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit + 1);
    if (query.cursor) {
      const cursor = decodeQueueCursor(query.cursor);
      page.andWhere('(i.published_at, i.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))', {
        cursorAt: cursor.publishedAt,
        cursorId: cursor.id,
      });
    }
    const { entities, raw } = await page.getRawAndEntities<{ published_key: string }>();
    const hasMore = entities.length > limit;
    const items = entities.slice(0, limit);
    // getRawAndEntities returns one raw row per entity here: the join is many-to-one.
    const lastItem = items[items.length - 1];
    const lastKey = raw[items.length - 1]?.published_key;
    const nextCursor = hasMore && lastItem && lastKey ? encodeQueueCursor({ publishedAt: lastKey, id: lastItem.id }) : null;

    const counts = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
    const rows = await this.filtered(user, query)
      .select('i.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('i.status')
      .getRawMany<{ status: ItemStatus; count: number }>();
    for (const row of rows) counts[row.status] = Number(row.count);

    return { items: items.map(toItemDto), nextCursor, counts };
  }

  async get(user: AuthUser, id: string): Promise<ItemDto> {
    const item = await this.dataSource.getRepository(ItemEntity).findOne({ where: { id }, relations: { source: true } });
    if (!item) throw DomainError.notFound('The item');
    if (!canModerateItem(user, item.cities)) throw outsideCities();
    return toItemDto(item);
  }

  /** Scope and filters shared by the page and the counts (everything but status and cursor). */
  private filtered(user: AuthUser, query: ListModerationItemsQuery): SelectQueryBuilder<ItemEntity> {
    const builder = this.dataSource.getRepository(ItemEntity).createQueryBuilder('i');
    if (user.role !== 'admin') {
      builder.andWhere(
        new Brackets((scope) => scope.where('i.cities && CAST(:scopeCities AS text[])', { scopeCities: user.cities }).orWhere("i.cities = '{}'")),
      );
    }
    if (query.city?.length) builder.andWhere('i.cities && CAST(:cities AS text[])', { cities: query.city });
    if (query.topic?.length) builder.andWhere('i.topics && CAST(:topics AS text[])', { topics: query.topic });
    if (query.lang?.length) builder.andWhere('i.language IN (:...languages)', { languages: query.lang });
    if (query.sourceId) builder.andWhere('i.source_id = :sourceId', { sourceId: query.sourceId });
    if (query.held !== undefined) builder.andWhere(query.held ? 'cardinality(i.held_reasons) > 0' : 'cardinality(i.held_reasons) = 0');
    const words = query.q?.trim();
    if (words) {
      const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(new Brackets((text) => text.where('i.title ILIKE :pattern', { pattern }).orWhere('i.summary ILIKE :pattern', { pattern })));
    }
    return builder;
  }
}

export function outsideCities(): DomainError {
  return new DomainError(ErrorCode.Forbidden, 'This item belongs to cities you do not work for.');
}
