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
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BulkModerationResponse,
  ITEM_STATUSES,
  ItemDto,
  ItemStatus,
  ModerationAction,
  ModerationItemsResponse,
  SourceDto,
  TopicDto,
} from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { SourcesService } from '../../sources/sources.service';
import { topicLabel, TopicsService } from '../../topics/topics.service';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { ItemCard } from '../item-card/item-card';
import { ITEM_STATUS_KEYS } from '../item-labels';
import { ItemTagsForm } from '../item-tags-form/item-tags-form';
import { ItemQuery, ModerationService } from '../moderation.service';
import { ModerationNav } from '../moderation-nav/moderation-nav';
import { RejectDialog } from '../reject-dialog/reject-dialog';

/** Wait this long after the last keystroke in the search field before asking the API. */
export const QUEUE_SEARCH_DELAY_MS = 300;
/** Items per page. */
export const QUEUE_PAGE_SIZE = 25;

type Counts = Partial<Record<ItemStatus, number>>;
type LoadResult = { page: ModerationItemsResponse; error: null } | { page: null; error: Message };
/** What the reject dialog is about: one item, or the selection. */
type Rejecting = { item: ItemDto } | { ids: string[] } | null;

interface Filters {
  status: ItemStatus;
  city: string;
  topic: string;
  lang: string;
  sourceId: string;
  q: string;
  held: boolean;
}

/** Keys that are typed into a field, not pressed as commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('form, dialog')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/**
 * The moderation queue: filter, read, approve, reject, pin and tag items, one by one, in bulk or by
 * keyboard (j/k or arrows move, a approves, r rejects, o opens, x selects, p pins, ? explains).
 */
@Component({
  selector: 'wr-moderation-page',
  imports: [TranslatePipe, MessageText, Dialog, ItemCard, ItemTagsForm, RejectDialog, ModerationNav],
  templateUrl: './moderation-page.html',
  styleUrl: './moderation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class ModerationPage {
  private readonly moderation = inject(ModerationService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly listElement = viewChild<ElementRef<HTMLElement>>('list');

  protected readonly statuses = ITEM_STATUSES;
  protected readonly statusKeys = ITEM_STATUS_KEYS;
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;

  protected readonly filters = signal<Filters>({
    status: 'pending',
    city: '',
    topic: '',
    lang: '',
    sourceId: '',
    q: '',
    held: false,
  });
  /** What is in the search field; `filters().q` follows once typing pauses. */
  protected readonly search = signal('');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reloads = signal(0);
  protected readonly filtered = computed(() => {
    const { city, topic, lang, sourceId, q, held } = this.filters();
    return city !== '' || topic !== '' || lang !== '' || sourceId !== '' || q !== '' || held || this.search() !== '';
  });

  protected readonly items = signal<ItemDto[]>([]);
  protected readonly counts = signal<Counts>({});
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly topics = signal<TopicDto[]>([]);
  protected readonly sourceOptions = signal<SourceDto[]>([]);

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly allSelected = computed(() => {
    const items = this.items();
    return items.length > 0 && items.every((item) => this.selected().has(item.id));
  });
  protected readonly someSelected = computed(() => this.selected().size > 0 && !this.allSelected());
  /** The item the keyboard works on (index into `items`), -1 for none. */
  protected readonly current = signal(-1);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly editingTags = signal<string | null>(null);
  protected readonly rejecting = signal<Rejecting>(null);
  protected readonly rejectingTitle = computed(() => {
    const rejecting = this.rejecting();
    return rejecting && 'item' in rejecting ? rejecting.item.title : null;
  });
  protected readonly rejectingCount = computed(() => {
    const rejecting = this.rejecting();
    return rejecting && 'ids' in rejecting ? rejecting.ids.length : 1;
  });
  protected readonly helpOpen = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  protected readonly topicOptions = computed(() => {
    const lang = this.language.current();
    return this.topics().map((topic) => ({ slug: topic.slug, label: topicLabel(topic, lang) }));
  });
  protected readonly languageOptions = computed(() => {
    const lang = this.language.current();
    return COMMON_LANGUAGES.map((code) => ({ code, name: languageName(code, lang) }));
  });

  constructor() {
    const request = computed(() => ({ filters: this.filters(), reload: this.reloads() }));
    toObservable(request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ filters }) => this.load(this.query(filters, null))),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (!result.page) return;
        this.items.set(result.page.items);
        this.nextCursor.set(result.page.nextCursor);
        this.counts.set(result.page.counts ?? {});
        this.selected.set(new Set());
        this.current.set(-1);
        this.editingTags.set(null);
      });
    // Topics and sources only fill filters and labels; without them the queue still works.
    inject(TopicsService)
      .list()
      .pipe(
        catchError(() => of<TopicDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((topics) => this.topics.set(topics));
    inject(SourcesService)
      .list()
      .pipe(
        catchError(() => of<SourceDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((sources) => this.sourceOptions.set([...sources].sort((a, b) => a.name.localeCompare(b.name))));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  private query(filters: Filters, cursor: string | null): ItemQuery {
    return { ...filters, cursor, limit: QUEUE_PAGE_SIZE };
  }

  private load(query: ItemQuery): Observable<LoadResult> {
    return this.moderation.items(query).pipe(
      map((page): LoadResult => ({ page, error: null })),
      catchError((error: unknown) => of<LoadResult>({ page: null, error: errorMessage(error) })),
    );
  }

  // Filters

  protected setFilter<K extends keyof Filters>(name: K, value: Filters[K]): void {
    this.filters.update((filters) => ({ ...filters, [name]: value }));
  }

  protected showStatus(status: ItemStatus, focus = false): void {
    this.setFilter('status', status);
    if (focus) this.focusElement(() => this.document().getElementById(`queue-tab-${status}`));
  }

  /** Arrow keys, Home and End move between the status tabs. */
  protected onTabKeydown(event: KeyboardEvent, status: ItemStatus): void {
    const index = ITEM_STATUSES.indexOf(status);
    const last = ITEM_STATUSES.length - 1;
    const rtl = this.document().documentElement.dir === 'rtl';
    const next: Record<string, number> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: last,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    event.stopPropagation();
    const target = (next[event.key] + ITEM_STATUSES.length) % ITEM_STATUSES.length;
    this.showStatus(ITEM_STATUSES[target], true);
  }

  protected onSearchInput(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter('q', value.trim()), QUEUE_SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.setFilter('q', this.search().trim());
  }

  protected resetFilters(): void {
    clearTimeout(this.searchTimer);
    this.search.set('');
    this.filters.update((filters) => ({
      status: filters.status,
      city: '',
      topic: '',
      lang: '',
      sourceId: '',
      q: '',
      held: false,
    }));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    const firstNew = this.items().length;
    this.load(this.query(this.filters(), cursor)).subscribe((result) => {
      this.loadingMore.set(false);
      if (!result.page) {
        this.actionError.set(result.error);
        return;
      }
      const known = new Set(this.items().map((item) => item.id));
      this.items.update((items) => [...items, ...result.page.items.filter((item) => !known.has(item.id))]);
      this.nextCursor.set(result.page.nextCursor);
      if (result.page.counts) this.counts.set(result.page.counts);
      if (this.items().length > firstNew) this.focusItem(firstNew);
    });
  }

  // Selection

  protected toggleSelected(id: string, checked: boolean): void {
    this.selected.update((ids) => {
      const next = new Set(ids);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected selectAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.items().map((item) => item.id)) : new Set());
  }

  // Decisions

  /** By id: the focus can move before the list is rendered again, when template indexes are stale. */
  protected onFocusIn(id: string): void {
    const index = this.items().findIndex((item) => item.id === id);
    if (index >= 0) this.current.set(index);
  }

  protected decide(item: ItemDto, action: ModerationAction): void {
    if (action === 'reject') {
      this.rejecting.set({ item });
      return;
    }
    if (this.busy().has(item.id)) return;
    if (action === 'approve' && item.status === 'approved') return;
    const request =
      action === 'approve' ? this.moderation.approve(item.id) : this.moderation.pin(item.id, action === 'pin');
    const doneKey =
      action === 'approve' ? 'moderation.approved' : action === 'pin' ? 'moderation.pinnedDone' : 'moderation.unpinnedDone';
    this.run(item, request, doneKey);
  }

  protected confirmReject(reason: string): void {
    const rejecting = this.rejecting();
    this.rejecting.set(null);
    if (!rejecting) return;
    if ('item' in rejecting) {
      this.run(rejecting.item, this.moderation.reject(rejecting.item.id, reason), 'moderation.rejected');
    } else {
      this.bulk('reject', rejecting.ids, reason);
    }
  }

  protected closeReject(): void {
    // The dialog gives the focus back to what opened it (the item, or the bulk button).
    this.rejecting.set(null);
  }

  private run(item: ItemDto, request: Observable<ItemDto>, doneKey: string): void {
    this.status.set(null);
    this.actionError.set(null);
    this.setBusy(item.id, true);
    request.subscribe({
      next: (updated) => {
        this.setBusy(item.id, false);
        this.applyChange(item, updated);
        this.status.set({ key: doneKey, params: { title: updated.title } });
      },
      error: (error: unknown) => {
        this.setBusy(item.id, false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  /** Keep the item where it is, or let it leave the list when its status no longer fits the tab. */
  private applyChange(before: ItemDto, after: ItemDto): void {
    const index = this.items().findIndex((item) => item.id === before.id);
    if (index < 0) return;
    if (after.status === this.filters().status) {
      this.items.update((items) => items.map((item) => (item.id === after.id ? after : item)));
      return;
    }
    const wasCurrent = this.current() === index;
    this.items.update((items) => items.filter((item) => item.id !== after.id));
    this.toggleSelected(after.id, false);
    if (this.editingTags() === after.id) this.editingTags.set(null);
    this.counts.update((counts) => ({
      ...counts,
      [before.status]: Math.max(0, (counts[before.status] ?? 1) - 1),
      [after.status]: (counts[after.status] ?? 0) + 1,
    }));
    if (this.current() > index) this.current.update((i) => i - 1);
    if (wasCurrent) {
      const remaining = this.items().length;
      if (remaining > 0) this.focusItem(Math.min(index, remaining - 1));
      else this.current.set(-1);
    }
  }

  protected bulkApprove(): void {
    const ids = [...this.selected()];
    if (ids.length === 0) {
      this.status.set({ key: 'moderation.nothingSelected' });
      return;
    }
    this.bulk('approve', ids);
  }

  protected bulkReject(): void {
    const ids = [...this.selected()];
    if (ids.length === 0) {
      this.status.set({ key: 'moderation.nothingSelected' });
      return;
    }
    this.rejecting.set({ ids });
  }

  private bulk(action: 'approve' | 'reject', ids: string[], reason?: string): void {
    this.status.set(null);
    this.actionError.set(null);
    this.moderation.bulk({ ids, action, ...(reason ? { reason } : {}) }).subscribe({
      next: (response) => {
        this.status.set(this.bulkMessage(action, response));
        this.reload();
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private bulkMessage(action: 'approve' | 'reject', response: BulkModerationResponse): Message {
    const count = response.updated;
    const skipped = response.skipped.length;
    if (action === 'approve') {
      if (skipped > 0) return { key: 'moderation.bulkApprovedSkipped', params: { count, skipped } };
      return { key: count === 1 ? 'moderation.bulkApprovedOne' : 'moderation.bulkApprovedMany', params: { count } };
    }
    if (skipped > 0) return { key: 'moderation.bulkRejectedSkipped', params: { count, skipped } };
    return { key: count === 1 ? 'moderation.bulkRejectedOne' : 'moderation.bulkRejectedMany', params: { count } };
  }

  // Tags

  protected editTags(item: ItemDto): void {
    this.editingTags.set(item.id);
  }

  protected tagsSaved(item: ItemDto): void {
    this.items.update((items) => items.map((i) => (i.id === item.id ? item : i)));
    this.editingTags.set(null);
    this.status.set({ key: 'moderation.tagsSaved', params: { title: item.title } });
    this.focusElement(() => this.document().getElementById(`edit-tags-${item.id}`));
  }

  protected tagsCancelled(item: ItemDto): void {
    this.editingTags.set(null);
    this.focusElement(() => this.document().getElementById(`edit-tags-${item.id}`));
  }

  // Keyboard

  protected onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || this.rejecting() || this.helpOpen()) return;
    const items = this.items();
    const index = this.current();
    const item = index >= 0 ? items[index] : undefined;
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        if (event.key === 'ArrowDown' && !this.inList(event.target)) return;
        if (items.length === 0) return;
        this.focusItem(Math.min(index + 1, items.length - 1));
        break;
      case 'k':
      case 'ArrowUp':
        if (event.key === 'ArrowUp' && !this.inList(event.target)) return;
        if (items.length === 0) return;
        this.focusItem(Math.max(index - 1, 0));
        break;
      case 'a':
        if (!item) return;
        this.decide(item, 'approve');
        break;
      case 'r':
        if (!item || item.status === 'rejected') return;
        this.decide(item, 'reject');
        break;
      case 'p':
        if (!item) return;
        this.decide(item, item.pinned ? 'unpin' : 'pin');
        break;
      case 'x':
        if (!item) return;
        this.toggleSelected(item.id, !this.selected().has(item.id));
        break;
      case 'o':
        if (!item?.url) return;
        this.document().defaultView?.open(item.url, '_blank', 'noopener,noreferrer');
        break;
      case '?':
        this.helpOpen.set(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private inList(target: EventTarget | null): boolean {
    const list = this.listElement()?.nativeElement;
    return !!list && target instanceof Node && list.contains(target);
  }

  private focusItem(index: number): void {
    this.current.set(index);
    const id = this.items()[index]?.id;
    if (!id) return;
    this.focusElement(
      () =>
        Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('article[data-item-id]')).find(
          (article) => article.dataset['itemId'] === id,
        ) ?? null,
      true,
    );
  }

  /**
   * Focus an element and bring it into view if asked: at once when it is on the page already (no
   * render may follow when nothing else changed), else after the next render, which adds it.
   */
  private focusElement(find: () => HTMLElement | null, scroll = false): void {
    const focus = (element: HTMLElement | null) => {
      element?.focus();
      if (scroll && typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
    };
    const present = find();
    if (present) focus(present);
    else afterNextRender(() => focus(find()), { injector: this.injector });
  }

  private document(): Document {
    return this.host.nativeElement.ownerDocument;
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
