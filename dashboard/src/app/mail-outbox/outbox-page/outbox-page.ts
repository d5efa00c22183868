import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { OUTBOX_STATUSES, OutboxListDto, OutboxMessageDto, OutboxStatus } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { BadgeLook, StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { OutboxService } from '../outbox.service';

export const OUTBOX_PAGE_SIZE = 50;

/** Translation keys, written out so that the check of the translation files sees every one. */
export const OUTBOX_STATUS_LOOKS: Record<OutboxStatus, BadgeLook> = {
  waiting: { key: 'outbox.statuses.waiting', icon: '◷', badge: 'badge--warning' },
  sent: { key: 'outbox.statuses.sent', icon: '✓', badge: 'badge--success' },
  failed: { key: 'outbox.statuses.failed', icon: '!', badge: 'badge--error' },
};

type LoadResult = { page: OutboxListDto; error: null } | { page: null; error: Message };

/** Admins see every mail the portal sends — waiting, sent or failed — and send one again. */
@Component({
  selector: 'wr-outbox-page',
  imports: [TranslatePipe, MessageText, StateBadge, TimeText],
  templateUrl: './outbox-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly outbox = inject(OutboxService);
  private readonly language = inject(LanguageService);

  protected readonly statuses = OUTBOX_STATUSES;
  protected readonly looks = OUTBOX_STATUS_LOOKS;
  protected readonly status = signal<OutboxStatus | ''>('');
  private readonly reloads = signal(0);
  protected readonly items = signal<OutboxMessageDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly smtpConfigured = signal(true);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly done = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);

  constructor() {
    const query = computed(() => ({ status: this.status(), reload: this.reloads() }));
    toObservable(query)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ status }) => this.load(status, null)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (!result.page) return;
        this.items.set(result.page.items);
        this.nextCursor.set(result.page.nextCursor);
        this.smtpConfigured.set(result.page.smtpConfigured);
      });
  }

  private load(status: OutboxStatus | '', cursor: string | null): Observable<LoadResult> {
    return this.outbox.list({ status, cursor, limit: OUTBOX_PAGE_SIZE }).pipe(
      map((page): LoadResult => ({ page, error: null })),
      catchError((error: unknown) => of<LoadResult>({ page: null, error: errorMessage(error) })),
    );
  }

  protected filterBy(value: string): void {
    this.status.set(OUTBOX_STATUSES.find((s) => s === value) ?? '');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.load(this.status(), cursor).subscribe((result) => {
      this.loadingMore.set(false);
      if (!result.page) {
        this.actionError.set(result.error);
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

  protected retry(mail: OutboxMessageDto): void {
    if (this.busy().has(mail.id)) return;
    this.done.set(null);
    this.actionError.set(null);
    this.setBusy(mail.id, true);
    this.outbox.retry(mail.id).subscribe({
      next: (updated) => {
        this.setBusy(mail.id, false);
        this.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
        this.done.set({
          key: updated.status === 'sent' ? 'outbox.sentNow' : updated.status === 'failed' ? 'outbox.failedAgain' : 'outbox.queued',
          params: { subject: updated.subject, to: updated.to },
        });
      },
      error: (error: unknown) => {
        this.setBusy(mail.id, false);
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
