import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EDITABLE_POST_STATUSES, PostDto } from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { POST_STATUS_LOOKS, postExcerpt, postMoment } from '../post-labels';
import {
  addDays,
  addMonths,
  CalendarMode,
  dayKey,
  sameDay,
  startOfDay,
  startOfWeek,
  visibleDays,
} from './calendar-dates';

let nextId = 0;

interface CalendarDay {
  date: Date;
  key: string;
  /** The full date around the visible day number ("Montag, " 23 ". November 2026"), read by screen readers. */
  before: string;
  number: string;
  after: string;
  /** How many posts, in words. */
  count: string;
  posts: PostDto[];
  inMonth: boolean;
  today: boolean;
}

/**
 * The ambassador's posts by day, a week or a month at a time. The grid is one tab stop; the arrow
 * keys move by day and week (mirrored right to left), Home/End to the week's ends, Page Up/Down by
 * month (by week in the week view), Enter or Space lists the day's posts below. Every day is named by
 * its content — the full date (all but the day's number visually hidden), how many posts, their times
 * and first words — so what is seen is part of what is heard.
 */
@Component({
  selector: 'wr-post-calendar',
  imports: [TranslatePipe, RouterLink, StateBadge],
  templateUrl: './post-calendar.html',
  styleUrl: './post-calendar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostCalendar {
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly posts = input<PostDto[]>([]);
  /** Today (a fixed day in tests). */
  readonly today = input<Date>(new Date());

  protected readonly id = `calendar-${nextId++}`;
  protected readonly statusLooks = POST_STATUS_LOOKS;
  protected readonly editable = EDITABLE_POST_STATUSES;
  protected readonly mode = signal<CalendarMode>('month');
  /** The day with the grid's tab stop. */
  protected readonly focused = linkedSignal(() => startOfDay(this.today()));
  /** The day whose posts are listed under the grid. */
  protected readonly selected = signal<Date | null>(null);
  private readonly loadedTexts = toSignal(this.translate.onLangChange);
  /** The locale; reading it makes labels built with instant() follow once another language's texts are loaded. */
  private readonly texts = computed(() => {
    this.loadedTexts();
    return this.language.current();
  });

  private readonly postsByDay = computed(() => {
    const byDay = new Map<string, PostDto[]>();
    for (const post of this.posts()) {
      const moment = postMoment(post);
      if (!moment) continue;
      const key = dayKey(new Date(moment));
      byDay.set(key, [...(byDay.get(key) ?? []), post]);
    }
    for (const list of byDay.values()) list.sort((a, b) => Date.parse(postMoment(a) ?? '') - Date.parse(postMoment(b) ?? ''));
    return byDay;
  });

  protected readonly weekdays = computed(() => {
    const locale = this.texts();
    const monday = startOfWeek(this.today());
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    return [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const day = addDays(monday, i);
      return { short: short.format(day), long: long.format(day) };
    });
  });

  protected readonly weeks = computed((): CalendarDay[][] => {
    const locale = this.texts();
    const focus = this.focused();
    const today = this.today();
    const full = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const days = visibleDays(this.mode(), focus).map((date): CalendarDay => {
      const key = dayKey(date);
      const posts = this.postsByDay().get(key) ?? [];
      const parts = full.formatToParts(date);
      const dayAt = parts.findIndex((part) => part.type === 'day');
      const join = (list: Intl.DateTimeFormatPart[]) => list.map((part) => part.value).join('');
      return {
        date,
        key,
        before: join(parts.slice(0, dayAt)),
        number: parts[dayAt]?.value ?? String(date.getDate()),
        after: join(parts.slice(dayAt + 1)),
        count: this.translate.instant(
          posts.length === 0 ? 'calendar.dayNone' : posts.length === 1 ? 'calendar.dayOne' : 'calendar.dayMany',
          { count: posts.length },
        ),
        posts,
        inMonth: this.mode() === 'week' || date.getMonth() === focus.getMonth(),
        today: sameDay(date, today),
      };
    });
    const weeks: CalendarDay[][] = [];
    for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
    return weeks;
  });

  protected readonly title = computed(() => {
    const locale = this.texts();
    const focus = this.focused();
    if (this.mode() === 'month') {
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(focus);
    }
    const first = startOfWeek(focus);
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(
      first,
      addDays(first, 6),
    );
  });

  protected readonly selectedTitle = computed(() => {
    const day = this.selected();
    if (!day) return '';
    return new Intl.DateTimeFormat(this.texts(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      day,
    );
  });
  protected readonly selectedPosts = computed(() => {
    const day = this.selected();
    return day ? (this.postsByDay().get(dayKey(day)) ?? []) : [];
  });

  protected isFocused(day: CalendarDay): boolean {
    return sameDay(day.date, this.focused());
  }

  protected isSelected(day: CalendarDay): boolean {
    const selected = this.selected();
    return selected !== null && sameDay(day.date, selected);
  }

  protected timeOf(post: PostDto): string {
    const moment = postMoment(post);
    return moment ? new Intl.DateTimeFormat(this.texts(), { timeStyle: 'short' }).format(new Date(moment)) : '';
  }

  protected excerpt(post: PostDto): string {
    return postExcerpt(post, 28);
  }

  protected setMode(mode: CalendarMode): void {
    this.mode.set(mode);
  }

  /** The previous or next week or month. */
  protected page(direction: -1 | 1): void {
    this.focused.update((day) => (this.mode() === 'month' ? addMonths(day, direction) : addDays(day, 7 * direction)));
  }

  protected goToToday(): void {
    this.focused.set(startOfDay(this.today()));
  }

  protected select(day: CalendarDay): void {
    this.focused.set(day.date);
    this.selected.set(day.date);
  }

  protected onKeydown(event: KeyboardEvent, day: CalendarDay): void {
    const rtl = this.document.documentElement.dir === 'rtl';
    const date = day.date;
    let target: Date | null = null;
    switch (event.key) {
      case 'ArrowRight':
        target = addDays(date, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        target = addDays(date, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        target = addDays(date, 7);
        break;
      case 'ArrowUp':
        target = addDays(date, -7);
        break;
      case 'Home':
        target = startOfWeek(date);
        break;
      case 'End':
        target = addDays(startOfWeek(date), 6);
        break;
      case 'PageUp':
        target = this.mode() === 'month' ? addMonths(date, -1) : addDays(date, -7);
        break;
      case 'PageDown':
        target = this.mode() === 'month' ? addMonths(date, 1) : addDays(date, 7);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.select(day);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focused.set(target);
    this.focusCell(dayKey(target));
  }

  private focusCell(key: string): void {
    const find = () => this.host.nativeElement.querySelector<HTMLElement>(`td[data-day="${key}"]`);
    const present = find();
    if (present && present.tabIndex === 0) present.focus();
    else afterNextRender(() => find()?.focus(), { injector: this.injector });
  }
}
