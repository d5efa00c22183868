import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

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

  async list(query: AuditQuery): Promise<AuditEntryDto[]> {
    const builder = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .leftJoin('users', 'u', 'u.id = a.actor_id')
      .addSelect('u.name', 'actor_name')
      .orderBy('a.id', 'DESC')
      .limit(Math.min(query.limit ?? 50, 200));
    if (query.entityType) builder.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.before) builder.andWhere('a.id < :before', { before: query.before });
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
