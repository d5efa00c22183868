import { ChannelDto, ChannelStatus, ChannelType } from '@welcome-ruhr/contracts';
import { BadgeLook } from '../shared/state-badge/state-badge';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const CHANNEL_TYPE_KEYS: Record<ChannelType, string> = {
  facebook_page: 'channels.types.facebookPage',
  mastodon: 'channels.types.mastodon',
};

export const CHANNEL_STATUS_LOOKS: Record<ChannelStatus, BadgeLook> = {
  connected: { key: 'channels.statuses.connected', icon: '✓', badge: 'badge--success' },
  needs_reconnect: { key: 'channels.statuses.needsReconnect', icon: '!', badge: 'badge--error' },
  disconnected: { key: 'channels.statuses.disconnected', icon: '–', badge: 'badge--muted' },
};

/** Warn this long before a channel's token stops working. */
export const TOKEN_WARNING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days until the token expires (0 when it expires today or has expired), or null when it does not expire soon. */
export function daysUntilTokenExpires(channel: ChannelDto, now = Date.now()): number | null {
  if (!channel.tokenExpiresAt || channel.status === 'disconnected') return null;
  const left = Date.parse(channel.tokenExpiresAt) - now;
  if (Number.isNaN(left) || left > TOKEN_WARNING_DAYS * DAY_MS) return null;
  return Math.max(0, Math.floor(left / DAY_MS));
}
