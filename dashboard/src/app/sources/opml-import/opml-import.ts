import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  InjectionToken,
  Injector,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { OpmlImportJob, OpmlImportReport, SOURCE_KINDS, SourceKind } from '@welcome-ruhr/contracts';
import { EMPTY, expand, Observable, of, Subscription, switchMap, timer } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { CityPicker } from '../../users/city-picker/city-picker';
import { IMPORT_RESULT_LOOKS, SOURCE_KIND_KEYS } from '../source-labels';
import { SourcesService } from '../sources.service';

/** How often the progress of a running import is asked for. */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', { factory: () => 750 });

function isJob(response: OpmlImportJob | OpmlImportReport): response is OpmlImportJob {
  return typeof (response as OpmlImportJob).jobId === 'string';
}

let nextId = 0;

/**
 * Imports sources from an OPML file (picked or pasted). The import runs on the server; a progress
 * bar follows it, then a report says per outline what happened.
 */
@Component({
  selector: 'wr-opml-import',
  imports: [TranslatePipe, MessageText, CityPicker],
  templateUrl: './opml-import.html',
  styleUrl: './opml-import.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpmlImport {
  private readonly sources = inject(SourcesService);
  private readonly pollMs = inject(IMPORT_POLL_MS);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly textarea = viewChild<ElementRef<HTMLTextAreaElement>>('opmlText');
  private running: Subscription | null = null;

  /** The import finished (some sources may be new). */
  readonly imported = output<OpmlImportReport>();
  readonly closed = output<void>();

  protected readonly id = `opml-import-${nextId++}`;
  protected readonly kinds = SOURCE_KINDS;
  protected readonly kindKeys = SOURCE_KIND_KEYS;
  protected readonly resultLooks = IMPORT_RESULT_LOOKS;
  protected readonly opml = signal('');
  protected readonly kind = signal<SourceKind>('partner');
  protected readonly cities = signal<string[]>([]);
  protected readonly autoApprove = signal(false);
  protected readonly fieldError = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly busy = signal(false);
  /** The latest state of the running or finished import. */
  protected readonly report = signal<OpmlImportReport | null>(null);

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
    // Stop asking for progress when the panel goes.
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected chooseKind(value: string): void {
    const kind = SOURCE_KINDS.find((k) => k === value);
    if (kind) this.kind.set(kind);
  }

  protected async readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    try {
      this.opml.set(await file.text());
      this.fieldError.set(null);
    } catch {
      this.fieldError.set({ key: 'opmlImport.unreadableFile' });
    }
  }

  protected start(): void {
    if (this.busy()) return;
    if (this.opml().trim() === '') {
      this.fieldError.set({ key: 'opmlImport.emptyOpml' });
      afterNextRender(() => this.textarea()?.nativeElement.focus(), { injector: this.injector });
      return;
    }
    this.fieldError.set(null);
    this.error.set(null);
    this.report.set({ done: false, total: 0, processed: 0, created: 0, exists: 0, invalid: 0, lines: [] });
    this.busy.set(true);
    const request = {
      opml: this.opml(),
      kind: this.kind(),
      cities: this.cities(),
      autoApprove: this.autoApprove(),
    };
    this.running?.unsubscribe();
    this.running = this.sources
      .startImport(request)
      .pipe(switchMap((response) => (isJob(response) ? this.follow(response.jobId) : of(response))))
      .subscribe({
        next: (report) => {
          this.report.set(report);
          if (report.done) {
            this.busy.set(false);
            this.imported.emit(report);
          }
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.report.set(null);
          this.error.set(errorMessage(error));
        },
      });
  }

  /** The job's state now, then again every `pollMs` until it is done. */
  private follow(jobId: string): Observable<OpmlImportReport> {
    return this.sources
      .importStatus(jobId)
      .pipe(
        expand((report) =>
          report.done ? EMPTY : timer(this.pollMs).pipe(switchMap(() => this.sources.importStatus(jobId))),
        ),
      );
  }

  protected again(): void {
    this.report.set(null);
    this.opml.set('');
    afterNextRender(() => this.textarea()?.nativeElement.focus(), { injector: this.injector });
  }
}
