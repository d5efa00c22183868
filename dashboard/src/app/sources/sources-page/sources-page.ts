import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import {
  cityName,
  OpmlImportReport,
  SOURCE_KINDS,
  SOURCE_STATES,
  SourceDto,
  SourceKind,
  SourceState,
  TopicDto,
} from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { saveFile } from '../../shared/download';
import { MessageText } from '../../shared/message/message';
import { TimeText } from '../../shared/time/time';
import { TopicsService } from '../../topics/topics.service';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { OpmlImport } from '../opml-import/opml-import';
import { SourceChart } from '../source-chart/source-chart';
import { SourceForm } from '../source-form/source-form';
import { SOURCE_KIND_KEYS, SOURCE_STATE_LOOKS, SOURCE_TYPE_KEYS, WEBHOOK_STATE_LOOKS } from '../source-labels';
import { SourceStateBadge } from '../source-state/source-state';
import { SourceFilter, SourcesService } from '../sources.service';

type Panel = { mode: 'create' } | { mode: 'edit'; source: SourceDto } | { mode: 'import' } | null;
type LoadResult = { sources: SourceDto[]; error: null } | { sources: null; error: Message };

/** Name of the exported file. */
export const EXPORT_FILE_NAME = 'welcome-ruhr-sources.opml';

/**
 * Moderators and admins see every source's health, fetch one now, add, edit, pause and delete
 * sources, import and export OPML, and look at the items per day of a source.
 */
@Component({
  selector: 'wr-sources-page',
  imports: [TranslatePipe, MessageText, TimeText, Dialog, SourceStateBadge, SourceForm, OpmlImport, SourceChart],
  templateUrl: './sources-page.html',
  styleUrl: './sources-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourcesPage {
  private readonly sources = inject(SourcesService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly kinds = SOURCE_KINDS;
  protected readonly states = SOURCE_STATES;
  protected readonly typeKeys = SOURCE_TYPE_KEYS;
  protected readonly kindKeys = SOURCE_KIND_KEYS;
  protected readonly stateLooks = SOURCE_STATE_LOOKS;
  protected readonly webhookLooks = WEBHOOK_STATE_LOOKS;
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;

  protected readonly cityFilter = signal('');
  protected readonly kindFilter = signal<SourceKind | ''>('');
  protected readonly stateFilter = signal<SourceState | ''>('');
  protected readonly filtered = computed(() => this.cityFilter() !== '' || this.kindFilter() !== '' || this.stateFilter() !== '');
  private readonly reloads = signal(0);

  protected readonly list = signal<SourceDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly topics = signal<TopicDto[]>([]);
  protected readonly panel = signal<Panel>(null);
  protected readonly editingSource = computed(() => {
    const panel = this.panel();
    return panel?.mode === 'edit' ? panel.source : null;
  });
  /** Sources being fetched right now (by "fetch now"). */
  protected readonly fetching = signal<ReadonlySet<string>>(new Set());
  /** The source whose items per day are shown. */
  protected readonly chartSource = signal<SourceDto | null>(null);
  /** The source the delete dialog asks about. */
  protected readonly deleting = signal<SourceDto | null>(null);
  protected readonly exporting = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  constructor() {
    const request = computed(() => ({
      filter: { city: this.cityFilter(), kind: this.kindFilter(), state: this.stateFilter() } satisfies SourceFilter,
      reload: this.reloads(),
    }));
    toObservable(request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ filter }) => this.load(filter)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (result.sources) this.list.set(result.sources);
      });
    // Topics only label the checkboxes of the form; without them the form still works.
    inject(TopicsService)
      .list()
      .pipe(
        catchError(() => of<TopicDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((topics) => this.topics.set(topics));
  }

  protected citiesOf(source: SourceDto): string {
    return source.cities.map(cityName).join(', ');
  }

  protected filterByCity(value: string): void {
    this.cityFilter.set(value);
  }

  protected filterByKind(value: string): void {
    this.kindFilter.set(SOURCE_KINDS.find((kind) => kind === value) ?? '');
  }

  protected filterByState(value: string): void {
    this.stateFilter.set(SOURCE_STATES.find((state) => state === value) ?? '');
  }

  protected resetFilters(): void {
    this.cityFilter.set('');
    this.kindFilter.set('');
    this.stateFilter.set('');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected open(panel: Panel): void {
    this.status.set(null);
    this.actionError.set(null);
    this.panel.set(panel);
  }

  protected closePanel(): void {
    const panel = this.panel();
    this.panel.set(null);
    const target =
      panel?.mode === 'edit'
        ? `edit-source-${panel.source.id}`
        : panel?.mode === 'import'
          ? 'sources-import-button'
          : 'sources-create-button';
    this.focusById(target);
  }

  protected saved(source: SourceDto, created: boolean): void {
    this.status.set({ key: created ? 'sources.created' : 'sources.updated', params: { name: source.name } });
    if (created) this.list.update((sources) => [...sources, source]);
    else this.replace(source);
    this.closePanel();
  }

  protected imported(report: OpmlImportReport): void {
    if (report.created > 0) this.reload();
  }

  protected fetchNow(source: SourceDto): void {
    if (this.fetching().has(source.id)) return;
    this.status.set(null);
    this.actionError.set(null);
    this.fetching.update((ids) => new Set([...ids, source.id]));
    const done = () =>
      this.fetching.update((ids) => new Set([...ids].filter((id) => id !== source.id)));
    this.sources.fetchNow(source.id).subscribe({
      next: (fetched) => {
        done();
        this.replace(fetched);
        this.reportFetch(fetched);
      },
      error: (error: unknown) => {
        done();
        const message = errorMessage(error);
        this.actionError.set(
          message.text ? { key: 'sources.fetchFailed', params: { name: source.name, problem: message.text } } : message,
        );
      },
    });
  }

  /** What the fetch brought, in one sentence: errors loudly, results politely. */
  private reportFetch(source: SourceDto): void {
    const summary = source.lastFetch;
    if (summary?.outcome === 'failed' || (!summary && source.lastError)) {
      this.actionError.set(
        source.lastError
          ? { key: 'sources.fetchFailed', params: { name: source.name, problem: source.lastError } }
          : { key: 'sources.fetchFailedNoReason', params: { name: source.name } },
      );
    } else if (summary?.outcome === 'not_modified') {
      this.status.set({ key: 'sources.fetchNotModified', params: { name: source.name } });
    } else if (summary) {
      this.status.set({
        key: 'sources.fetchDone',
        params: { name: source.name, items: summary.items, new: summary.new, updated: summary.updated, held: summary.held },
      });
    } else {
      this.status.set({ key: 'sources.fetchStarted', params: { name: source.name } });
    }
  }

  protected toggleActive(source: SourceDto): void {
    const active = !source.active;
    this.save(source, active, active ? 'sources.activated' : 'sources.deactivated');
  }

  /** A paused source (too many failures in a row) is fetched again after any edit; this one changes nothing else. */
  protected resume(source: SourceDto): void {
    this.save(source, true, 'sources.resumed');
  }

  private save(source: SourceDto, active: boolean, doneKey: string): void {
    this.status.set(null);
    this.actionError.set(null);
    this.sources.update(source.id, { active }).subscribe({
      next: (saved) => {
        this.replace(saved);
        this.status.set({ key: doneKey, params: { name: saved.name } });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  protected askDelete(source: SourceDto): void {
    this.status.set(null);
    this.actionError.set(null);
    this.deleting.set(source);
  }

  protected confirmDelete(): void {
    const source = this.deleting();
    if (!source) return;
    this.deleting.set(null);
    this.sources.remove(source.id).subscribe({
      next: () => {
        this.list.update((sources) => sources.filter((s) => s.id !== source.id));
        if (this.chartSource()?.id === source.id) this.chartSource.set(null);
        if (this.editingSource()?.id === source.id) this.panel.set(null);
        this.status.set({ key: 'sources.deleted', params: { name: source.name } });
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  protected showChart(source: SourceDto): void {
    this.chartSource.set(source);
    this.focusById('source-chart-heading');
  }

  protected closeChart(): void {
    const source = this.chartSource();
    this.chartSource.set(null);
    if (source) this.focusById(`chart-source-${source.id}`);
  }

  protected exportOpml(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.actionError.set(null);
    this.sources.exportOpml().subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveFile(this.host.nativeElement.ownerDocument, blob, EXPORT_FILE_NAME);
        this.status.set({ key: 'sources.exported' });
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  private load(filter: SourceFilter): Observable<LoadResult> {
    return this.sources.list(filter).pipe(
      map((sources): LoadResult => ({ sources, error: null })),
      catchError((error: unknown) => of<LoadResult>({ sources: null, error: errorMessage(error) })),
    );
  }

  private replace(source: SourceDto): void {
    this.list.update((sources) => sources.map((s) => (s.id === source.id ? source : s)));
    if (this.chartSource()?.id === source.id) this.chartSource.set(source);
  }

  private focusById(id: string): void {
    afterNextRender(() => this.host.nativeElement.ownerDocument.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }
}
