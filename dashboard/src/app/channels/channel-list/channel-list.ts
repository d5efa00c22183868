import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelDto } from '@welcome-ruhr/contracts';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { CHANNEL_STATUS_LOOKS, CHANNEL_TYPE_KEYS, daysUntilTokenExpires } from '../channel-labels';

/** Channels with their health in words: connected, or why and how to reconnect; tokens about to expire. */
@Component({
  selector: 'wr-channel-list',
  imports: [TranslatePipe, StateBadge, TimeText],
  templateUrl: './channel-list.html',
  styleUrl: './channel-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelList {
  readonly channels = input.required<ChannelDto[]>();
  readonly busy = input<ReadonlySet<string>>(new Set());
  /** Offer checking and disconnecting too (the channels page), not only reconnecting (the home page). */
  readonly manage = input(false);
  readonly reconnect = output<ChannelDto>();
  readonly check = output<ChannelDto>();
  readonly disconnect = output<ChannelDto>();

  protected readonly typeKeys = CHANNEL_TYPE_KEYS;
  protected readonly statusLooks = CHANNEL_STATUS_LOOKS;

  protected expiresInDays(channel: ChannelDto): number | null {
    return daysUntilTokenExpires(channel);
  }
}
