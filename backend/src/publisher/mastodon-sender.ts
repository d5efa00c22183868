import { channelText } from '@welcome-ruhr/contracts';
import type { MastodonClient } from '../channels/mastodon/mastodon-client';
import { htmlToText } from '../ingestion/parse';
import { normalizeMessage, type ChannelSender, type ExternalPost, type FindContext, type SendContext } from './channel-sender';

/** Mastodon keeps Idempotency-Keys for an hour; inside that, sending again with the same key is safe. */
const IDEMPOTENCY_SAFE_MS = 55 * 60 * 1000;

/**
 * Statuses with the delivery's id as Idempotency-Key, so a repeated send after an unknown outcome
 * returns the first status instead of posting twice. Past the hour the key is forgotten, and the
 * account's recent statuses are searched instead.
 */
export class MastodonSender implements ChannelSender {
  constructor(
    private readonly mastodon: MastodonClient,
    private readonly loadImage: (postId: string) => Promise<{ content: Buffer; contentType: string } | null>,
  ) {}

  async send({ delivery, accessToken }: SendContext): Promise<ExternalPost> {
    const instance = instanceOf(delivery);
    const mediaIds: string[] = [];
    if (delivery.post.imageUpdatedAt) {
      const image = await this.loadImage(delivery.postId);
      if (image) mediaIds.push((await this.mastodon.uploadMedia(instance, accessToken, image.content, image.contentType)).id);
    }
    const status = await this.mastodon.postStatus(instance, accessToken, { status: this.text(delivery), mediaIds }, delivery.id);
    return { id: status.id, url: status.url };
  }

  async find({ delivery, accessToken, since, taken }: FindContext): Promise<ExternalPost | null> {
    if (Date.now() - since.getTime() < IDEMPOTENCY_SAFE_MS) return null;
    const accountId = delivery.channel.externalId.split('@')[0];
    const statuses = await this.mastodon.recentStatuses(instanceOf(delivery), accessToken, accountId);
    const wanted = normalizeMessage(this.text(delivery)).replace(/\s+/g, ' ');
    const candidates = statuses.filter(
      (s) => Date.parse(s.created_at) >= since.getTime() - 2 * 60 * 1000 && htmlToText(s.content ?? '') === wanted,
    );
    const others = await taken(candidates.map((c) => c.id));
    const mine = candidates.filter((c) => !others.has(c.id)).at(-1);
    return mine ? { id: mine.id, url: mine.url } : null;
  }

  private text(delivery: SendContext['delivery']): string {
    return channelText('mastodon', delivery.post.text, delivery.post.link);
  }
}

function instanceOf(delivery: SendContext['delivery']): string {
  if (!delivery.channel.instanceUrl) throw new Error('A Mastodon channel without its instance address');
  return delivery.channel.instanceUrl;
}
