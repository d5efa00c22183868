import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** Between the parts of moderation: the queue of items, the ambassadors' posts, the blocked phrases. */
@Component({
  selector: 'wr-moderation-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `<nav class="sub-nav" [attr.aria-label]="'moderationNav.label' | translate">
    <ul>
      <li>
        <a
          routerLink="/moderation"
          routerLinkActive="is-active"
          ariaCurrentWhenActive="page"
          [routerLinkActiveOptions]="{ exact: true }"
          >{{ 'moderationNav.queue' | translate }}</a
        >
      </li>
      <li>
        <a routerLink="/moderation/posts" routerLinkActive="is-active" ariaCurrentWhenActive="page">{{
          'moderationNav.posts' | translate
        }}</a>
      </li>
      <li>
        <a routerLink="/moderation/rules" routerLinkActive="is-active" ariaCurrentWhenActive="page">{{
          'moderationNav.rules' | translate
        }}</a>
      </li>
    </ul>
  </nav>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModerationNav {}
