import { ChannelDto, NotificationDto, PostDto } from '@welcome-ruhr/contracts';

let sequence = 0;

/** A channel as the API lists it; override what the test is about. */
export function newChannel(overrides: Partial<ChannelDto> = {}): ChannelDto {
  sequence += 1;
  return {
    id: `channel-${sequence}`,
    type: 'facebook_page',
    name: `Page ${sequence}`,
    externalId: String(1000 + sequence),
    instanceUrl: null,
    status: 'connected',
    statusReason: null,
    tokenExpiresAt: null,
    lastCheckedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A post of an ambassador; override what the test is about. */
export function newPost(overrides: Partial<PostDto> = {}): PostDto {
  sequence += 1;
  return {
    id: `post-${sequence}`,
    ambassadorId: 'ambassador-1',
    ambassadorName: 'Ayşe Yılmaz',
    status: 'scheduled',
    text: `Post number ${sequence}`,
    link: null,
    imageUrl: null,
    scheduledAt: new Date(Date.now() + 24 * 60 * 60_000).toISOString(),
    asSoonAsApproved: false,
    itemId: null,
    rejectReason: null,
    reviewedBy: null,
    reviewedAt: null,
    publishedAt: null,
    deliveries: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function newNotification(overrides: Partial<NotificationDto> = {}): NotificationDto {
  sequence += 1;
  return {
    id: `notification-${sequence}`,
    kind: 'post_published',
    message: `Notification ${sequence}`,
    channelId: null,
    postId: null,
    createdAt: new Date(Date.now() - sequence * 60_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}
