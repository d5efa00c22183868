import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { navLinksFor } from '../../shell/navigation';

/** The start page: who is signed in, for which cities, and the pages this role can open. */
@Component({
  selector: 'wr-overview-page',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly cityNames = computed(() => (this.user()?.cities ?? []).map(cityName));
  /** Every page but this one. */
  protected readonly pages = computed(() => navLinksFor(this.auth.role()).filter((link) => link.path !== '/'));
}
