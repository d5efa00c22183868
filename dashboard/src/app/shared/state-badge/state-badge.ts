import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** How a state looks: its word (a translation key), a symbol for those who scan by shape, a colour class. */
export interface BadgeLook {
  key: string;
  /** Hidden from screen readers; the word says it. */
  icon: string;
  badge: string;
}

/** A state as a badge: a word and a symbol; the colour only repeats them. */
@Component({
  selector: 'wr-state-badge',
  imports: [TranslatePipe],
  template: `<span class="badge" [class]="look().badge" [attr.data-state]="state()"
    ><span aria-hidden="true">{{ look().icon }}</span> {{ look().key | translate }}</span
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StateBadge {
  readonly look = input.required<BadgeLook>();
  /** The machine value (for styling and browser tests). */
  readonly state = input<string | null>(null);
}
