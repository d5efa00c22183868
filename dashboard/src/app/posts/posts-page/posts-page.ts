import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelDto, POST_STATUSES, PostDto, PostStatus } from '@welcome-ruhr/contracts';
import { catchError, of } from 'rxjs';
import { ChannelsService } from '../../channels/channels.service';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { MessageText } from '../../shared/message/message';
import { routerNotice } from '../../shared/router-notice';
import { POST_STATUS_COUNT_KEYS, postExcerpt } from '../post-labels';
import { PostList } from '../post-list/post-list';
import { PostsService } from '../posts.service';

/** An ambassador's posts, by state: retry the failed ones, edit or withdraw those not published yet. */
@Component({
  selector: 'wr-posts-page',
  imports: [TranslatePipe, RouterLink, MessageText, Dialog, PostList],
  templateUrl: './posts-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostsPage {
  private readonly postsApi = inject(PostsService);
  private readonly router = inject(Router);

  /** From the address (`?status=failed`): the state to show. */
  readonly status = input<string | undefined>();

  protected readonly statuses = POST_STATUSES;
  protected readonly countKeys = POST_STATUS_COUNT_KEYS;
  protected readonly posts = signal<PostDto[]>([]);
  protected readonly channels = signal<ChannelDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly withdrawing = signal<PostDto | null>(null);
  protected readonly done = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  protected readonly filter = computed((): PostStatus | '' => POST_STATUSES.find((s) => s === this.status()) ?? '');
  protected readonly counts = computed(() => {
    const counts = new Map<PostStatus, number>();
    for (const post of this.posts()) counts.set(post.status, (counts.get(post.status) ?? 0) + 1);
    return counts;
  });
  protected readonly shown = computed(() => {
    const filter = this.filter();
    return filter ? this.posts().filter((post) => post.status === filter) : this.posts();
  });

  constructor() {
    // The composer says what it did when it sends the ambassador here.
    this.done.set(routerNotice());
    this.load();
    inject(ChannelsService)
      .list()
      .pipe(
        catchError(() => of<ChannelDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((channels) => this.channels.set(channels));
  }

  protected load(): void {
    this.loading.set(true);
    this.postsApi.list().subscribe({
      next: (posts) => {
        this.loading.set(false);
        this.loadError.set(null);
        this.posts.set(posts);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorMessage(error));
      },
    });
  }

  protected filterBy(value: string): void {
    void this.router.navigate([], { queryParams: { status: value || null }, replaceUrl: true });
  }

  protected retry(post: PostDto): void {
    this.act(post, this.postsApi.retry(post.id), 'posts.retried');
  }

  protected confirmWithdraw(): void {
    const post = this.withdrawing();
    this.withdrawing.set(null);
    if (post) this.act(post, this.postsApi.cancel(post.id), 'posts.withdrawn');
  }

  private act(post: PostDto, request: ReturnType<PostsService['retry']>, doneKey: string): void {
    this.done.set(null);
    this.actionError.set(null);
    this.setBusy(post.id, true);
    request.subscribe({
      next: (updated) => {
        this.setBusy(post.id, false);
        this.posts.update((posts) => posts.map((p) => (p.id === updated.id ? updated : p)));
        this.done.set({ key: doneKey, params: { name: postExcerpt(updated) } });
      },
      error: (error: unknown) => {
        this.setBusy(post.id, false);
        this.actionError.set(errorMessage(error));
      },
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
