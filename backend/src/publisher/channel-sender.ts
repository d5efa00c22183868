import type { ClaimedDelivery } from './delivery-leases';

/** Where a post landed on its channel. */
export interface ExternalPost {
  id: string;
  url: string | null;
}

export interface SendContext {
  delivery: ClaimedDelivery;
  accessToken: string;
  /** Public address of the post's image, for channels that fetch it (Facebook). */
  imageUrl: string | null;
  /** Gives the bounds of a call, below the lease. */
  timeoutMs: number;
}

export interface FindContext extends SendContext {
  /** Accept only posts made from this time on. */
  since: Date;
  /** Of these candidate ids, those that belong to other deliveries. */
  taken: (ids: string[]) => Promise<Set<string>>;
}

/**
 * One platform's way to publish a post, and to find out whether an earlier attempt whose outcome is
 * unknown did reach the channel. Errors are thrown as the platform client's errors (GraphError,
 * MastodonError); the engine decides what they mean.
 */
export interface ChannelSender {
  send(context: SendContext): Promise<ExternalPost>;
  /** The post if it is on the channel already; null when it is not (or when sending again is safe anyway). */
  find(context: FindContext): Promise<ExternalPost | null>;
}

/** How posts compare across a round trip: line ends, trailing spaces and surrounding blank lines do not count. */
export function normalizeMessage(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
