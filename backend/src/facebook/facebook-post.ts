import { canonicalizeUrl, DERIVED_TITLE_MAX_CHARS, resolvePublishedAt, SUMMARY_MAX_CHARS, truncateAtWord, type RawFeedItem } from '../ingestion/parse';
import { collapseWhitespace, textToHtml } from '../ingestion/parse/plain-text';

/** A page post as `/{page-id}/posts` returns it with PAGE_POST_FIELDS. */
export interface GraphPagePost {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
  full_picture?: string;
  attachments?: { data?: GraphAttachment[] };
}

export interface GraphAttachment {
  type?: string;
  url?: string;
  unshimmed_url?: string;
  title?: string;
  description?: string;
  media?: { image?: { src?: string } };
}

export const PAGE_POST_FIELDS = 'id,message,created_time,permalink_url,full_picture,attachments{type,url,unshimmed_url,title,description,media}';

/** The attachment's own address: Facebook wraps shared links in l.facebook.com redirects, `unshimmed_url` is the real one. */
function attachmentUrl(attachment: GraphAttachment): string | undefined {
  return attachment.unshimmed_url ?? attachment.url;
}

/**
 * A page post as the pipeline takes items: keyed by the post id, titled by its first line, the message
 * as paragraphs plus the shared link, the picture, the permalink. Unsanitised: the pipeline sanitises.
 */
export function toRawFeedItem(post: GraphPagePost, pageName: string, fetchedAt: Date): RawFeedItem {
  const message = (post.message ?? '').trim();
  const attachments = post.attachments?.data ?? [];
  const shared = attachments.find((a) => a.type === 'share' || a.type === 'link');
  const firstLine = collapseWhitespace(message.split('\n').find((line) => line.trim()) ?? '');
  const title = truncateAtWord(firstLine || collapseWhitespace(shared?.title ?? '') || `Post by ${pageName}`, DERIVED_TITLE_MAX_CHARS);
  const paragraphs = [textToHtml(message)];
  const sharedUrl = shared ? attachmentUrl(shared) : undefined;
  if (shared && sharedUrl) {
    const label = shared.title?.trim() || sharedUrl;
    paragraphs.push(`<p><a href="${escapeAttribute(sharedUrl)}">${escapeText(label)}</a></p>`);
    if (shared.description?.trim()) paragraphs.push(textToHtml(shared.description));
  }
  const image = post.full_picture ?? attachments.find((a) => a.media?.image?.src)?.media?.image?.src;
  return {
    key: post.id,
    guid: post.id,
    title,
    summary: truncateAtWord(collapseWhitespace(message || shared?.description || ''), SUMMARY_MAX_CHARS),
    contentHtml: paragraphs.filter(Boolean).join('\n'),
    url: canonicalizeUrl(post.permalink_url) ?? `https://www.facebook.com/${post.id}`,
    imageUrl: image || undefined,
    publishedAt: resolvePublishedAt([post.created_time], fetchedAt),
    author: pageName,
    categories: [],
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
