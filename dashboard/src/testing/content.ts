import { AuditEntryDto, ItemDto, SourceDto, TopicDto } from '@welcome-ruhr/contracts';

let sequence = 0;

/** A source as the API lists it; override what the test is about. */
export function newSource(overrides: Partial<SourceDto> = {}): SourceDto {
  sequence += 1;
  return {
    id: `source-${sequence}`,
    type: 'rss',
    kind: 'partner',
    name: `Source ${sequence}`,
    url: `https://example.org/feed-${sequence}.xml`,
    externalId: null,
    cities: ['essen'],
    topics: [],
    languages: [],
    autoApprove: false,
    active: true,
    state: 'healthy',
    lastFetchedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    lastHttpStatus: 200,
    lastError: null,
    consecutiveFailures: 0,
    nextFetchAt: new Date(Date.now() + 25 * 60_000).toISOString(),
    fetchIntervalSeconds: 1800,
    pausedReason: null,
    lastFetch: null,
    webhookState: null,
    webhookMessage: null,
    webhookCheckedAt: null,
    items: { total: 0, pending: 0, approved: 0, rejected: 0 },
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An item in the moderation queue. */
export function newItem(overrides: Partial<ItemDto> = {}): ItemDto {
  sequence += 1;
  return {
    id: `item-${sequence}`,
    sourceId: 'source-1',
    source: { id: 'source-1', name: 'Uni Essen', type: 'rss', kind: 'partner' },
    title: `Item ${sequence}`,
    summary: 'A summary.',
    html: `<p>Text of item ${sequence}.</p>`,
    url: `https://example.org/items/${sequence}`,
    imageUrl: null,
    author: null,
    publishedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    fetchedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    language: 'de',
    languageConfidence: 0.98,
    cities: ['essen'],
    topics: ['work'],
    status: 'pending',
    rejectReason: null,
    heldReasons: [],
    duplicateOfId: null,
    pinned: false,
    tagsEdited: false,
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  };
}

export function newTopic(overrides: Partial<TopicDto> = {}): TopicDto {
  sequence += 1;
  return {
    slug: `topic-${sequence}`,
    labels: { de: `Thema ${sequence}`, en: `Topic ${sequence}` },
    keywords: { de: ['Wort'], en: ['word'] },
    position: sequence,
    ...overrides,
  };
}

export function newAuditEntry(overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  sequence += 1;
  return {
    id: String(1000 - sequence),
    at: new Date(Date.now() - sequence * 60_000).toISOString(),
    actor: { id: 'user-1', name: 'Mo Moderator' },
    action: 'item.approve',
    entityType: 'item',
    entityId: `item-${sequence}`,
    before: { status: 'pending' },
    after: { status: 'approved' },
    ...overrides,
  };
}

/** Lets pending timers and promises (the search delay, file reading) run. */
export function wait(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
