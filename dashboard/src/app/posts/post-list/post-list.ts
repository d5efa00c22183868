import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelDto, EDITABLE_POST_STATUSES, PostDto } from '@welcome-ruhr/contracts';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { CHANNEL_TYPE_KEYS } from '../../channels/channel-labels';
import { DELIVERY_STATUS_LOOKS, POST_STATUS_LOOKS, postExcerpt, postMoment } from '../post-labels';

/**
 * Posts with their state in words, when they appear, on which channels, and — for a failed or
 * rejected post — why, in plain words, with what to do: retry, edit, reconnect the channel.
 */
@Component({
  selector: 'wr-post-list',
  imports: [TranslatePipe, RouterLink, StateBadge, TimeText],
  templateUrl: './post-list.html',
  styleUrl: './post-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostList {
  readonly posts = input.required<PostDto[]>();
  /** The ambassador's channels, to say which one needs reconnecting. */
  readonly channels = input<ChannelDto[]>([]);
  /** Posts with an action under way. */
  readonly busy = input<ReadonlySet<string>>(new Set());
  /** Offer withdrawing a post that has not been published yet. */
  readonly withdrawable = input(false);
  readonly retry = output<PostDto>();
  readonly withdraw = output<PostDto>();

  protected readonly statusLooks = POST_STATUS_LOOKS;
  protected readonly deliveryLooks = DELIVERY_STATUS_LOOKS;
  protected readonly channelTypeKeys = CHANNEL_TYPE_KEYS;
  protected readonly editable = EDITABLE_POST_STATUSES;
  private readonly reconnectIds = computed(
    () => new Set(this.channels().filter((c) => c.status === 'needs_reconnect').map((c) => c.id)),
  );

  protected moment(post: PostDto): string | null {
    return postMoment(post);
  }

  protected excerpt(post: PostDto): string {
    return postExcerpt(post);
  }

  protected needsReconnect(channelId: string): boolean {
    return this.reconnectIds().has(channelId);
  }
}
