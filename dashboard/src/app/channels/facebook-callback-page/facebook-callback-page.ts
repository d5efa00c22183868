import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { FacebookLoginPagesDto } from '@welcome-ruhr/contracts';
import { errorMessage, Message } from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';
import { ChannelsService } from '../channels.service';

/**
 * Where Facebook sends the browser back after its login dialog (`/channels/facebook/callback?code&state`):
 * the API exchanges the code and lists the pages the login manages; the ambassador picks one.
 */
@Component({
  selector: 'wr-facebook-callback-page',
  imports: [TranslatePipe, RouterLink, MessageText],
  templateUrl: './facebook-callback-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FacebookCallbackPage {
  private readonly channels = inject(ChannelsService);
  private readonly router = inject(Router);

  protected readonly loading = signal(true);
  protected readonly login = signal<FacebookLoginPagesDto | null>(null);
  /** Facebook's own words when the person did not allow the connection. */
  protected readonly refused = signal<string | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly pageId = signal<string | null>(null);
  protected readonly missingChoice = signal(false);
  protected readonly busy = signal(false);

  constructor() {
    const query = inject(ActivatedRoute).snapshot.queryParamMap;
    const code = query.get('code');
    const state = query.get('state');
    if (query.get('error') || !code || !state) {
      this.loading.set(false);
      this.refused.set(query.get('error_description') ?? query.get('error_reason') ?? '');
      return;
    }
    // The code works once: keep it out of the history, so going back or reloading does not send it again.
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
    this.channels.facebookCallback(code, state).subscribe({
      next: (login) => {
        this.loading.set(false);
        this.login.set(login);
        const pages = login.pages.filter((page) => page.canPublish);
        if (pages.length === 1) this.pageId.set(pages[0].id);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }

  protected choose(): void {
    const login = this.login();
    const pageId = this.pageId();
    if (!login || this.busy()) return;
    if (!pageId) {
      this.missingChoice.set(true);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.channels.chooseFacebookPage({ pageId, loginId: login.loginId }).subscribe({
      next: (channel) => {
        this.busy.set(false);
        void this.router.navigate(['/channels'], {
          state: { notice: { key: 'channels.connected', params: { name: channel.name } } satisfies Message },
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }
}
