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
import { SERVICE_CSV_COLUMNS, ServiceImportJob, ServiceImportReport } from '@welcome-ruhr/contracts';
import { EMPTY, expand, Observable, of, Subscription, switchMap, timer } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { DirectoryService } from '../directory.service';

/** How often the progress of a running import is asked for. */
export const SERVICE_IMPORT_POLL_MS = new InjectionToken<number>('SERVICE_IMPORT_POLL_MS', { factory: () => 750 });

function isJob(response: ServiceImportJob | ServiceImportReport): response is ServiceImportJob {
  return typeof (response as ServiceImportJob).jobId === 'string';
}

let nextId = 0;

/**
 * Imports services from a CSV file. The server reads it (any common encoding and delimiter); a
 * progress bar follows large files, then a report names each bad line, its column and the problem.
 */
@Component({
  selector: 'wr-service-import',
  imports: [TranslatePipe, MessageText],
  templateUrl: './service-import.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceImport {
  private readonly directory = inject(DirectoryService);
  private readonly pollMs = inject(SERVICE_IMPORT_POLL_MS);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('file');
  private running: Subscription | null = null;

  /** The import finished (some services may be new or changed). */
  readonly imported = output<ServiceImportReport>();
  readonly closed = output<void>();

  protected readonly id = `service-import-${nextId++}`;
  protected readonly columns = [...SERVICE_CSV_COLUMNS, 'description_de', 'description_en'].join(', ');
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly report = signal<ServiceImportReport | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.fileError.set(null);
  }

  protected start(): void {
    if (this.busy()) return;
    const file = this.file();
    if (!file) {
      this.fileError.set({ key: 'serviceImport.chooseFile' });
      this.fileInput()?.nativeElement.focus();
      return;
    }
    this.error.set(null);
    this.busy.set(true);
    this.report.set({
      done: false,
      encoding: '',
      delimiter: ',',
      total: 0,
      processed: 0,
      created: 0,
      updated: 0,
      invalid: 0,
      problems: [],
    });
    this.running?.unsubscribe();
    this.running = this.directory
      .startImport(file)
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
  private follow(jobId: string): Observable<ServiceImportReport> {
    return this.directory
      .importStatus(jobId)
      .pipe(
        expand((report) =>
          report.done ? EMPTY : timer(this.pollMs).pipe(switchMap(() => this.directory.importStatus(jobId))),
        ),
      );
  }

  /** A tab is invisible; name it. */
  protected delimiterName(delimiter: string): string {
    return delimiter === '\t' ? 'Tab' : delimiter;
  }

  protected again(): void {
    this.report.set(null);
    this.file.set(null);
    afterNextRender(() => this.fileInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
