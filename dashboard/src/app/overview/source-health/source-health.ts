import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SOURCE_STATES, SourceState } from '@welcome-ruhr/contracts';
import { SourceStateBadge } from '../../sources/source-state/source-state';

/** How many sources are in which state, in the words and colours of the sources page's badges. */
@Component({
  selector: 'wr-source-health',
  imports: [RouterLink, TranslatePipe, SourceStateBadge],
  templateUrl: './source-health.html',
  styleUrl: './source-health.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourceHealth {
  /** Null while the numbers load (every state keeps its line meanwhile). */
  readonly counts = input.required<Readonly<Record<SourceState, number>> | null>();

  protected readonly states = SOURCE_STATES;
  protected readonly total = computed(() => {
    const counts = this.counts();
    return counts ? SOURCE_STATES.reduce((sum, state) => sum + counts[state], 0) : null;
  });
}
