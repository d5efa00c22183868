import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { OVERVIEW_DAYS, OverviewDay } from '@welcome-ruhr/contracts';
import { LANGUAGES, LanguageService } from '../../i18n/language.service';
import { dayLabel, stack } from '../../shared/chart/chart';

export type SeriesKey = 'autoApproved' | 'approved' | 'rejected' | 'pending';

/** How a series fills its part of a bar, so that no one has to tell the series apart by colour. */
export type Texture = 'solid' | 'stripes' | 'grid' | 'dots';

export interface Series {
  key: SeriesKey;
  labelKey: string;
  /** Meets 3 : 1 against the card (WCAG 1.4.11); the colours of styles.scss (success, primary, error, warning). */
  color: string;
  texture: Texture;
}

/** The parts of a bar from the baseline up; the legend and the table's columns keep this order. */
export const SERIES: readonly Series[] = [
  { key: 'autoApproved', labelKey: 'overview.chart.series.autoApproved', color: '#1a6a3a', texture: 'solid' },
  { key: 'approved', labelKey: 'overview.chart.series.approved', color: '#0b4f8a', texture: 'stripes' },
  { key: 'rejected', labelKey: 'overview.chart.series.rejected', color: '#b42318', texture: 'grid' },
  { key: 'pending', labelKey: 'overview.chart.series.pending', color: '#7a4a00', texture: 'dots' },
];

/** Geometry in SVG user units; the SVG scales to its box. */
const BAR = 20;
const GAP = 8;
const PLOT_HEIGHT = 120;
const TOP = 8;
/** Room for the value axis' numbers beside the plot. */
const AXIS = 28;
const BOTTOM = 22;

export interface Segment {
  series: Series;
  count: number;
  y: number;
  height: number;
}

export interface DayBar {
  day: OverviewDay;
  label: string;
  total: number;
  x: number;
  segments: Segment[];
}

interface Tick {
  label: string;
  x: number;
  anchor: 'start' | 'end';
}

let instances = 0;

function totalOf(day: OverviewDay): number {
  return SERIES.reduce((sum, series) => sum + day[series.key], 0);
}

/**
 * Items per day of the last two weeks as stacked bars (inline SVG): what became of them, from
 * approved without a moderator at the bottom to still pending at the top. The SVG is an image with a
 * summary for screen readers; the numbers are in a table that anyone can open.
 *
 * Right to left: in Arabic, time runs the way the page reads, so the chart is mirrored — the oldest
 * day stands at the right, today at the left, and the value axis moves to the right where reading
 * starts; the legend and the table follow the page's direction anyway. The SVG itself is written
 * `direction="ltr"` so that the positions computed here (and the text anchors) stay physical.
 */
@Component({
  selector: 'wr-overview-chart',
  imports: [TranslatePipe],
  templateUrl: './overview-chart.html',
  styleUrl: './overview-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewChart {
  private readonly language = inject(LanguageService);

  /** Oldest first; null while they load (the chart keeps its size meanwhile). */
  readonly days = input.required<readonly OverviewDay[] | null>();

  protected readonly series = SERIES;
  /** Pattern ids are global to the document; one prefix per chart. */
  protected readonly idPrefix = `overview-chart-${++instances}`;
  protected readonly barWidth = BAR;
  protected readonly plotTop = TOP;
  protected readonly baseline = TOP + PLOT_HEIGHT;
  protected readonly height = TOP + PLOT_HEIGHT + BOTTOM;

  protected readonly rtl = computed(
    () => LANGUAGES.find((language) => language.code === this.language.current())?.dir === 'rtl',
  );
  protected readonly width = computed(() => AXIS + GAP + (this.days()?.length ?? OVERVIEW_DAYS) * (BAR + GAP));
  protected readonly totals = computed(() => {
    const days = this.days() ?? [];
    const sums = Object.fromEntries(
      SERIES.map((series) => [series.key, days.reduce((sum, day) => sum + day[series.key], 0)]),
    ) as Record<SeriesKey, number>;
    return { ...sums, all: SERIES.reduce((sum, series) => sum + sums[series.key], 0) };
  });
  /** The busiest day (the first of equals). */
  protected readonly peak = computed(() =>
    (this.days() ?? []).reduce<OverviewDay | null>(
      (best, day) => (!best || totalOf(day) > totalOf(best) ? day : best),
      null,
    ),
  );
  protected readonly max = computed(() => {
    const peak = this.peak();
    return Math.max(1, peak ? totalOf(peak) : 0);
  });
  protected readonly peakLabel = computed(() => {
    const peak = this.peak();
    return peak ? dayLabel(peak.date, this.language.current()) : '';
  });

  protected readonly bars = computed<DayBar[]>(() => {
    const locale = this.language.current();
    const max = this.max();
    const width = this.width();
    const rtl = this.rtl();
    return (this.days() ?? []).map((day, index) => {
      const fromLeft = AXIS + GAP + index * (BAR + GAP);
      const parts = stack(
        SERIES.map((series) => day[series.key]),
        max,
        PLOT_HEIGHT,
      );
      return {
        day,
        label: dayLabel(day.date, locale),
        total: totalOf(day),
        x: rtl ? width - fromLeft - BAR : fromLeft,
        segments: SERIES.map((series, i) => ({
          series,
          count: day[series.key],
          y: this.baseline - parts[i].start - parts[i].height,
          height: parts[i].height,
        })).filter((segment) => segment.height > 0),
      };
    });
  });

  /** The dates under the oldest and the newest bar, each kept inside the chart's edges. */
  protected readonly dayTicks = computed<Tick[]>(() => {
    const bars = this.bars();
    const ends = bars.length > 1 ? [bars[0], bars[bars.length - 1]] : bars;
    const left = Math.min(...ends.map((bar) => bar.x));
    return ends.map((bar) =>
      bar.x === left
        ? { label: bar.label, x: bar.x, anchor: 'start' }
        : { label: bar.label, x: bar.x + BAR, anchor: 'end' },
    );
  });

  /** The value axis: at the left of the plot, at the right when mirrored. */
  protected readonly axis = computed(() => {
    const width = this.width();
    return this.rtl()
      ? { from: 0, to: width - AXIS, tickX: width - AXIS + 4, anchor: 'start' }
      : { from: AXIS, to: width, tickX: AXIS - 4, anchor: 'end' };
  });

  protected fillOf(series: Series): string {
    return series.texture === 'solid' ? series.color : `url(#${this.idPrefix}-${series.key})`;
  }
}
