import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelDto } from '@welcome-ruhr/contracts';
import { errorMessage, FieldMessages, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { routerNotice } from '../../shared/router-notice';
import { ChannelList } from '../channel-list/channel-list';
import { ChannelsService } from '../channels.service';
import { isWebAddress } from '../../shared/web-address';

/**
 * An ambassador's channels: connect a Facebook page through Facebook Login, or a Mastodon account
 * with its instance and an access token; see each channel's health, check it, reconnect, disconnect.
 */
@Component({
  selector: 'wr-channels-page',
  imports: [TranslatePipe, MessageText, Dialog, ChannelList],
  templateUrl: './channels-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelsPage {
  private readonly channelsApi = inject(ChannelsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly mastodonHeading = viewChild<ElementRef<HTMLElement>>('mastodonHeading');

  protected readonly channels = signal<ChannelDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly startingLogin = signal(false);
  protected readonly disconnecting = signal<ChannelDto | null>(null);
  protected readonly status = signal<Message | null>(routerNotice());
  protected readonly actionError = signal<Message | null>(null);

  /** The Mastodon form: open for a new account, or to renew the token of `reconnecting`. */
  protected readonly mastodonOpen = signal(false);
  protected readonly reconnecting = signal<ChannelDto | null>(null);
  protected readonly instanceUrl = signal('');
  protected readonly accessToken = signal('');
  protected readonly mastodonName = signal('');
  /** The Mastodon form is one part of the page: invalid fields are looked for inside it only. */
  private readonly mastodonForm = formState('form [aria-invalid="true"]');
  protected readonly fieldErrors = this.mastodonForm.fieldErrors;
  protected readonly formError = this.mastodonForm.error;
  protected readonly saving = this.mastodonForm.busy;
  protected readonly clearFieldError = this.mastodonForm.clearField;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.channelsApi.list().subscribe({
      next: (channels) => {
        this.loading.set(false);
        this.loadError.set(null);
        this.channels.set(channels.filter((c) => c.status !== 'disconnected'));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorMessage(error));
      },
    });
  }

  protected connectFacebook(): void {
    if (this.startingLogin()) return;
    this.status.set(null);
    this.actionError.set(null);
    this.startingLogin.set(true);
    this.channelsApi.startFacebookLogin().subscribe({
      // The browser is on its way to Facebook; the button stays busy.
      error: (error: unknown) => {
        this.startingLogin.set(false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  protected reconnect(channel: ChannelDto): void {
    if (channel.type === 'facebook_page') {
      this.connectFacebook();
      return;
    }
    this.openMastodon(channel);
  }

  protected openMastodon(channel: ChannelDto | null = null): void {
    this.status.set(null);
    this.actionError.set(null);
    this.reconnecting.set(channel);
    this.instanceUrl.set(channel?.instanceUrl ?? '');
    this.accessToken.set('');
    this.mastodonName.set(channel?.name ?? '');
    this.mastodonForm.clear();
    this.mastodonOpen.set(true);
    afterNextRender(() => this.mastodonHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeMastodon(): void {
    const channel = this.reconnecting();
    this.mastodonOpen.set(false);
    this.reconnecting.set(null);
    this.focus(channel ? `[data-channel-id="${channel.id}"] button` : '#channels-mastodon-button');
  }

  protected saveMastodon(): void {
    if (this.saving()) return;
    const instanceUrl = this.instanceUrl().trim();
    const accessToken = this.accessToken().trim();
    const errors: FieldMessages = {};
    if (!instanceUrl) errors['instanceUrl'] = { key: 'validation.required' };
    else if (!isWebAddress(instanceUrl)) errors['instanceUrl'] = { key: 'channels.invalidInstance' };
    if (!accessToken) errors['accessToken'] = { key: 'validation.required' };
    if (this.mastodonForm.invalid(errors)) return;
    const name = this.mastodonName().trim();
    const request = this.channelsApi.create({ type: 'mastodon', instanceUrl, accessToken, ...(name ? { name } : {}) });
    this.mastodonForm.submit(request, (channel) => {
      this.channels.update((channels) =>
        channels.some((c) => c.id === channel.id)
          ? channels.map((c) => (c.id === channel.id ? channel : c))
          : [...channels, channel],
      );
      this.status.set({ key: 'channels.connected', params: { name: channel.name } });
      this.mastodonOpen.set(false);
      this.reconnecting.set(null);
      this.focus(`[data-channel-id="${channel.id}"] h3`, true);
    });
  }

  protected check(channel: ChannelDto): void {
    this.status.set(null);
    this.actionError.set(null);
    this.setBusy(channel.id, true);
    this.channelsApi.check(channel.id).subscribe({
      next: (checked) => {
        this.setBusy(channel.id, false);
        this.channels.update((channels) => channels.map((c) => (c.id === checked.id ? checked : c)));
        if (checked.status === 'connected') this.status.set({ key: 'channels.checkedOk', params: { name: checked.name } });
        else this.actionError.set({ key: 'channels.checkedBad', params: { name: checked.name } });
      },
      error: (error: unknown) => {
        this.setBusy(channel.id, false);
        this.actionError.set(errorMessage(error));
      },
    });
  }

  protected confirmDisconnect(): void {
    const channel = this.disconnecting();
    this.disconnecting.set(null);
    if (!channel) return;
    this.channelsApi.remove(channel.id).subscribe({
      next: () => {
        this.channels.update((channels) => channels.filter((c) => c.id !== channel.id));
        this.status.set({ key: 'channels.disconnected', params: { name: channel.name } });
        this.focus('h1');
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private setBusy(id: string, busy: boolean): void {
    this.busy.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  private focus(selector: string, makeFocusable = false): void {
    afterNextRender(
      () => {
        const element = this.host.nativeElement.querySelector<HTMLElement>(selector);
        if (element && makeFocusable) element.tabIndex = -1;
        element?.focus();
      },
      { injector: this.injector },
    );
  }
}
