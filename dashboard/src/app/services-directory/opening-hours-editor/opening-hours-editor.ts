import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { OpeningException, OpeningHours, WeeklyOpening, Weekday, WEEKDAYS } from '@welcome-ruhr/contracts';
import { WEEKDAY_KEYS } from '../service-labels';

let nextId = 0;

const EMPTY: OpeningHours = { weekly: [], exceptions: [] };

/** Problems with opening hours the API would refuse, keyed by "weekly.0" or "exceptions.1". */
export function openingHoursProblems(hours: OpeningHours | null): Record<string, string> {
  const problems: Record<string, string> = {};
  hours?.weekly.forEach((range, i) => {
    if (!range.opens || !range.closes) problems[`weekly.${i}`] = 'openingHours.timesRequired';
    else if (range.closes <= range.opens) problems[`weekly.${i}`] = 'openingHours.closesAfterOpens';
  });
  hours?.exceptions?.forEach((exception, i) => {
    const range = exception.ranges?.[0];
    if (!exception.date) problems[`exceptions.${i}`] = 'openingHours.dateRequired';
    else if (!exception.closed && (!range?.opens || !range.closes)) problems[`exceptions.${i}`] = 'openingHours.timesRequired';
    else if (!exception.closed && range && range.closes <= range.opens) problems[`exceptions.${i}`] = 'openingHours.closesAfterOpens';
  });
  return problems;
}

/**
 * Opening hours as people read them: time ranges per weekday (several a day, e.g. 8–12 and 14–16),
 * and dates that differ — closed, or open at other times — with a note.
 */
@Component({
  selector: 'wr-opening-hours-editor',
  imports: [TranslatePipe],
  templateUrl: './opening-hours-editor.html',
  styleUrl: './opening-hours-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpeningHoursEditor {
  readonly value = model<OpeningHours | null>(null);
  /** Show the problems (after an attempt to save). */
  readonly showProblems = input(false);

  protected readonly id = `opening-hours-${nextId++}`;
  protected readonly weekdays = WEEKDAYS;
  protected readonly dayKeys = WEEKDAY_KEYS;
  protected readonly hours = computed(() => this.value() ?? EMPTY);
  protected readonly problems = computed(() => (this.showProblems() ? openingHoursProblems(this.value()) : {}));

  private change(next: OpeningHours): void {
    const empty = next.weekly.length === 0 && (next.exceptions ?? []).length === 0 && !next.notes;
    this.value.set(empty ? null : next);
  }

  protected addRange(): void {
    const weekly = this.hours().weekly;
    const last = weekly[weekly.length - 1];
    // The next weekday with the same times: typing Monday to Friday is five clicks.
    const day: Weekday = last ? WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % 7] : 'mon';
    this.change({
      ...this.hours(),
      weekly: [...weekly, { day, opens: last?.opens ?? '09:00', closes: last?.closes ?? '12:00' }],
    });
  }

  protected updateRange(index: number, change: Partial<WeeklyOpening>): void {
    this.change({ ...this.hours(), weekly: this.hours().weekly.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  }

  protected setDay(index: number, value: string): void {
    const day = WEEKDAYS.find((d) => d === value);
    if (day) this.updateRange(index, { day });
  }

  protected removeRange(index: number): void {
    this.change({ ...this.hours(), weekly: this.hours().weekly.filter((_, i) => i !== index) });
  }

  protected addException(): void {
    this.change({ ...this.hours(), exceptions: [...(this.hours().exceptions ?? []), { date: '', closed: true }] });
  }

  protected updateException(index: number, change: Partial<OpeningException>): void {
    const exceptions = (this.hours().exceptions ?? []).map((e, i) => {
      if (i !== index) return e;
      const next = { ...e, ...change };
      if (next.closed) delete next.ranges;
      else next.ranges = next.ranges?.length ? next.ranges : [{ opens: '09:00', closes: '12:00' }];
      if (next.note === '') delete next.note;
      return next;
    });
    this.change({ ...this.hours(), exceptions });
  }

  protected setExceptionTime(index: number, field: 'opens' | 'closes', value: string): void {
    const exception = this.hours().exceptions?.[index];
    const range = exception?.ranges?.[0] ?? { opens: '', closes: '' };
    this.updateException(index, { ranges: [{ ...range, [field]: value }] });
  }

  protected removeException(index: number): void {
    this.change({ ...this.hours(), exceptions: (this.hours().exceptions ?? []).filter((_, i) => i !== index) });
  }
}
