import { channelText } from '@welcome-ruhr/contracts';
import type { GraphClient } from '../facebook/graph-client';
import { normalizeMessage, type ChannelSender, type ExternalPost, type FindContext, type SendContext } from './channel-sender';

interface RecentPosts {
  data?: { id: string; message?: string; created_time?: string; permalink_url?: string }[];
  paging?: { next?: string };
}

/** Facebook's clock and ours may differ a little; a post made this much before our first send still counts. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;
/** Pages of recent posts searched for an attempt of unknown outcome. */
const SEARCH_PAGES = 2;

/**
 * Page posts: `POST /{page-id}/feed` with message and link, or `/{page-id}/photos` with the image's
 * public address and the text as caption. An attempt of unknown outcome is looked for among the page's
 * recent posts: the same message, made since the first send, not recorded by another delivery.
 */
export class FacebookSender implements ChannelSender {
  constructor(private readonly graph: GraphClient) {}

  async send({ delivery, accessToken, imageUrl, timeoutMs }: SendContext): Promise<ExternalPost> {
    const pageId = delivery.channel.externalId;
    if (imageUrl) {
      const caption = this.message(delivery, true);
      const answer = await this.graph.post<{ id: string; post_id?: string }>(`${pageId}/photos`, { url: imageUrl, caption, published: true }, accessToken, timeoutMs);
      const id = answer.data.post_id ?? answer.data.id;
      return { id, url: permalink(id) };
    }
    const params: Record<string, unknown> = { message: this.message(delivery, false) };
    if (delivery.post.link) params['link'] = delivery.post.link;
    const answer = await this.graph.post<{ id: string }>(`${pageId}/feed`, params, accessToken, timeoutMs);
    return { id: answer.data.id, url: permalink(answer.data.id) };
  }

  async find({ delivery, accessToken, imageUrl, since, taken, timeoutMs }: FindContext): Promise<ExternalPost | null> {
    const wanted = normalizeMessage(this.message(delivery, imageUrl !== null));
    const earliest = since.getTime() - CLOCK_SKEW_MS;
    let answer = await this.graph.get<RecentPosts>(
      `${delivery.channel.externalId}/posts`,
      { fields: 'id,message,created_time,permalink_url', limit: 25 },
      accessToken,
      timeoutMs,
    );
    for (let page = 1; ; page++) {
      const posts = answer.data.data ?? [];
      const candidates = posts.filter((p) => normalizeMessage(p.message ?? '') === wanted && Date.parse(p.created_time ?? '') >= earliest);
      if (candidates.length > 0) {
        const others = await taken(candidates.map((c) => c.id));
        // The oldest match: if a second copy exists it was made later, and is the one to remove.
        const mine = candidates.filter((c) => !others.has(c.id)).at(-1);
        if (mine) return { id: mine.id, url: mine.permalink_url ?? permalink(mine.id) };
      }
      // Newest first: once posts are older than the first send, ours cannot come further down.
      const oldest = posts.at(-1);
      const next = answer.data.paging?.next;
      if (!next || !oldest || Date.parse(oldest.created_time ?? '') < earliest || page >= SEARCH_PAGES) return null;
      answer = await this.graph.getNext<RecentPosts>(next, accessToken);
    }
  }

  /** A photo post has no link field: the link goes into the caption. */
  private message(delivery: SendContext['delivery'], photo: boolean): string {
    return photo ? channelText('mastodon', delivery.post.text, delivery.post.link) : delivery.post.text;
  }
}

function permalink(id: string): string {
  return `https://www.facebook.com/${id}`;
}
