import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** An ambassador's two profile pages: the public profile and the account. */
@Component({
  selector: 'wr-profile-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `<nav class="sub-nav" [attr.aria-label]="'profileNav.label' | translate">
    <ul>
      <li>
        <a routerLink="/ambassador-profile" routerLinkActive="is-active" ariaCurrentWhenActive="page">{{
          'profileNav.public' | translate
        }}</a>
      </li>
      <li>
        <a routerLink="/profile" routerLinkActive="is-active" ariaCurrentWhenActive="page">{{
          'profileNav.account' | translate
        }}</a>
      </li>
    </ul>
  </nav>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileNav {}
