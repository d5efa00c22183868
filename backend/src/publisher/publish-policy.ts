import type { ChannelType } from '@welcome-ruhr/contracts';

export interface PublisherOptions {
  /** How long a claimed delivery is this process's; a crashed process's deliveries come back after it. */
  leaseSeconds: number;
  /** Deliveries sent at once by this process. */
  concurrency: number;
  /** How often to look for due posts when idle. */
  tickMs: number;
  /** Tries after transient trouble before a delivery fails (a rate limit does not count). */
  maxAttempts: number;
  /** The wait after the first transient failure; doubled each time, at most `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** One call to a channel at most this long: well inside the lease, so a slow call never outlives it. */
  callTimeoutMs: number;
  /**
   * After an outcome we do not know (no answer in time, a 5xx), the channel is searched no sooner than
   * this: a request we stopped waiting for may still be carried out by the platform meanwhile.
   */
  unknownGraceMs: number;
}

export const PUBLISHER_DEFAULTS: PublisherOptions = {
  leaseSeconds: 120,
  concurrency: 4,
  tickMs: 2000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60 * 1000,
  callTimeoutMs: 20_000,
  unknownGraceMs: 60_000,
};

/** The lease bounds every call: at most a third of it, so recording the outcome always fits. */
export function withCallTimeout(options: PublisherOptions): PublisherOptions {
  return { ...options, callTimeoutMs: Math.min(options.callTimeoutMs, Math.floor((options.leaseSeconds * 1000) / 3)) };
}

/** 30 s, 1 min, 2 min, … at most an hour, ±10 % so that retries of many posts spread out. */
export function retryDelayMs(attempts: number, options: Pick<PublisherOptions, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const base = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.9 + random() * 0.2));
}

const PLATFORM: Record<ChannelType, string> = { facebook_page: 'Facebook', mastodon: 'Mastodon' };

/**
 * A delivery's problem in words the ambassador can act on. `{time}` is filled in with the next try.
 * `gave_up` wraps the last problem's words.
 */
export function explain(kind: string, type: ChannelType, channelName: string, detail: string): string {
  const platform = PLATFORM[type];
  const page = `“${channelName}”`;
  const why = detail.replace(/\.$/, '');
  switch (kind) {
    case 'token':
      return `${platform} no longer accepts the connection to ${page} (${why}). Reconnect it, then press “Retry”.`;
    case 'permission':
      return `${page} does not let Welcome Ruhr publish (${why}). Reconnect it and allow publishing, then press “Retry”.`;
    case 'duplicate':
      return `${platform} refused the post as a duplicate of a recent one on ${page}. Change the text a little and send it again.`;
    case 'rate_limit':
      return `${platform}'s limit for ${page} is reached; the post goes out at about {time}.`;
    case 'transient':
    case 'no_response':
      return `${platform} had a problem (${why}); trying again at {time}.`;
    case 'gave_up':
      return `${platform} did not take the post after several tries. The last problem: ${detail.replace(/; trying again at \{time\}\.?$/, '')}. Press “Retry” to try again.`;
    default:
      return `${platform} refused the post for ${page}: ${why}.`;
  }
}
