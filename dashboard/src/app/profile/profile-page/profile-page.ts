import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { ProfileNav } from '../../ambassador/profile-nav/profile-nav';
import { ChangePasswordForm } from '../change-password-form/change-password-form';

/** The signed-in person's own account: what the dashboard knows about them, and their password. */
@Component({
  selector: 'wr-profile-page',
  imports: [TranslatePipe, ChangePasswordForm, ProfileNav],
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly cityNames = computed(() => (this.user()?.cities ?? []).map(cityName).join(', '));

  constructor() {
    // An admin may have changed the role or cities since sign-in; show what holds now.
    this.auth.me().pipe(takeUntilDestroyed()).subscribe({ error: () => undefined });
  }
}
