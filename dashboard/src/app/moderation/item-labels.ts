import { ItemStatus } from '@welcome-ruhr/contracts';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const ITEM_STATUS_KEYS: Record<ItemStatus, string> = {
  pending: 'moderation.statuses.pending',
  approved: 'moderation.statuses.approved',
  rejected: 'moderation.statuses.rejected',
};

export const ITEM_STATUS_BADGES: Record<ItemStatus, { icon: string; badge: string }> = {
  pending: { icon: '…', badge: 'badge--warning' },
  approved: { icon: '✓', badge: 'badge--success' },
  rejected: { icon: '✕', badge: 'badge--error' },
};
