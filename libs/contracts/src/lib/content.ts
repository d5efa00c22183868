/** Where content comes from. "rss" covers RSS, Atom, RDF and JSON Feed. */
export const SOURCE_TYPES = ['rss', 'facebook_page', 'mastodon'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** ambassador: an ambassador's own channel; partner: the "pinboard" of universities and companies; city: a city office. */
export const SOURCE_KINDS = ['ambassador', 'partner', 'city'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source's health as the dashboard shows it. */
export const SOURCE_STATES = ['new', 'fetching', 'healthy', 'failing', 'paused', 'inactive'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

/**
 * Whether a Facebook page sends its updates to our webhook (`POST /{page-id}/subscribed_apps`):
 * subscribed: it does; failed: Facebook refused or did not answer (see webhookMessage);
 * not_configured: this server has no webhooks (FACEBOOK_WEBHOOK_VERIFY_TOKEN, FACEBOOK_APP_SECRET);
 * no_page_token: neither the source nor a connected channel of the page has a page token.
 */
export const SOURCE_WEBHOOK_STATES = ['subscribed', 'failed', 'not_configured', 'no_page_token'] as const;
export type SourceWebhookState = (typeof SOURCE_WEBHOOK_STATES)[number];

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
  /** Why the source stopped being fetched (e.g. 10 failures in a row); null unless state is 'paused'. */
  pausedReason: string | null;
  /** What the last fetch brought; null before the first fetch. */
  lastFetch: SourceFetchSummary | null;
  /** Facebook pages only: the page's webhook subscription; null for other sources and before the first attempt. */
  webhookState: SourceWebhookState | null;
  /** What happened at the last attempt, in words; null when subscribed. */
  webhookMessage: string | null;
  webhookCheckedAt: string | null;
  items: { total: number; pending: number; approved: number; rejected: number };
  createdAt: string;
}

/** The outcome of one fetch of a source, as stored with the source. */
export interface SourceFetchSummary {
  at: string;
  /** ok: the feed was read; not_modified: 304, nothing to read; failed: see the source's lastError. */
  outcome: 'ok' | 'not_modified' | 'failed';
  durationMs: number;
  /** Items in the feed document. */
  items: number;
  /** Items stored for the first time. */
  new: number;
  /** Known items whose content changed and was updated in place. */
  updated: number;
  /** Known items without changes, and rejected ones (never revived). */
  unchanged: number;
  /** New items approved automatically (trusted source, no rule held them). */
  approved: number;
  /** New or changed items held for review by a rule or as a duplicate. */
  held: number;
  /** New items whose link another source brought first. */
  duplicates: number;
  /** Problems the parser recovered from, in words. */
  warnings: string[];
}

/** Items per day of one source, for the chart: by publication day (Europe/Berlin), oldest first, days without items included. */
export interface SourceStatsDto {
  sourceId: string;
  days: { date: string; total: number; pending: number; approved: number; rejected: number }[];
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
  /** A moderator changed the tags; re-fetches keep them. */
  tagsEdited: boolean;
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

/** `GET /api/public/topics`: what widgets need to label and filter topics (no keywords). */
export interface PublicTopicDto {
  slug: string;
  labels: Record<string, string>;
  position: number;
}

export interface BlockedPhraseDto {
  id: string;
  phrase: string;
  language: string | null;
  createdAt: string;
}

export interface OpmlImportLine {
  /** The line of the OPML file the outline starts on (1-based). */
  line: number;
  title: string | null;
  url: string | null;
  result: 'created' | 'exists' | 'invalid';
  message: string | null;
  /** The source created (created) or found (exists). */
  sourceId?: string | null;
}

/** Settings given to every imported source (an outline's own `category` attribute may add cities, topics, languages). */
export interface OpmlImportSettings {
  kind?: SourceKind;
  cities?: string[];
  topics?: string[];
  languages?: string[];
  autoApprove?: boolean;
}

/** `POST /api/sources/import` as JSON; the OPML may also be sent as the text/xml body with the settings in the query. */
export interface OpmlImportRequest extends OpmlImportSettings {
  opml: string;
}

/** The report of an import; with `?async=1` the same shape is read from `GET /api/sources/import/:jobId` while it runs. */
export interface OpmlImportReport {
  done: boolean;
  /** Feed outlines found in the file. */
  total: number;
  processed: number;
  created: number;
  exists: number;
  invalid: number;
  /** One per processed outline, in file order (a running job lists those done so far). */
  lines: OpmlImportLine[];
}

export interface OpmlImportJob {
  jobId: string;
}

/** `GET /api/moderation/items`: one page of the queue, and how many items each status has under the same filters. */
export interface ModerationItemsResponse {
  items: ItemDto[];
  nextCursor: string | null;
  counts: Record<ItemStatus, number>;
}

/** `POST /api/moderation/items/:id/reject`. */
export interface RejectItemRequest {
  reason: string;
}

/** `PATCH /api/moderation/items/:id`: a moderator corrects the tags. */
export interface UpdateItemRequest {
  cities?: string[];
  topics?: string[];
  language?: string | null;
}

/** `POST /api/moderation/blocked-phrases`; without a language the phrase applies to every text. */
export interface CreateBlockedPhraseRequest {
  phrase: string;
  language?: string | null;
}

/** `PUT /api/topics/:slug` (admins): creates the topic or replaces its labels and keywords. */
export interface SaveTopicRequest {
  labels: Record<string, string>;
  keywords: Record<string, string[]>;
  /** Order in lists; a new topic goes last when absent, an existing one keeps its place. */
  position?: number;
}
