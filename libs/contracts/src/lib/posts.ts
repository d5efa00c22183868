import type { ChannelType } from './ambassadors';

/**
 * A post's life: draft → pending_review → scheduled → publishing → published | failed;
 * a moderator may reject it (rejected); its author may cancel it until publishing starts (cancelled).
 */
export const POST_STATUSES = [
  'draft',
  'pending_review',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** States in which the author may still edit or cancel a post. */
export const EDITABLE_POST_STATUSES: readonly PostStatus[] = ['draft', 'pending_review', 'scheduled'];

/**
 * One post on one channel. pending: waits for its time (or for the next try); sending: the call is
 * under way; unknown: the call may have reached the channel (timeout, crash) and is checked before any
 * new try; published / failed / cancelled are final (a failed one can be retried).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'unknown', 'published', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Characters a post may have per channel type (Facebook's limit for page posts; Mastodon's default). */
export const POST_LENGTH_LIMITS: Record<ChannelType, number> = {
  facebook_page: 63206,
  mastodon: 500,
};

/** Mastodon counts every link as this many characters, whatever its length. */
export const MASTODON_URL_LENGTH = 23;

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** The text a channel receives: Facebook takes the link separately, Mastodon gets it appended. */
export function channelText(type: ChannelType, text: string, link: string | null | undefined): string {
  if (type === 'mastodon' && link) return `${text.trimEnd()}\n\n${link}`;
  return text;
}

/** How long the channel considers the post, in characters (code points); Mastodon counts links as 23. */
export function postLength(type: ChannelType, text: string, link: string | null | undefined): number {
  const sent = channelText(type, text, link);
  if (type === 'mastodon') {
    const withoutUrls = sent.replace(URL_IN_TEXT, 'x'.repeat(MASTODON_URL_LENGTH));
    return [...withoutUrls].length;
  }
  return [...sent].length;
}

export interface PostDeliveryDto {
  channelId: string;
  channelType: ChannelType;
  channelName: string;
  status: DeliveryStatus;
  /** The id the channel gave the post (Facebook post id, Mastodon status id) once published. */
  externalId: string | null;
  /** Where the post can be seen on the channel, when known. */
  externalUrl: string | null;
  publishedAt: string | null;
  /** Why it failed, and what to do, in words. */
  error: string | null;
  attempts: number;
  /** When the next try is due (after a transient error), for a pending delivery. */
  nextAttemptAt: string | null;
}

export interface PostDto {
  id: string;
  ambassadorId: string;
  ambassadorName: string;
  status: PostStatus;
  text: string;
  link: string | null;
  /** Served at this address when the post has an image. */
  imageUrl: string | null;
  /** When it should appear; null with `asSoonAsApproved` until approved. */
  scheduledAt: string | null;
  asSoonAsApproved: boolean;
  /** The portal item this post shares, if any. */
  itemId: string | null;
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  deliveries: PostDeliveryDto[];
  createdAt: string;
  updatedAt: string;
}

/**
 * `POST /api/posts`. Either `scheduledAt` or `asSoonAsApproved: true`; `draft: true` keeps it from
 * review until `POST /api/posts/:id/submit`. With `itemId` (an approved item of the portal's feed),
 * the link is the item's and the text is the ambassador's comment.
 */
export interface CreatePostRequest {
  text: string;
  link?: string;
  channelIds: string[];
  scheduledAt?: string;
  asSoonAsApproved?: boolean;
  draft?: boolean;
  itemId?: string;
}

/** `PATCH /api/posts/:id` until publishing starts; a changed text, link or image goes back to review. */
export interface UpdatePostRequest {
  text?: string;
  link?: string | null;
  channelIds?: string[];
  scheduledAt?: string;
  asSoonAsApproved?: boolean;
}

/** `POST /api/posts/preview`: how the text fits each channel. */
export interface PostPreviewRequest {
  text: string;
  link?: string;
  channelIds: string[];
}

export interface PostPreviewDto {
  channels: { channelId: string; channelType: ChannelType; channelName: string; text: string; length: number; limit: number; fits: boolean }[];
}

/** `POST /api/moderation/posts/:id/reject`. */
export interface RejectPostRequest {
  reason: string;
}

export interface ModerationPostsResponse {
  posts: PostDto[];
  counts: Partial<Record<PostStatus, number>>;
}

export const POST_IMAGE_MAX_BYTES = 8 * 1024 * 1024;
export const POST_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
