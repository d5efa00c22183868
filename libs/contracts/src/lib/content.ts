/** Where content comes from. "rss" covers RSS, Atom, RDF and JSON Feed. */
export const SOURCE_TYPES = ['rss', 'facebook_page', 'mastodon'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** ambassador: an ambassador's own channel; partner: the "pinboard" of universities and companies; city: a city office. */
export const SOURCE_KINDS = ['ambassador', 'partner', 'city'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source's health as the dashboard shows it. */
export const SOURCE_STATES = ['new', 'fetching', 'healthy', 'failing', 'paused', 'inactive'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export const ITEM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const DEFAULT_TOPICS = [
  'work',
  'housing',
  'study',
  'language-courses',
  'residence',
  'health',
  'family',
  'culture',
  'events',
  'mobility',
] as const;

export interface SourceDto {
  id: string;
  type: SourceType;
  kind: SourceKind;
  name: string;
  url: string | null;
  externalId: string | null;
  cities: string[];
  topics: string[];
  languages: string[];
  autoApprove: boolean;
  active: boolean;
  state: SourceState;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastHttpStatus: number | null;
  /** The last problem in words a moderator can act on; null when the last fetch worked. */
  lastError: string | null;
  consecutiveFailures: number;
  nextFetchAt: string | null;
  fetchIntervalSeconds: number;
  items: { total: number; pending: number; approved: number; rejected: number };
  createdAt: string;
}

export interface CreateSourceRequest {
  type: SourceType;
  url?: string;
  externalId?: string;
  name: string;
  kind?: SourceKind;
  cities?: string[];
  topics?: string[];
  languages?: string[];
  autoApprove?: boolean;
  active?: boolean;
  accessToken?: string;
}

export type UpdateSourceRequest = Partial<Omit<CreateSourceRequest, 'type'>>;

/** An item as moderators see it. */
export interface ItemDto {
  id: string;
  sourceId: string;
  source: { id: string; name: string; type: SourceType; kind: SourceKind };
  title: string;
  summary: string;
  /** Sanitized at ingest; safe to render. */
  html: string;
  url: string | null;
  imageUrl: string | null;
  author: string | null;
  publishedAt: string;
  fetchedAt: string;
  language: string | null;
  languageConfidence: number | null;
  cities: string[];
  topics: string[];
  status: ItemStatus;
  rejectReason: string | null;
  /** Why an item waits for review although its source is trusted (e.g. a blocked phrase). */
  heldReasons: string[];
  /** Another item with the same link, from another source. */
  duplicateOfId: string | null;
  pinned: boolean;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** An item in the public feed (approved only). */
export interface PublicFeedItem {
  id: string;
  title: string;
  summary: string;
  html: string;
  url: string | null;
  imageUrl: string | null;
  publishedAt: string;
  language: string | null;
  topics: string[];
  cities: string[];
  pinned: boolean;
  source: { name: string; type: SourceType; kind: SourceKind };
}

export interface PublicFeedResponse {
  items: PublicFeedItem[];
  nextCursor: string | null;
}

export const MODERATION_ACTIONS = ['approve', 'reject', 'pin', 'unpin'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface BulkModerationRequest {
  ids: string[];
  action: ModerationAction;
  reason?: string;
}

export interface BulkModerationResponse {
  updated: number;
  /** Ids that were not changed, with the reason (not found, outside your cities). */
  skipped: { id: string; reason: string }[];
}

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface TopicDto {
  slug: string;
  labels: Record<string, string>;
  /** Keywords per language; a keyword ending in `*` matches as a word stem (German compounds). */
  keywords: Record<string, string[]>;
  position: number;
}

export interface BlockedPhraseDto {
  id: string;
  phrase: string;
  language: string | null;
  createdAt: string;
}

export interface OpmlImportLine {
  line: number;
  title: string | null;
  url: string | null;
  result: 'created' | 'exists' | 'invalid';
  message: string | null;
}
