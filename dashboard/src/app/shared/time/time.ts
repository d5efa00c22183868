import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LanguageService } from '../../i18n/language.service';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "vor 5 Minuten", "in 2 Stunden": the distance from `now` in the largest fitting unit. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  let amount = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** Date and time to the minute, in the dashboard's language. */
export function exactTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A moment as people read it: relative ("vor 5 Minuten") with the exact date and time beside it,
 * both visible (a tooltip would hide the exact time from keyboard and touch users).
 */
@Component({
  selector: 'wr-time',
  template: `@if (value(); as iso) {
    <time [attr.datetime]="iso">{{ relative() }}</time>
    @if (showExact()) {
      <span class="time-exact">{{ exact() }}</span>
    }
  }`,
  styles: `
    .time-exact {
      display: block;
      font-size: 0.875rem;
      color: var(--color-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeText {
  private readonly language = inject(LanguageService);

  readonly value = input.required<string | null>();
  /** Also show the exact date and time. */
  readonly showExact = input(true);

  protected readonly relative = computed(() => {
    const iso = this.value();
    return iso ? relativeTime(iso, this.language.current()) : '';
  });
  protected readonly exact = computed(() => {
    const iso = this.value();
    return iso ? exactTime(iso, this.language.current()) : '';
  });
}
