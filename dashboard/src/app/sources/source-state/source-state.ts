import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { SourceState } from '@welcome-ruhr/contracts';
import { SOURCE_STATE_LOOKS } from '../source-labels';

/** A source's health as a badge: a word and a symbol, the colour only repeats them. */
@Component({
  selector: 'wr-source-state',
  imports: [TranslatePipe],
  template: `<span class="badge" [class]="look().badge" [attr.data-state]="state()"
    ><span aria-hidden="true">{{ look().icon }}</span> {{ look().key | translate }}</span
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourceStateBadge {
  readonly state = input.required<SourceState>();
  protected readonly look = computed(() => SOURCE_STATE_LOOKS[this.state()]);
}
