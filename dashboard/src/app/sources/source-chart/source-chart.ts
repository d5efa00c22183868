import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { SourceDto, SourceStatsDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { dayLabel, scaled } from '../../shared/chart/chart';
import { MessageText } from '../../shared/message/message';
import { SourcesService } from '../sources.service';

type Day = SourceStatsDto['days'][number];
type LoadResult = { stats: SourceStatsDto; error: null } | { stats: null; error: Message };

/** Geometry of the chart in SVG user units; the SVG scales to its box. */
const BAR = 10;
const GAP = 3;
const PLOT_HEIGHT = 100;
const TOP = 8;
const LEFT = 28;
const BOTTOM = 22;

export interface Bar {
  x: number;
  y: number;
  height: number;
  day: Day;
  label: string;
}

/**
 * Items per day of one source as a small bar chart (inline SVG). The SVG is an image with a
 * summary for screen readers; the numbers themselves are in a table that anyone can open.
 */
@Component({
  selector: 'wr-source-chart',
  imports: [TranslatePipe, MessageText],
  templateUrl: './source-chart.html',
  styleUrl: './source-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourceChart {
  private readonly sources = inject(SourcesService);
  private readonly language = inject(LanguageService);

  readonly source = input.required<SourceDto>();
  readonly days = input(30);

  protected readonly stats = signal<SourceStatsDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Message | null>(null);

  protected readonly plotTop = TOP;
  protected readonly plotLeft = LEFT;
  protected readonly baseline = TOP + PLOT_HEIGHT;
  protected readonly height = TOP + PLOT_HEIGHT + BOTTOM;
  protected readonly width = computed(() => LEFT + (this.stats()?.days.length ?? 0) * (BAR + GAP) + GAP);
  protected readonly barWidth = BAR;
  protected readonly total = computed(() => (this.stats()?.days ?? []).reduce((sum, day) => sum + day.total, 0));
  /** The busiest day (the first of equals). */
  protected readonly peak = computed(() =>
    (this.stats()?.days ?? []).reduce<Day | null>((best, day) => (!best || day.total > best.total ? day : best), null),
  );
  protected readonly max = computed(() => Math.max(1, this.peak()?.total ?? 0));
  protected readonly bars = computed<Bar[]>(() => {
    const locale = this.language.current();
    const max = this.max();
    return (this.stats()?.days ?? []).map((day, index) => {
      const height = scaled(day.total, max, PLOT_HEIGHT);
      return {
        x: LEFT + GAP + index * (BAR + GAP),
        y: TOP + PLOT_HEIGHT - height,
        height,
        day,
        label: dayLabel(day.date, locale),
      };
    });
  });
  protected readonly peakLabel = computed(() => {
    const peak = this.peak();
    return peak ? dayLabel(peak.date, this.language.current()) : '';
  });

  constructor() {
    toObservable(computed(() => ({ id: this.source().id, days: this.days() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ id, days }) => this.load(id, days)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.error.set(result.error);
        this.stats.set(result.stats);
      });
  }

  private load(id: string, days: number): Observable<LoadResult> {
    return this.sources.stats(id, days).pipe(
      map((stats): LoadResult => ({ stats, error: null })),
      catchError((error: unknown) => of<LoadResult>({ stats: null, error: errorMessage(error) })),
    );
  }
}
