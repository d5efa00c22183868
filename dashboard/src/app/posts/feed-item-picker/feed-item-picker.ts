import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, PublicFeedItem, PublicFeedResponse } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, Subscription, switchMap, tap } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { isolate } from '../../shared/bidi';
import { MessageText } from '../../shared/message/message';
import { TimeText } from '../../shared/time/time';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { PortalFeedService } from '../portal-feed.service';

/** The city filter's value for "the ambassador's own cities"; '' is every city, else one city's slug. */
export const MY_CITIES = 'mine';

interface LoadResult {
  page: PublicFeedResponse | null;
  error: Message | null;
}

let nextId = 0;

function searchable(item: PublicFeedItem): string {
  return `${item.title} ${item.summary} ${item.source.name}`.toLocaleLowerCase();
}

/**
 * Browses the portal's feed (approved items) to share one in a post: by city (the ambassador's own
 * cities first), page by page, searched within the items loaded. Only items with a link can be shared.
 * Each item is a toggle button; the one the post shares now is pressed.
 *
 * @fires chosen — the item to share
 */
@Component({
  selector: 'wr-feed-item-picker',
  imports: [TranslatePipe, MessageText, TimeText],
  templateUrl: './feed-item-picker.html',
  styleUrl: './feed-item-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedItemPicker {
  private readonly feed = inject(PortalFeedService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** City slugs the ambassador works for: the filter to start with. */
  readonly cities = input<readonly string[]>([]);
  /** The item the post shares now. */
  readonly chosenId = input<string | null>(null);
  readonly chosen = output<PublicFeedItem>();

  protected readonly id = `feed-picker-${nextId++}`;
  protected readonly myCities = MY_CITIES;
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;

  /** Null until she changes the filter: then her own cities, or every city when she has none. */
  private readonly cityChoice = signal<string | null>(null);
  protected readonly city = computed(() => this.cityChoice() ?? (this.cities().length > 0 ? MY_CITIES : ''));
  protected readonly myCityNames = computed(() => isolate(this.cities().map(cityName).join(', ')));
  // Compared by content: a refreshed session hands over the same cities in a new array, which must not
  // reload the list (and lose the pages loaded and the focus).
  private readonly queryCities = computed(
    (): readonly string[] => {
      const city = this.city();
      if (city === MY_CITIES) return this.cities();
      return city === '' ? [] : [city];
    },
    { equal: (a, b) => a.length === b.length && a.every((slug, i) => slug === b[i]) },
  );
  protected readonly search = signal('');
  private readonly reloads = signal(0);

  protected readonly items = signal<PublicFeedItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly moreError = signal<Message | null>(null);
  /** The "show more" request under way; a new first page makes its answer stale. */
  private more: Subscription | null = null;

  /** Items with a link (the post's link comes from it), matching every word searched for. */
  private readonly shareable = computed(() => this.items().filter((item) => !!item.url));
  protected readonly shown = computed(() => {
    const words = this.search().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return this.shareable().filter((item) => words.every((word) => searchable(item).includes(word)));
  });
  protected readonly searching = computed(() => this.search().trim() !== '' && this.shareable().length > 0);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.cancelMore());
    const request = computed(() => ({ cities: this.queryCities(), reload: this.reloads() }));
    toObservable(request)
      .pipe(
        tap(() => {
          this.cancelMore();
          this.loading.set(true);
          this.moreError.set(null);
        }),
        switchMap(({ cities }) => this.load(cities, null)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        this.items.set(result.page?.items ?? []);
        this.nextCursor.set(result.page?.nextCursor ?? null);
      });
  }

  private load(cities: readonly string[], cursor: string | null): Observable<LoadResult> {
    return this.feed.page({ cities, cursor }).pipe(
      map((page): LoadResult => ({ page, error: null })),
      catchError((error: unknown) => of<LoadResult>({ page: null, error: errorMessage(error) })),
    );
  }

  protected setCity(value: string): void {
    this.cityChoice.set(value);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    const before = new Set(this.shown().map((item) => item.id));
    this.more = this.load(this.queryCities(), cursor).subscribe((result) => {
      this.more = null;
      this.loadingMore.set(false);
      const page = result.page;
      if (!page) {
        this.moreError.set(result.error);
        return;
      }
      const known = new Set(this.items().map((item) => item.id));
      this.items.update((items) => [...items, ...page.items.filter((item) => !known.has(item.id))]);
      this.nextCursor.set(page.nextCursor);
      // Keyboard users go on where the new items begin, not back at the top.
      const firstNew = this.shown().find((item) => !before.has(item.id));
      if (firstNew) this.focusItem(firstNew.id);
    });
  }

  private cancelMore(): void {
    this.more?.unsubscribe();
    this.more = null;
    this.loadingMore.set(false);
  }

  protected isolated(text: string): string {
    return isolate(text);
  }

  private focusItem(id: string): void {
    afterNextRender(
      () =>
        Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('button[data-item-id]'))
          .find((button) => button.dataset['itemId'] === id)
          ?.focus(),
      { injector: this.injector },
    );
  }
}
