import type { SourceKind, SourceStatsDto, SourceType } from '@welcome-ruhr/contracts';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { NO_ITEMS, type ItemCounts } from './source-dto';
import { SourceEntity } from './source.entity';

/** Narrows a query of sources (`alias`) to those the viewer may see: admins all; moderators their cities' and the regional ones. */
export function applySourceScope<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, viewer: Pick<AuthUser, 'role' | 'cities'>, alias = 's'): SelectQueryBuilder<T> {
  if (viewer.role === 'admin') return builder;
  return builder.andWhere(`(cardinality(${alias}.cities) = 0 OR ${alias}.cities && :viewerCities)`, { viewerCities: viewer.cities });
}

/** The SQL of the sources feature that is more than finding rows by id. */
export class SourceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Sources the viewer may see (admins: all; moderators: their cities' and the regional ones), by name. */
  async listVisible(viewer: Pick<AuthUser, 'role' | 'cities'>, filter: { city?: string; kind?: SourceKind } = {}): Promise<SourceEntity[]> {
    const builder = this.dataSource
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .orderBy('lower(s.name)', 'ASC')
      .addOrderBy('s.id', 'ASC');
    applySourceScope(builder, viewer);
    if (filter.city) builder.andWhere(':city = ANY(s.cities)', { city: filter.city });
    if (filter.kind) builder.andWhere('s.kind = :kind', { kind: filter.kind });
    return builder.getMany();
  }

  /** Item counts per status for each of `ids` (sources without items are missing from the map). */
  async itemCounts(ids: string[]): Promise<Map<string, ItemCounts>> {
    if (ids.length === 0) return new Map();
    const rows: { source_id: string; total: string; pending: string; approved: string; rejected: string }[] = await this.dataSource.query(
      `SELECT source_id, count(*) AS total,
         count(*) FILTER (WHERE status = 'pending') AS pending,
         count(*) FILTER (WHERE status = 'approved') AS approved,
         count(*) FILTER (WHERE status = 'rejected') AS rejected
       FROM items WHERE source_id IN (SELECT value::uuid FROM json_array_elements_text($1::json))
       GROUP BY source_id`,
      [JSON.stringify(ids)],
    );
    return new Map(
      rows.map((r) => [r.source_id, { total: Number(r.total), pending: Number(r.pending), approved: Number(r.approved), rejected: Number(r.rejected) }]),
    );
  }

  async itemCountsOf(id: string): Promise<ItemCounts> {
    return (await this.itemCounts([id])).get(id) ?? NO_ITEMS;
  }

  /** The source that already has this address or external id, if any. */
  async findSame(
    type: SourceType,
    identity: { url?: string | null; externalId?: string | null },
    exceptId?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SourceEntity | null> {
    const builder = manager.getRepository(SourceEntity).createQueryBuilder('s').where('s.type = :type', { type });
    if (identity.url) builder.andWhere('s.url = :url', { url: identity.url });
    else if (identity.externalId) builder.andWhere('s.external_id = :externalId', { externalId: identity.externalId });
    else return null;
    if (exceptId) builder.andWhere('s.id <> :exceptId', { exceptId });
    return builder.getOne();
  }

  /** Items per publication day (Europe/Berlin) over the last `days` days, today included. */
  async itemsPerDay(sourceId: string, days: number): Promise<SourceStatsDto['days']> {
    const rows: { day: string; total: string; pending: string; approved: string; rejected: string }[] = await this.dataSource.query(
      `WITH bounds AS (SELECT (now() AT TIME ZONE 'Europe/Berlin')::date AS today),
       days AS (
         SELECT generate_series(today - ($2::int - 1), today, interval '1 day')::date AS day FROM bounds),
       counted AS (
         SELECT (published_at AT TIME ZONE 'Europe/Berlin')::date AS day, count(*) AS total,
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'approved') AS approved,
           count(*) FILTER (WHERE status = 'rejected') AS rejected
         FROM items, bounds
         WHERE source_id = $1 AND published_at >= ((today - ($2::int - 1))::timestamp AT TIME ZONE 'Europe/Berlin')
         GROUP BY 1)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(total, 0) AS total, COALESCE(pending, 0) AS pending,
         COALESCE(approved, 0) AS approved, COALESCE(rejected, 0) AS rejected
       FROM days LEFT JOIN counted USING (day)
       ORDER BY days.day`,
      [sourceId, days],
    );
    return rows.map((r) => ({
      date: r.day,
      total: Number(r.total),
      pending: Number(r.pending),
      approved: Number(r.approved),
      rejected: Number(r.rejected),
    }));
  }
}
