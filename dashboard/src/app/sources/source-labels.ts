import { OpmlImportLine, SourceKind, SourceState, SourceType, SourceWebhookState } from '@welcome-ruhr/contracts';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const SOURCE_TYPE_KEYS: Record<SourceType, string> = {
  rss: 'sources.types.rss',
  facebook_page: 'sources.types.facebookPage',
  mastodon: 'sources.types.mastodon',
};

export const SOURCE_KIND_KEYS: Record<SourceKind, string> = {
  ambassador: 'sources.kinds.ambassador',
  partner: 'sources.kinds.partner',
  city: 'sources.kinds.city',
};

export interface StateLook {
  key: string;
  /** A symbol that repeats the state for those who scan by shape; hidden from screen readers. */
  icon: string;
  badge: string;
}

export const SOURCE_STATE_LOOKS: Record<SourceState, StateLook> = {
  new: { key: 'sources.states.new', icon: '★', badge: 'badge--info' },
  fetching: { key: 'sources.states.fetching', icon: '↻', badge: 'badge--info' },
  healthy: { key: 'sources.states.healthy', icon: '✓', badge: 'badge--success' },
  failing: { key: 'sources.states.failing', icon: '!', badge: 'badge--error' },
  paused: { key: 'sources.states.paused', icon: '‖', badge: 'badge--warning' },
  inactive: { key: 'sources.states.inactive', icon: '–', badge: 'badge--muted' },
};

/** A Facebook page's webhook subscription; `badge` here is the class of the line (only a failure is a problem). */
export const WEBHOOK_STATE_LOOKS: Record<SourceWebhookState, StateLook> = {
  subscribed: { key: 'sources.webhook.subscribed', icon: '✓', badge: 'muted' },
  failed: { key: 'sources.webhook.failed', icon: '!', badge: 'source-problem' },
  not_configured: { key: 'sources.webhook.notConfigured', icon: '–', badge: 'muted' },
  no_page_token: { key: 'sources.webhook.noPageToken', icon: '?', badge: 'source-problem' },
};

export const IMPORT_RESULT_LOOKS: Record<OpmlImportLine['result'], StateLook> = {
  created: { key: 'opmlImport.results.created', icon: '✓', badge: 'badge--success' },
  exists: { key: 'opmlImport.results.exists', icon: '=', badge: 'badge--info' },
  invalid: { key: 'opmlImport.results.invalid', icon: '!', badge: 'badge--error' },
};
