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
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, ServiceCategoryDto, ServiceDto, ServiceImportReport } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { CityOption, OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { DirectoryService, ServiceList, ServiceQuery } from '../directory.service';
import { ServiceForm } from '../service-form/service-form';
import { ServiceImport } from '../service-import/service-import';
import { categoryLabel } from '../service-labels';

/** Wait this long after the last keystroke in the search field before asking the API. */
export const SERVICE_SEARCH_DELAY_MS = 300;
export const SERVICES_PAGE_SIZE = 50;

/** Which change to the example data set waits for confirmation. */
type DemoAction = 'load' | 'remove';
type Panel = { mode: 'create' } | { mode: 'edit'; service: ServiceDto } | { mode: 'import' } | null;
type LoadResult = { list: ServiceList; error: null } | { list: null; error: Message };

/**
 * The services directory of the moderator's cities (admins: all): offices, counselling, courses,
 * associations. Filter and search, add and edit entries, remove them, and import a CSV file. Admins
 * also load or remove the example data set and reach the category editor.
 */
@Component({
  selector: 'wr-services-page',
  imports: [TranslatePipe, RouterLink, MessageText, Dialog, ServiceForm, ServiceImport],
  templateUrl: './services-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServicesPage {
  private readonly directory = inject(DirectoryService);
  private readonly language = inject(LanguageService);
  private readonly user = inject(AuthService).user;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly isAdmin = computed(() => this.user()?.role === 'admin');
  protected readonly cityOptions = computed((): CityOption[] => {
    const user = this.user();
    if (user && user.role !== 'admin') return user.cities.map((slug) => ({ slug, name: cityName(slug) }));
    return [...PARTNER_CITY_OPTIONS, ...OTHER_CITY_OPTIONS];
  });
  protected readonly languageOptions = computed(() => {
    const lang = this.language.current();
    return COMMON_LANGUAGES.map((code) => ({ code, name: languageName(code, lang) }));
  });
  protected readonly categories = signal<ServiceCategoryDto[]>([]);
  protected readonly categoryOptions = computed(() => {
    const lang = this.language.current();
    return this.categories().map((c) => ({ slug: c.slug, label: categoryLabel(c, c.slug, lang) }));
  });

  protected readonly city = signal('');
  protected readonly category = signal('');
  protected readonly spoken = signal('');
  protected readonly search = signal('');
  private readonly query = signal('');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reloads = signal(0);
  protected readonly filtered = computed(
    () => this.city() !== '' || this.category() !== '' || this.spoken() !== '' || this.search() !== '',
  );

  protected readonly items = signal<ServiceDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly panel = signal<Panel>(null);
  protected readonly editing = computed(() => {
    const panel = this.panel();
    return panel?.mode === 'edit' ? panel.service : null;
  });
  protected readonly deleting = signal<ServiceDto | null>(null);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  protected readonly confirmingDemo = signal<DemoAction | null>(null);
  protected readonly demoBusy = signal(false);

  constructor() {
    const request = computed(() => ({ query: this.currentQuery(), reload: this.reloads() }));
    toObservable(request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ query }) => this.load(query)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (!result.list) return;
        this.items.set(result.list.items);
        this.nextCursor.set(result.list.nextCursor);
      });
    this.directory
      .categories()
      .pipe(
        catchError(() => of<ServiceCategoryDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((categories) => this.categories.set([...categories].sort((a, b) => a.position - b.position)));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  private currentQuery(): ServiceQuery {
    return {
      city: this.city(),
      category: this.category(),
      languages: this.spoken(),
      q: this.query(),
      limit: SERVICES_PAGE_SIZE,
    };
  }

  private load(query: ServiceQuery): Observable<LoadResult> {
    return this.directory.list(query).pipe(
      map((list): LoadResult => ({ list, error: null })),
      catchError((error: unknown) => of<LoadResult>({ list: null, error: errorMessage(error) })),
    );
  }

  protected categoryName(slug: string): string {
    return categoryLabel(
      this.categories().find((c) => c.slug === slug),
      slug,
      this.language.current(),
    );
  }

  protected cityOf(slug: string): string {
    return cityName(slug);
  }

  protected languagesOf(service: ServiceDto): string {
    const lang = this.language.current();
    return service.languages.map((code) => languageName(code, lang)).join(', ');
  }

  // Filters

  protected onSearchInput(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.query.set(value.trim()), SERVICE_SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.query.set(this.search().trim());
  }

  protected resetFilters(): void {
    clearTimeout(this.searchTimer);
    this.city.set('');
    this.category.set('');
    this.spoken.set('');
    this.search.set('');
    this.query.set('');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.load({ ...this.currentQuery(), cursor }).subscribe((result) => {
      this.loadingMore.set(false);
      if (!result.list) {
        this.actionError.set(result.error);
        return;
      }
      const known = new Set(this.items().map((s) => s.id));
      this.items.update((items) => [...items, ...result.list.items.filter((s) => !known.has(s.id))]);
      this.nextCursor.set(result.list.nextCursor);
    });
  }

  // Panels

  protected open(panel: Panel): void {
    this.status.set(null);
    this.actionError.set(null);
    this.panel.set(panel);
  }

  protected closePanel(): void {
    const panel = this.panel();
    this.panel.set(null);
    this.focusById(
      panel?.mode === 'edit'
        ? `edit-service-${panel.service.id}`
        : panel?.mode === 'import'
          ? 'services-import-button'
          : 'services-create-button',
    );
  }

  protected saved(service: ServiceDto, created: boolean): void {
    this.status.set({ key: created ? 'services.created' : 'services.updated', params: { name: service.name } });
    if (created) this.items.update((items) => [service, ...items]);
    else this.items.update((items) => items.map((s) => (s.id === service.id ? service : s)));
    this.closePanel();
  }

  protected imported(report: ServiceImportReport): void {
    if (report.created + report.updated > 0) this.reload();
  }

  protected confirmDelete(): void {
    const service = this.deleting();
    this.deleting.set(null);
    if (!service) return;
    this.directory.remove(service.id).subscribe({
      next: () => {
        this.items.update((items) => items.filter((s) => s.id !== service.id));
        if (this.editing()?.id === service.id) this.panel.set(null);
        this.status.set({ key: 'services.deleted', params: { name: service.name } });
        this.focusById('services-heading');
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  /** The buttons stay focusable while demo data loads (aria-disabled), but ask nothing then. */
  protected askDemo(action: DemoAction): void {
    if (!this.demoBusy()) this.confirmingDemo.set(action);
  }

  protected confirmDemo(): void {
    const action = this.confirmingDemo();
    this.confirmingDemo.set(null);
    if (!action || this.demoBusy()) return;
    this.status.set(null);
    this.actionError.set(null);
    this.demoBusy.set(true);
    const done = (message: Message) => {
      this.demoBusy.set(false);
      this.status.set(message);
      this.reload();
    };
    const failed = (error: unknown) => {
      this.demoBusy.set(false);
      this.actionError.set(errorMessage(error));
    };
    if (action === 'load') {
      this.directory.loadDemo().subscribe({
        next: (report) =>
          done({
            key: report.invalid > 0 ? 'services.demoLoadedWithProblems' : 'services.demoLoaded',
            params: { created: report.created, updated: report.updated, invalid: report.invalid },
          }),
        error: failed,
      });
    } else {
      this.directory.removeDemo().subscribe({
        next: ({ deleted }) => {
          if (this.editing()?.demo) this.panel.set(null);
          done({ key: 'services.demoRemoved', params: { count: deleted } });
        },
        error: failed,
      });
    }
  }

  private focusById(id: string): void {
    afterNextRender(() => this.host.nativeElement.ownerDocument.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }
}
