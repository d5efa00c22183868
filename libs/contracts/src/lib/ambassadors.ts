/** An ambassador's profile as the ambassador edits it (`GET`/`PUT /api/ambassadors/me`). */
export interface AmbassadorProfileDto {
  id: string;
  displayName: string;
  /** ISO 639-1 codes the ambassador speaks, most fluent first. */
  languages: string[];
  /** City slug the ambassador lives in and talks about; null until chosen. */
  city: string | null;
  /** The community the ambassador belongs to, in words (e.g. "Turkish community Dortmund"). */
  community: string | null;
  /** A short bio per language: `{ de: "…", tr: "…" }`. */
  bio: Record<string, string>;
  /** Shown in the public directory. A profile needs a city, a language and a bio to become visible. */
  visible: boolean;
  /** Where the photo is served; null without a photo. Changes when the photo changes. */
  photoUrl: string | null;
  updatedAt: string;
}

/** `PUT /api/ambassadors/me`: fields left out keep their value. */
export interface UpdateAmbassadorProfileRequest {
  displayName?: string;
  languages?: string[];
  city?: string | null;
  community?: string | null;
  bio?: Record<string, string>;
  visible?: boolean;
}

/** `GET /api/public/ambassadors?city=&lang=`: visible profiles only. */
export interface PublicAmbassadorDto {
  id: string;
  displayName: string;
  languages: string[];
  city: string | null;
  community: string | null;
  bio: Record<string, string>;
  photoUrl: string | null;
}

export const AMBASSADOR_BIO_MAX_CHARS = 1000;
export const AMBASSADOR_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Accepted upload types; every photo is stored as a square JPEG of this many pixels. */
export const AMBASSADOR_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const AMBASSADOR_PHOTO_SIZE_PX = 512;

// --- channels ---

export const CHANNEL_TYPES = ['facebook_page', 'mastodon'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * connected: works; needs_reconnect: the token was refused (Facebook code 190, a failed health
 * check) and the ambassador has to connect the channel again; disconnected: removed by the ambassador.
 */
export const CHANNEL_STATUSES = ['connected', 'needs_reconnect', 'disconnected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** A connected page or account. Tokens are stored encrypted and never returned. */
export interface ChannelDto {
  id: string;
  type: ChannelType;
  name: string;
  /** Facebook page id, or the Mastodon account as `id@instance-host`. */
  externalId: string;
  /** Mastodon only. */
  instanceUrl: string | null;
  status: ChannelStatus;
  /** Why the channel needs reconnecting, in words; null when connected. */
  statusReason: string | null;
  /** When the token stops working; null when it does not expire (Facebook page tokens from a long-lived login). */
  tokenExpiresAt: string | null;
  lastCheckedAt: string | null;
  createdAt: string;
}

/** `POST /api/channels`: a Facebook page with its page token, or a Mastodon account. */
export interface CreateChannelRequest {
  type: ChannelType;
  /** facebook_page: the page id. */
  externalId?: string;
  /** mastodon: the instance, e.g. https://mastodon.social */
  instanceUrl?: string;
  accessToken: string;
  name?: string;
}

/** `GET /api/channels/facebook/login`: where to send the browser. */
export interface FacebookLoginStartDto {
  url: string;
  /** The redirect address registered with the Facebook app; Facebook sends `code` and `state` there. */
  redirectUri: string;
}

/** `GET /api/channels/facebook/callback?code&state`: the pages the login may publish to. */
export interface FacebookLoginPagesDto {
  loginId: string;
  pages: { id: string; name: string; category: string | null; canPublish: boolean }[];
  /** The pages can be chosen until then. */
  expiresAt: string;
}

/** `POST /api/channels/facebook/pages`. */
export interface ChooseFacebookPageRequest {
  pageId: string;
  /** The login the page was listed by; the latest of the caller's logins when absent. */
  loginId?: string;
}

// --- notifications ---

export const NOTIFICATION_KINDS = [
  'channel_needs_reconnect',
  'channel_token_expiring',
  'post_rejected',
  'post_failed',
  'post_published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something the dashboard tells a user: a channel to reconnect, a post that failed or was rejected. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  /** A sentence the user can act on. */
  message: string;
  /** What it is about, for a link in the dashboard. */
  channelId: string | null;
  postId: string | null;
  createdAt: string;
  readAt: string | null;
}
