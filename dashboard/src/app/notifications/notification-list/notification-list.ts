import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NotificationDto, NotificationKind } from '@welcome-ruhr/contracts';
import { BadgeLook, StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const NOTIFICATION_LOOKS: Record<NotificationKind, BadgeLook> = {
  channel_needs_reconnect: { key: 'notifications.kinds.channelNeedsReconnect', icon: '!', badge: 'badge--error' },
  channel_token_expiring: { key: 'notifications.kinds.channelTokenExpiring', icon: '◷', badge: 'badge--warning' },
  post_rejected: { key: 'notifications.kinds.postRejected', icon: '✕', badge: 'badge--error' },
  post_failed: { key: 'notifications.kinds.postFailed', icon: '!', badge: 'badge--error' },
  post_published: { key: 'notifications.kinds.postPublished', icon: '✓', badge: 'badge--success' },
};

const TARGETS: Record<NotificationKind, { path: string; status?: string }> = {
  channel_needs_reconnect: { path: '/channels' },
  channel_token_expiring: { path: '/channels' },
  post_rejected: { path: '/posts', status: 'rejected' },
  post_failed: { path: '/posts', status: 'failed' },
  post_published: { path: '/posts', status: 'published' },
};

/** The API's sentences about channels and posts, newest first, each with where to act on it. */
@Component({
  selector: 'wr-notification-list',
  imports: [TranslatePipe, RouterLink, StateBadge, TimeText],
  templateUrl: './notification-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationList {
  readonly notifications = input.required<NotificationDto[]>();
  readonly markRead = output<NotificationDto>();

  protected readonly looks = NOTIFICATION_LOOKS;
  protected readonly targets = TARGETS;
}
