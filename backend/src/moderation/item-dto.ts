import type { ItemDto } from '@welcome-ruhr/contracts';
import type { ItemEntity } from '../items/item.entity';
import type { SourceEntity } from '../sources/source.entity';

/** An item as moderators see it; `source` must be loaded. */
export function toItemDto(item: ItemEntity & { source?: SourceEntity }): ItemDto {
  const source = item.source;
  return {
    id: item.id,
    sourceId: item.sourceId,
    source: source
      ? { id: source.id, name: source.name, type: source.type, kind: source.kind }
      : { id: item.sourceId, name: '(deleted source)', type: 'rss', kind: 'partner' },
    title: item.title,
    summary: item.summary,
    html: item.html,
    url: item.url,
    imageUrl: item.imageUrl,
    author: item.author,
    publishedAt: item.publishedAt.toISOString(),
    fetchedAt: item.fetchedAt.toISOString(),
    language: item.language,
    languageConfidence: item.languageConfidence,
    cities: item.cities,
    topics: item.topics,
    status: item.status,
    rejectReason: item.rejectReason,
    heldReasons: item.heldReasons,
    duplicateOfId: item.duplicateOfId,
    pinned: item.pinned,
    tagsEdited: item.tagsEdited,
    decidedAt: item.decidedAt ? item.decidedAt.toISOString() : null,
    decidedBy: item.decidedBy,
  };
}

/** What the audit log keeps of an item, before and after a decision or edit. */
export interface ItemAuditState {
  status: ItemEntity['status'];
  rejectReason: string | null;
  pinned: boolean;
  cities: string[];
  topics: string[];
  language: string | null;
}

export function itemAuditState(item: ItemAuditState): ItemAuditState {
  return {
    status: item.status,
    rejectReason: item.rejectReason,
    pinned: item.pinned,
    cities: [...item.cities],
    topics: [...item.topics],
    language: item.language,
  };
}
