import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, OverviewDto } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { navLinksFor } from '../../shell/navigation';
import { OverviewChart } from '../overview-chart/overview-chart';
import { OverviewService } from '../overview.service';
import { SourceHealth } from '../source-health/source-health';

/** A number that waits for someone, and the page where the work is. */
export interface AttentionCard {
  id: 'queue' | 'posts' | 'questions' | 'sources' | 'mail';
  /** A page of the navigation; the card shows only if the role may open it. */
  path: string;
  labelKey: string;
  /** Null while the numbers load. */
  count: number | null;
  /** What the number is made of; null while loading, absent when there is nothing to add. */
  detail?: Message | null;
}

/**
 * The start page of admins and moderators (ambassadors have their own): what needs attention, the
 * items of the last two weeks, the sources' health, and then the user's cities and pages.
 */
@Component({
  selector: 'wr-overview-page',
  imports: [RouterLink, TranslatePipe, MessageText, OverviewChart, SourceHealth],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly auth = inject(AuthService);
  private readonly overviewService = inject(OverviewService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly attentionHeading = viewChild<ElementRef<HTMLElement>>('attentionHeading');

  protected readonly user = this.auth.user;
  protected readonly cityNames = computed(() => (this.user()?.cities ?? []).map(cityName));
  /** Every page but this one. */
  protected readonly pages = computed(() => navLinksFor(this.auth.role()).filter((link) => link.path !== '/'));
  /** The numbers are for admins and moderators (the API answers no one else). */
  protected readonly staff = computed(() => {
    const role = this.auth.role();
    return role === 'admin' || role === 'moderator';
  });

  protected readonly overview = signal<OverviewDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<Message | null>(null);

  protected readonly cards = computed<AttentionCard[]>(() => {
    const o = this.overview();
    const sources = o && o.sources.failing + o.sources.paused;
    const cards: AttentionCard[] = [
      {
        id: 'queue',
        path: '/moderation',
        labelKey: 'overview.attention.queue',
        count: o?.queue.pending ?? null,
        detail: o && {
          key: 'overview.attention.queueDetail',
          params: { held: o.queue.held, duplicates: o.queue.duplicates },
        },
      },
      {
        id: 'posts',
        path: '/moderation/posts',
        labelKey: 'overview.attention.posts',
        count: o?.posts.pendingReview ?? null,
      },
      { id: 'questions', path: '/inbox', labelKey: 'overview.attention.questions', count: o?.contactRequests.new ?? null },
      {
        // The sources page filters by state in its own form, not by address: the card opens the whole list.
        id: 'sources',
        path: '/sources',
        labelKey: 'overview.attention.sources',
        count: sources,
        detail: o && {
          key: 'overview.attention.sourcesDetail',
          params: { failing: o.sources.failing, paused: o.sources.paused },
        },
      },
      {
        id: 'mail',
        path: '/mail-outbox',
        labelKey: 'overview.attention.mail',
        count: o?.mail?.failed ?? null,
        detail: o?.mail ? { key: 'overview.attention.mailDetail', params: { waiting: o.mail.waiting } } : null,
      },
    ];
    const open = new Set(navLinksFor(this.auth.role()).map((link) => link.path));
    return cards.filter((card) => open.has(card.path));
  });

  constructor() {
    if (this.staff()) this.load();
  }

  protected retry(): void {
    this.load();
    // The button goes away with the error; the section's heading keeps the keyboard where it was.
    afterNextRender(() => this.attentionHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  private load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.overviewService
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (overview) => {
          this.loading.set(false);
          this.overview.set(overview);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.loadError.set(errorMessage(error));
        },
      });
  }
}
