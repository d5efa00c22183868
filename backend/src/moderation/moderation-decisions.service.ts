import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BulkModerationResponse, ItemDto, ModerationAction } from '@welcome-ruhr/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ContentEvents } from '../items/content-events';
import { ItemEntity } from '../items/item.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { BulkModerationDto } from './dto/bulk-moderation.dto';
import type { UpdateItemTagsDto } from './dto/update-item-tags.dto';
import { canModerateItem } from './item-access';
import { itemAuditState, type ItemAuditState } from './item-dto';
import { ModerationQueueService, outsideCities } from './moderation-queue.service';

type ItemChange = Partial<Pick<ItemEntity, 'status' | 'rejectReason' | 'pinned' | 'cities' | 'topics' | 'language' | 'tagsEdited' | 'decidedBy' | 'decidedAt'>>;

/** What an action changes on an item; null when the item is already in that state. */
function changeFor(action: ModerationAction, item: ItemEntity, actor: AuthUser, reason: string | null): ItemChange | null {
  const decided = { decidedBy: actor.id, decidedAt: new Date() };
  switch (action) {
    case 'approve':
      return item.status === 'approved' ? null : { status: 'approved', rejectReason: null, ...decided };
    case 'reject':
      return item.status === 'rejected' && item.rejectReason === reason ? null : { status: 'rejected', rejectReason: reason, ...decided };
    case 'pin':
      return item.pinned ? null : { pinned: true };
    case 'unpin':
      return item.pinned ? { pinned: false } : null;
  }
}

const UNCHANGED: Record<ModerationAction, string> = {
  approve: 'already approved',
  reject: 'already rejected',
  pin: 'already pinned',
  unpin: 'not pinned',
};

function cleanReason(reason: string | undefined): string | null {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Decisions (approve, reject, pin, unpin) and tag edits, one item or many. Each change and its audit entry
 * commit together; the public feed hears about it afterwards.
 */
@Injectable()
export class ModerationDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: ContentEvents,
    private readonly taxonomy: TaxonomyService,
    private readonly queue: ModerationQueueService,
  ) {}

  async decide(actor: AuthUser, id: string, action: ModerationAction, reason?: string): Promise<ItemDto> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const item = await this.lockOne(manager, id);
      if (!canModerateItem(actor, item.cities)) throw outsideCities();
      const change = changeFor(action, item, actor, cleanReason(reason));
      if (!change) return false;
      await this.apply(manager, [item], change, `item.${action}`, actor);
      return true;
    });
    if (changed) this.events.itemsChanged();
    return this.queue.get(actor, id);
  }

  async bulk(actor: AuthUser, request: BulkModerationDto): Promise<BulkModerationResponse> {
    const ids = [...new Set(request.ids.map((id) => id.toLowerCase()))];
    const reason = cleanReason(request.reason);
    const result = await this.dataSource.transaction(async (manager) => {
      const items = await manager.getRepository(ItemEntity).find({ where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
      const byId = new Map(items.map((item) => [item.id, item]));
      const skipped: BulkModerationResponse['skipped'] = [];
      const toChange: ItemEntity[] = [];
      let change: ItemChange | null = null;
      for (const id of ids) {
        const item = byId.get(id);
        if (!item) skipped.push({ id, reason: 'not found' });
        else if (!canModerateItem(actor, item.cities)) skipped.push({ id, reason: 'outside your cities' });
        else {
          const itemChange = changeFor(request.action, item, actor, reason);
          if (!itemChange) skipped.push({ id, reason: UNCHANGED[request.action] });
          else {
            change ??= itemChange;
            toChange.push(item);
          }
        }
      }
      if (change) await this.apply(manager, toChange, change, `item.${request.action}`, actor);
      return { updated: toChange.length, skipped };
    });
    if (result.updated > 0) this.events.itemsChanged();
    return result;
  }

  async editTags(actor: AuthUser, id: string, edit: UpdateItemTagsDto): Promise<ItemDto> {
    if (edit.cities === undefined && edit.topics === undefined && edit.language === undefined) {
      throw DomainError.invalidField('cities', 'or topics or language must be given');
    }
    const change: ItemChange = { tagsEdited: true };
    if (edit.cities !== undefined) change.cities = [...new Set(edit.cities)];
    if (edit.topics !== undefined) {
      const known = new Set(await this.taxonomy.slugs());
      const unknown = edit.topics.filter((topic) => !known.has(topic));
      if (unknown.length > 0) throw DomainError.invalidField('topics', `must contain only topics of the taxonomy; unknown: ${unknown.join(', ')}`);
      change.topics = [...new Set(edit.topics)];
    }
    if (edit.language !== undefined) change.language = edit.language;

    const changed = await this.dataSource.transaction(async (manager) => {
      const item = await this.lockOne(manager, id);
      if (!canModerateItem(actor, item.cities)) throw outsideCities();
      const before = itemAuditState(item);
      const after = itemAuditState({ ...item, ...change });
      if (JSON.stringify(before) === JSON.stringify(after)) return false;
      await this.apply(manager, [item], change, 'item.tags', actor);
      return true;
    });
    if (changed) this.events.itemsChanged();
    return this.queue.get(actor, id);
  }

  private async lockOne(manager: EntityManager, id: string): Promise<ItemEntity> {
    const item = await manager.getRepository(ItemEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw DomainError.notFound('The item');
    return item;
  }

  /** One UPDATE for all items, and an audit entry per item with its state before and after. */
  private async apply(manager: EntityManager, items: ItemEntity[], change: ItemChange, action: string, actor: AuthUser): Promise<void> {
    await manager.update(ItemEntity, { id: In(items.map((item) => item.id)) }, change);
    const entries: AuditRecord[] = items.map((item) => {
      const before: ItemAuditState = itemAuditState(item);
      return { actorId: actor.id, action, entityType: 'item', entityId: item.id, before, after: itemAuditState({ ...item, ...change }) };
    });
    await this.audit.recordMany(entries, manager);
  }
}
