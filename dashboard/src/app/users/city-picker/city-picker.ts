import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../cities';

let nextId = 0;

/**
 * Chooses any number of cities: a group of checkboxes (easier to use by keyboard and screen
 * reader than a native multiple select), partner cities first. The legend is the content.
 */
@Component({
  selector: 'wr-city-picker',
  imports: [TranslatePipe, MessageText],
  templateUrl: './city-picker.html',
  styleUrl: './city-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityPicker {
  /** Selected city slugs. */
  readonly value = model<string[]>([]);
  /** Translation key of a hint shown under the legend. */
  readonly hintKey = input<string | null>(null);
  /** A problem with the choice, shown instead of the hint. */
  readonly error = input<Message | null>(null);

  protected readonly id = `city-picker-${nextId++}`;
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;
  protected readonly selected = computed(() => new Set(this.value()));
  protected readonly describedBy = computed(() =>
    this.error() ? `${this.id}-error` : this.hintKey() ? `${this.id}-hint` : null,
  );

  protected toggle(slug: string, checked: boolean): void {
    this.value.update((slugs) => (checked ? [...new Set([...slugs, slug])] : slugs.filter((s) => s !== slug)));
  }
}
