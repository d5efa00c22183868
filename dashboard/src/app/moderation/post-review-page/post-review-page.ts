import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { PostDto, PostStatus } from '@welcome-ruhr/contracts';
import { CHANNEL_TYPE_KEYS } from '../../channels/channel-labels';
import { POST_STATUS_LOOKS, postExcerpt } from '../../posts/post-labels';
import { PostsService } from '../../posts/posts.service';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { ModerationNav } from '../moderation-nav/moderation-nav';
import { RejectDialog } from '../reject-dialog/reject-dialog';

/** The states a moderator looks at, as tabs. */
export const REVIEW_TABS: readonly PostStatus[] = ['pending_review', 'scheduled', 'published', 'rejected'];
const TAB_KEYS: Record<string, string> = {
  pending_review: 'postReview.tabs.pending',
  scheduled: 'postReview.tabs.scheduled',
  published: 'postReview.tabs.published',
  rejected: 'postReview.tabs.rejected',
};

/**
 * Moderators review the ambassadors' posts of their cities beside the items: read the text, link,
 * image, channels and time, then approve, or reject with a reason the ambassador reads.
 */
@Component({
  selector: 'wr-post-review-page',
  imports: [TranslatePipe, MessageText, StateBadge, TimeText, ModerationNav, RejectDialog],
  templateUrl: './post-review-page.html',
  styleUrl: './post-review-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostReviewPage {
  private readonly postsApi = inject(PostsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly tabs = REVIEW_TABS;
  protected readonly tabKeys = TAB_KEYS;
  protected readonly statusLooks = POST_STATUS_LOOKS;
  protected readonly channelTypeKeys = CHANNEL_TYPE_KEYS;
  protected readonly tab = signal<PostStatus>('pending_review');
  protected readonly posts = signal<PostDto[]>([]);
  protected readonly counts = signal<Partial<Record<PostStatus, number>>>({});
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly rejecting = signal<PostDto | null>(null);
  protected readonly brokenImages = signal<ReadonlySet<string>>(new Set());
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.postsApi.reviewQueue(this.tab()).subscribe({
      next: (response) => {
        this.loading.set(false);
        this.loadError.set(null);
        this.posts.set(response.posts);
        this.counts.set(response.counts);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorMessage(error));
      },
    });
  }

  protected show(status: PostStatus, focus = false): void {
    this.tab.set(status);
    this.load();
    if (focus) afterNextRender(() => this.document.getElementById(`review-tab-${status}`)?.focus(), { injector: this.injector });
  }

  protected onTabKeydown(event: KeyboardEvent, status: PostStatus): void {
    const index = REVIEW_TABS.indexOf(status);
    const rtl = this.document.documentElement.dir === 'rtl';
    const moves: Record<string, number> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: REVIEW_TABS.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.show(REVIEW_TABS[(moves[event.key] + REVIEW_TABS.length) % REVIEW_TABS.length], true);
  }

  /** "Ayşe Yılmaz: Elternabend in der …" — names the post in button labels and the dialog. */
  protected nameOf(post: PostDto): string {
    return `${post.ambassadorName}: ${postExcerpt(post)}`;
  }

  protected approve(post: PostDto): void {
    this.decide(post, this.postsApi.approve(post.id), 'postReview.approved');
  }

  protected confirmReject(reason: string): void {
    const post = this.rejecting();
    this.rejecting.set(null);
    if (post) this.decide(post, this.postsApi.reject(post.id, reason), 'postReview.rejected');
  }

  private decide(post: PostDto, request: ReturnType<PostsService['approve']>, doneKey: string): void {
    if (this.busy().has(post.id)) return;
    this.status.set(null);
    this.actionError.set(null);
    this.setBusy(post.id, true);
    request.subscribe({
      next: (decided) => {
        this.setBusy(post.id, false);
        const index = this.posts().findIndex((p) => p.id === post.id);
        this.posts.update((posts) => posts.filter((p) => p.id !== post.id));
        this.counts.update((counts) => ({
          ...counts,
          [post.status]: Math.max(0, (counts[post.status] ?? 1) - 1),
          [decided.status]: (counts[decided.status] ?? 0) + 1,
        }));
        this.status.set({ key: doneKey, params: { name: this.nameOf(post) } });
        // Keep the keyboard in the list: on the next post, else on the tab.
        const next = this.posts()[Math.min(index, this.posts().length - 1)];
        afterNextRender(
          () =>
            (next
              ? this.document.querySelector<HTMLElement>(`[data-post-id="${next.id}"] h2`)
              : this.document.getElementById(`review-tab-${this.tab()}`)
            )?.focus(),
          { injector: this.injector },
        );
      },
      error: (error: unknown) => {
        this.setBusy(post.id, false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  protected imageFailed(id: string): void {
    this.brokenImages.update((ids) => new Set([...ids, id]));
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
