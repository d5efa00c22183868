import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  cityName,
  CONTACT_REQUEST_STATUSES,
  ContactRequestDto,
  ContactRequestListDto,
  ContactRequestStatus,
  ContactRequestSummaryDto,
} from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { CityOption, OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { InboxService } from '../inbox.service';
import { REQUEST_STATUS_LOOKS } from '../inbox-labels';
import { RequestDetail } from '../request-detail/request-detail';

export const INBOX_PAGE_SIZE = 30;

type LoadResult = { page: ContactRequestListDto; error: null } | { page: null; error: Message };

/**
 * Contact requests from newcomers: an ambassador's own, a moderator's to the portal in their cities.
 * The list filters by state (and city); the chosen request opens beside it at `/inbox/:id`.
 */
@Component({
  selector: 'wr-inbox-page',
  imports: [TranslatePipe, RouterLink, MessageText, StateBadge, TimeText, RequestDetail],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly inbox = inject(InboxService);
  private readonly language = inject(LanguageService);
  private readonly user = inject(AuthService).user;

  /** From the route: the request to show. */
  readonly id = input<string | undefined>();

  protected readonly statuses = CONTACT_REQUEST_STATUSES;
  protected readonly statusLooks = REQUEST_STATUS_LOOKS;
  protected readonly staff = computed(() => this.user()?.role !== 'ambassador');
  protected readonly cityOptions = computed((): CityOption[] => {
    const user = this.user();
    if (user?.role === 'moderator') return user.cities.map((slug) => ({ slug, name: cityName(slug) }));
    return [...PARTNER_CITY_OPTIONS, ...OTHER_CITY_OPTIONS];
  });

  protected readonly status = signal<ContactRequestStatus | ''>('new');
  protected readonly city = signal('');
  private readonly reloads = signal(0);
  protected readonly items = signal<ContactRequestSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<Message | null>(null);

  constructor() {
    const query = computed(() => ({ status: this.status(), city: this.city(), reload: this.reloads() }));
    toObservable(query)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ status, city }) => this.load(status, city, null)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (!result.page) return;
        this.items.set(result.page.items);
        this.nextCursor.set(result.page.nextCursor);
      });
  }

  private load(status: ContactRequestStatus | '', city: string, cursor: string | null): Observable<LoadResult> {
    return this.inbox
      .list({
        ...(status ? { status } : {}),
        ...(city ? { city } : {}),
        ...(cursor ? { cursor } : {}),
        limit: INBOX_PAGE_SIZE,
      })
      .pipe(
        map((page): LoadResult => ({ page, error: null })),
        catchError((error: unknown) => of<LoadResult>({ page: null, error: errorMessage(error) })),
      );
  }

  protected filterByStatus(value: string): void {
    this.status.set(CONTACT_REQUEST_STATUSES.find((s) => s === value) ?? '');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.load(this.status(), this.city(), cursor).subscribe((result) => {
      this.loadingMore.set(false);
      if (!result.page) {
        this.loadError.set(result.error);
        return;
      }
      const known = new Set(this.items().map((item) => item.id));
      this.items.update((items) => [...items, ...result.page.items.filter((item) => !known.has(item.id))]);
      this.nextCursor.set(result.page.nextCursor);
    });
  }

  protected languageOf(code: string): string {
    return languageName(code, this.language.current());
  }

  protected cityOf(slug: string | null): string {
    return slug ? cityName(slug) : '';
  }

  /** A request answered, closed or handed on: the list shows its new state. */
  protected changed(request: ContactRequestDto): void {
    this.items.update((items) =>
      items.map((item) =>
        item.id === request.id
          ? {
              ...item,
              status: request.status,
              ambassador: request.ambassador,
              routedTo: request.routedTo,
              answeredAt: request.answeredAt,
              closedAt: request.closedAt,
            }
          : item,
      ),
    );
  }
}
