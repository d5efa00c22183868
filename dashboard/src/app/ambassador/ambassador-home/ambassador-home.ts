import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelDto, NotificationDto, POST_STATUSES, PostDto, PostStatus } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { daysUntilTokenExpires } from '../../channels/channel-labels';
import { ChannelList } from '../../channels/channel-list/channel-list';
import { ChannelsService } from '../../channels/channels.service';
import { NotificationList } from '../../notifications/notification-list/notification-list';
import { NotificationsService } from '../../notifications/notifications.service';
import { PostCalendar } from '../../posts/post-calendar/post-calendar';
import { POST_STATUS_COUNT_KEYS, postExcerpt, postMoment } from '../../posts/post-labels';
import { PostList } from '../../posts/post-list/post-list';
import { PostsService } from '../../posts/posts.service';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';

/** How many upcoming posts the start page lists; the posts page has them all. */
export const UPCOMING_SHOWN = 5;

/**
 * An ambassador's start page: notifications (a channel to reconnect, a token running out, a post that
 * failed or was rejected), posts by state, a calendar, what needs attention and what comes next, and
 * the channels with their health.
 */
@Component({
  selector: 'wr-ambassador-home',
  imports: [TranslatePipe, RouterLink, MessageText, PostCalendar, PostList, ChannelList, NotificationList],
  templateUrl: './ambassador-home.html',
  styleUrl: './ambassador-home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorHome {
  private readonly postsApi = inject(PostsService);
  private readonly channelsApi = inject(ChannelsService);
  private readonly notificationsApi = inject(NotificationsService);
  private readonly router = inject(Router);

  protected readonly user = inject(AuthService).user;
  protected readonly countKeys = POST_STATUS_COUNT_KEYS;
  protected readonly posts = signal<PostDto[]>([]);
  protected readonly channels = signal<ChannelDto[]>([]);
  protected readonly notifications = signal<NotificationDto[]>([]);
  protected readonly postsLoaded = signal(false);
  protected readonly channelsLoaded = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  protected readonly counts = computed(() => {
    const counts = new Map<PostStatus, number>();
    for (const post of this.posts()) counts.set(post.status, (counts.get(post.status) ?? 0) + 1);
    return POST_STATUSES.filter((status) => counts.has(status)).map((status) => ({
      status,
      count: counts.get(status) ?? 0,
    }));
  });
  protected readonly attention = computed(() =>
    this.posts().filter((post) => post.status === 'failed' || post.status === 'rejected'),
  );
  protected readonly upcoming = computed(() =>
    this.posts()
      .filter((post) => ['pending_review', 'scheduled', 'publishing'].includes(post.status))
      .sort((a, b) => (Date.parse(postMoment(a) ?? '') || 0) - (Date.parse(postMoment(b) ?? '') || 0))
      .slice(0, UPCOMING_SHOWN),
  );
  protected readonly unread = computed(() => this.notifications().filter((n) => !n.readAt));
  /** Channels to look after: refused tokens, and tokens that expire within a week. */
  protected readonly channelProblems = computed(
    () => this.channels().filter((c) => c.status === 'needs_reconnect' || daysUntilTokenExpires(c) !== null).length,
  );

  constructor() {
    this.postsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (posts) => {
          this.posts.set(posts);
          this.postsLoaded.set(true);
        },
        error: (error: unknown) => this.loadError.set(errorMessage(error)),
      });
    this.channelsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (channels) => {
          this.channels.set(channels.filter((c) => c.status !== 'disconnected'));
          this.channelsLoaded.set(true);
        },
        error: (error: unknown) => this.loadError.set(errorMessage(error)),
      });
    this.notificationsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (notifications) => this.notifications.set(notifications),
        error: (error: unknown) => this.loadError.set(errorMessage(error)),
      });
  }

  protected retry(post: PostDto): void {
    this.status.set(null);
    this.actionError.set(null);
    this.setBusy(post.id, true);
    this.postsApi.retry(post.id).subscribe({
      next: (updated) => {
        this.setBusy(post.id, false);
        this.posts.update((posts) => posts.map((p) => (p.id === updated.id ? updated : p)));
        this.status.set({ key: 'posts.retried', params: { name: postExcerpt(updated) } });
      },
      error: (error: unknown) => {
        this.setBusy(post.id, false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  protected reconnect(channel: ChannelDto): void {
    if (channel.type !== 'facebook_page') {
      void this.router.navigate(['/channels']);
      return;
    }
    this.actionError.set(null);
    this.setBusy(channel.id, true);
    this.channelsApi.startFacebookLogin().subscribe({
      error: (error: unknown) => {
        this.setBusy(channel.id, false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  protected markRead(notification: NotificationDto): void {
    this.notificationsApi.markRead(notification.id).subscribe({
      next: (read) => {
        this.notifications.update((list) => list.map((n) => (n.id === read.id ? read : n)));
        this.status.set({ key: 'notifications.markedRead' });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  protected markAllRead(): void {
    this.notificationsApi.markAllRead().subscribe({
      next: () => {
        const now = new Date().toISOString();
        this.notifications.update((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
        this.status.set({ key: 'notifications.markedAllRead' });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private setBusy(id: string, busy: boolean): void {
    this.busy.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
