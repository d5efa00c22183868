import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditEntryDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { TimeText } from '../../shared/time/time';
import { AuditQuery, AuditService } from '../audit.service';
import { compactDiff, DiffLine } from '../diff';

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;
/** Wait this long after the last keystroke in a text filter before asking the API. */
export const AUDIT_FILTER_DELAY_MS = 300;

/** The kinds of things the log records, with their translation keys (written out for the key check). */
export const AUDIT_ENTITY_KEYS: Record<string, string> = {
  item: 'audit.entityTypes.item',
  source: 'audit.entityTypes.source',
  topic: 'audit.entityTypes.topic',
  blocked_phrase: 'audit.entityTypes.blockedPhrase',
  widget_preset: 'audit.entityTypes.widgetPreset',
};

interface Filters {
  entityType: string;
  entityId: string;
  action: string;
  actor: { id: string; name: string } | null;
}

interface Row {
  entry: AuditEntryDto;
  diff: DiffLine[];
}

type LoadResult = { entries: AuditEntryDto[]; error: null } | { entries: null; error: Message };

/** Who decided or changed what, when, from what to what: newest first, with filters and paging. */
@Component({
  selector: 'wr-audit-page',
  imports: [TranslatePipe, MessageText, TimeText],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly audit = inject(AuditService);

  protected readonly entityTypes = Object.keys(AUDIT_ENTITY_KEYS);
  protected readonly entityKeys = AUDIT_ENTITY_KEYS;
  protected readonly filters = signal<Filters>({ entityType: '', entityId: '', action: '', actor: null });
  /** What is typed in the text filters; `filters` follows once typing pauses. */
  protected readonly actionText = signal('');
  protected readonly entityIdText = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly reloads = signal(0);
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return f.entityType !== '' || f.entityId !== '' || f.action !== '' || f.actor !== null;
  });

  protected readonly entries = signal<AuditEntryDto[]>([]);
  protected readonly rows = computed<Row[]>(() =>
    this.entries().map((entry) => ({ entry, diff: compactDiff(entry.before, entry.after) })),
  );
  protected readonly hasOlder = signal(false);
  protected readonly loading = signal(true);
  protected readonly loadingOlder = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly olderError = signal<Message | null>(null);

  constructor() {
    toObservable(computed(() => ({ filters: this.filters(), reload: this.reloads() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ filters }) => this.load(this.query(filters, null))),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (!result.entries) return;
        this.entries.set(result.entries);
        this.hasOlder.set(result.entries.length >= AUDIT_PAGE_SIZE);
      });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected entityLabelKey(type: string): string | null {
    return AUDIT_ENTITY_KEYS[type] ?? null;
  }

  protected filterByType(value: string): void {
    this.filters.update((f) => ({ ...f, entityType: value }));
  }

  protected typeAction(value: string): void {
    this.actionText.set(value);
    this.later(() => this.filters.update((f) => ({ ...f, action: value.trim() })));
  }

  protected typeEntityId(value: string): void {
    this.entityIdText.set(value);
    this.later(() => this.filters.update((f) => ({ ...f, entityId: value.trim() })));
  }

  protected applyNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.timer);
    this.filters.update((f) => ({ ...f, action: this.actionText().trim(), entityId: this.entityIdText().trim() }));
  }

  protected filterByActor(actor: { id: string; name: string }): void {
    this.filters.update((f) => ({ ...f, actor }));
  }

  protected clearActor(): void {
    this.filters.update((f) => ({ ...f, actor: null }));
  }

  protected resetFilters(): void {
    clearTimeout(this.timer);
    this.actionText.set('');
    this.entityIdText.set('');
    this.filters.set({ entityType: '', entityId: '', action: '', actor: null });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadOlder(): void {
    const last = this.entries().at(-1);
    if (!last || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.olderError.set(null);
    this.load(this.query(this.filters(), last.id)).subscribe((result) => {
      this.loadingOlder.set(false);
      if (!result.entries) {
        this.olderError.set(result.error);
        return;
      }
      this.entries.update((entries) => [...entries, ...result.entries]);
      this.hasOlder.set(result.entries.length >= AUDIT_PAGE_SIZE);
    });
  }

  private later(apply: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(apply, AUDIT_FILTER_DELAY_MS);
  }

  private query(filters: Filters, before: string | null): AuditQuery {
    return {
      entityType: filters.entityType,
      entityId: filters.entityId,
      action: filters.action,
      actorId: filters.actor?.id,
      before,
      limit: AUDIT_PAGE_SIZE,
    };
  }

  private load(query: AuditQuery): Observable<LoadResult> {
    return this.audit.list(query).pipe(
      map((entries): LoadResult => ({ entries, error: null })),
      catchError((error: unknown) => of<LoadResult>({ entries: null, error: errorMessage(error) })),
    );
  }
}
