import type { SourceDto, SourceState } from '@welcome-ruhr/contracts';
import type { SourceEntity } from './source.entity';

export type ItemCounts = SourceDto['items'];
export const NO_ITEMS: ItemCounts = { total: 0, pending: 0, approved: 0, rejected: 0 };

/** The health the dashboard shows, from the fetch state. */
export function sourceState(source: SourceEntity, now = new Date()): SourceState {
  if (!source.active) return 'inactive';
  if (source.pausedReason) return 'paused';
  if (source.leaseExpiresAt && source.leaseExpiresAt > now) return 'fetching';
  if (!source.lastFetchedAt) return 'new';
  if (source.consecutiveFailures > 0) return 'failing';
  return 'healthy';
}

export function toSourceDto(source: SourceEntity, items: ItemCounts = NO_ITEMS, now = new Date()): SourceDto {
  return {
    id: source.id,
    type: source.type,
    kind: source.kind,
    name: source.name,
    url: source.url,
    externalId: source.externalId,
    cities: source.cities,
    topics: source.topics,
    languages: source.languages,
    autoApprove: source.autoApprove,
    active: source.active,
    state: sourceState(source, now),
    lastFetchedAt: source.lastFetchedAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    lastHttpStatus: source.lastHttpStatus,
    lastError: source.lastError,
    consecutiveFailures: source.consecutiveFailures,
    nextFetchAt: source.active && !source.pausedReason ? source.nextFetchAt.toISOString() : null,
    fetchIntervalSeconds: source.fetchIntervalSeconds,
    pausedReason: source.pausedReason,
    lastFetch: source.lastFetch,
    webhookState: source.webhookState,
    webhookMessage: source.webhookMessage,
    webhookCheckedAt: source.webhookCheckedAt?.toISOString() ?? null,
    items,
    createdAt: source.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a source: its settings, never its token. */
export function auditSnapshot(source: SourceEntity): Record<string, unknown> {
  return {
    type: source.type,
    kind: source.kind,
    name: source.name,
    url: source.url,
    externalId: source.externalId,
    cities: source.cities,
    topics: source.topics,
    languages: source.languages,
    autoApprove: source.autoApprove,
    active: source.active,
    hasAccessToken: source.accessTokenEncrypted !== null,
  };
}
