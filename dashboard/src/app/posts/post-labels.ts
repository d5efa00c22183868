import { DeliveryStatus, PostDto, PostStatus } from '@welcome-ruhr/contracts';
import { BadgeLook } from '../shared/state-badge/state-badge';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const POST_STATUS_LOOKS: Record<PostStatus, BadgeLook> = {
  draft: { key: 'posts.statuses.draft', icon: '✎', badge: 'badge--muted' },
  pending_review: { key: 'posts.statuses.pendingReview', icon: '…', badge: 'badge--warning' },
  scheduled: { key: 'posts.statuses.scheduled', icon: '◷', badge: 'badge--info' },
  publishing: { key: 'posts.statuses.publishing', icon: '↻', badge: 'badge--info' },
  published: { key: 'posts.statuses.published', icon: '✓', badge: 'badge--success' },
  failed: { key: 'posts.statuses.failed', icon: '!', badge: 'badge--error' },
  rejected: { key: 'posts.statuses.rejected', icon: '✕', badge: 'badge--error' },
  cancelled: { key: 'posts.statuses.cancelled', icon: '–', badge: 'badge--muted' },
};

/** The same states in the plural, for counts ("Geplant: 3"). */
export const POST_STATUS_COUNT_KEYS: Record<PostStatus, string> = {
  draft: 'posts.counts.draft',
  pending_review: 'posts.counts.pendingReview',
  scheduled: 'posts.counts.scheduled',
  publishing: 'posts.counts.publishing',
  published: 'posts.counts.published',
  failed: 'posts.counts.failed',
  rejected: 'posts.counts.rejected',
  cancelled: 'posts.counts.cancelled',
};

export const DELIVERY_STATUS_LOOKS: Record<DeliveryStatus, BadgeLook> = {
  pending: { key: 'posts.deliveries.pending', icon: '◷', badge: 'badge--info' },
  sending: { key: 'posts.deliveries.sending', icon: '↻', badge: 'badge--info' },
  unknown: { key: 'posts.deliveries.unknown', icon: '?', badge: 'badge--warning' },
  published: { key: 'posts.deliveries.published', icon: '✓', badge: 'badge--success' },
  failed: { key: 'posts.deliveries.failed', icon: '!', badge: 'badge--error' },
  cancelled: { key: 'posts.deliveries.cancelled', icon: '–', badge: 'badge--muted' },
};

/** When the post appears (or appeared) on its channels; null until a moderator approves "as soon as approved". */
export function postMoment(post: PostDto): string | null {
  return post.publishedAt ?? post.scheduledAt;
}

/** The first words of a post, for names of buttons and calendar entries. */
export function postExcerpt(post: Pick<PostDto, 'text'>, length = 40): string {
  const text = post.text.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('').trimEnd()}…`;
}
