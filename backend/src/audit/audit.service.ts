import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { postInCitiesSql, POSTS_WITH_AMBASSADORS_SQL } from '../posts/post-access';
import { AuditEntryEntity } from './audit-entry.entity';

/** A snapshot (`before` or `after`) whose `cities` are empty (regional) or meet the viewer's cities. */
const SNAPSHOT_IN_CITIES = (state: string) =>
  `(jsonb_typeof(e.${state}->'cities') = 'array' AND (jsonb_array_length(e.${state}->'cities') = 0
    OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.${state}->'cities') AS c WHERE c = ANY(:viewerCities))))`;

/** Neither snapshot says which cities the entry concerns (e.g. `source.fetch`, which records the fetch's outcome). */
const NO_SNAPSHOT_CITIES = `(jsonb_typeof(e.after->'cities') IS DISTINCT FROM 'array' AND jsonb_typeof(e.before->'cities') IS DISTINCT FROM 'array')`;

/**
 * What a moderator may read of the log: what they did themselves; the region-wide moderation rules
 * (blocked phrases, topics); and what happened to the items, sources, services, posts and portal
 * requests of their cities (items and sources without a city concern every city) — judged by the
 * entry's own before/after state where it has one, so entries about deleted things stay in scope; a source
 * entry without cities in either snapshot is judged by the source as it is now. Users,
 * invitations, mail, presets, categories and other cities' requests are for admins.
 */
const MODERATOR_SCOPE = `(
  e.actor_id = :viewerId
  OR e.entity_type IN ('blocked_phrase', 'topic')
  OR (e.entity_type IN ('item', 'source') AND (${SNAPSHOT_IN_CITIES('after')} OR ${SNAPSHOT_IN_CITIES('before')}))
  OR (e.entity_type = 'source' AND ${NO_SNAPSHOT_CITIES} AND EXISTS (
    SELECT 1 FROM sources s WHERE s.id::text = e.entity_id AND (cardinality(s.cities) = 0 OR s.cities && CAST(:viewerCities AS text[]))))
  OR (e.entity_type = 'service' AND (e.after->>'city' = ANY(:viewerCities) OR e.before->>'city' = ANY(:viewerCities)))
  OR (e.entity_type = 'post' AND EXISTS (
    SELECT 1 FROM ${POSTS_WITH_AMBASSADORS_SQL} WHERE p.id::text = e.entity_id AND ${postInCitiesSql('CAST(:viewerCities AS text[])')}))
  OR (e.entity_type = 'contact_request' AND EXISTS (
    SELECT 1 FROM contact_requests r WHERE r.id::text = e.entity_id AND r.routed_to = 'portal' AND r.city = ANY(:viewerCities)))
)`;

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Who reads the log: a signed-in user (a moderator reads MODERATOR_SCOPE, an admin everything), or 'system' for
 * the code itself, which reads everything. There is no default, so a caller cannot forget the scope.
 */
export type AuditViewer = Pick<AuthUser, 'id' | 'role' | 'cities'> | 'system';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit?: number;
  /** The id of the last entry seen: older entries follow. */
  before?: string;
}

/** The append-only audit log: every decision and edit, who, when, before and after. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager, so the entry commits (or not) with the change it describes. */
  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }

  async recordMany(entries: AuditRecord[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      AuditEntryEntity,
      entries.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null })),
    );
  }

  /** Newest first; an admin (or the code itself, as 'system') reads everything, a moderator what concerns their cities (MODERATOR_SCOPE). */
  async list(query: AuditQuery, viewer: AuditViewer): Promise<AuditEntryDto[]> {
    const builder = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .leftJoin('users', 'actor', 'actor.id = e.actor_id')
      .addSelect('actor.name', 'actor_name')
      .orderBy('e.id', 'DESC')
      .limit(Math.min(query.limit ?? 50, 200));
    if (viewer !== 'system' && viewer.role !== 'admin') builder.andWhere(MODERATOR_SCOPE, { viewerId: viewer.id, viewerCities: viewer.cities });
    if (query.entityType) builder.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.before) builder.andWhere('e.id < :before', { before: query.before });
    const { entities, raw } = await builder.getRawAndEntities<{ actor_name: string | null }>();
    return entities.map((e, i) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actor: e.actorId ? { id: e.actorId, name: raw[i]?.actor_name ?? '(deleted user)' } : null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
    }));
  }
}
