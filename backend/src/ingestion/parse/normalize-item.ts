import { createHash } from 'node:crypto';
import { canonicalizeUrl, resolveUrl } from './canonical-url';
import { EntryDraft, FeedDraft } from './feed-draft';
import { resolvePublishedAt } from './feed-date';
import { ParsedFeed, ParseFeedOptions, RawFeedItem } from './feed.types';
import { decodeEntities } from './html-entities';
import { absolutizeHtmlUrls, firstImageUrl } from './html-urls';
import { collapseWhitespace, htmlToText, truncateAtWord } from './plain-text';

export const SUMMARY_MAX_CHARS = 300;
export const DERIVED_TITLE_MAX_CHARS = 80;

const EMAIL_ONLY = /^[^\s@]+@[^\s@]+$/;

export function normalizeFeed(draft: FeedDraft, options: ParseFeedOptions): ParsedFeed {
  const items: RawFeedItem[] = [];
  let empty = 0;
  for (const entry of draft.entries) {
    const item = normalizeEntry(entry, options.fetchedAt);
    if (item) items.push(item);
    else empty++;
  }
  const warnings = [...draft.warnings];
  if (empty) warnings.push(`${empty} item(s) had no title, text or link and were skipped.`);
  return {
    format: draft.format,
    title: htmlToText(draft.title) || undefined,
    siteUrl: resolveUrl(draft.siteUrl, options.url),
    ttlMinutes: draft.ttlMinutes,
    items,
    warnings,
  };
}

/** One entry as a RawFeedItem, or `undefined` when it carries nothing to show. */
export function normalizeEntry(entry: EntryDraft, fetchedAt: Date): RawFeedItem | undefined {
  const bodyHtml = (nonBlank(entry.contentHtml) ?? nonBlank(entry.summaryHtml) ?? '').trim();
  const contentHtml = absolutizeHtmlUrls(bodyHtml, entry.base);
  const url = canonicalizeUrl(entry.link, entry.base);

  // The summary prefers the publisher's own short form; the full text is the fallback.
  const text = htmlToText(entry.summaryHtml) || htmlToText(entry.contentHtml);
  const title = titleText(entry) || truncateAtWord(text, DERIVED_TITLE_MAX_CHARS) || url;
  if (!title) return undefined;

  const guid = entry.guid ? collapseWhitespace(entry.guid) || undefined : undefined;
  return {
    key: guid ?? url ?? contentHash(title, contentHtml),
    guid,
    title,
    summary: truncateAtWord(text, SUMMARY_MAX_CHARS),
    contentHtml,
    url,
    imageUrl: imageUrl(entry, contentHtml),
    publishedAt: resolvePublishedAt(entry.dates, fetchedAt),
    author: authorNames(entry.authors),
    categories: uniqueTexts(entry.categories),
  };
}

function titleText(entry: EntryDraft): string {
  if (!entry.title) return '';
  // A declared plain-text title may contain "<" legitimately ("Tempo <30"); HTML-ish ones may not.
  return entry.titleIsText ? collapseWhitespace(decodeEntities(entry.title)) : htmlToText(entry.title);
}

/**
 * Key of last resort, for items with neither guid nor link: whitespace is collapsed first so a
 * re-indented template produces the same key on the next fetch.
 */
function contentHash(title: string, contentHtml: string): string {
  return createHash('sha256').update(`${title}\n${collapseWhitespace(contentHtml)}`).digest('hex');
}

function imageUrl(entry: EntryDraft, contentHtml: string): string | undefined {
  for (const candidate of entry.images) {
    const url = resolveUrl(candidate, entry.base);
    if (url) return url;
  }
  return firstImageUrl(contentHtml, entry.base) ?? firstImageUrl(entry.summaryHtml, entry.base);
}

/** Names only: a bare e-mail address is personal data we have no reason to publish. */
function authorNames(authors: string[]): string | undefined {
  const names = uniqueTexts(authors).filter((name) => !EMAIL_ONLY.test(name));
  return names.length ? names.join(', ') : undefined;
}

function uniqueTexts(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const text = htmlToText(value);
    const folded = text.toLowerCase();
    if (!text || seen.has(folded)) continue;
    seen.add(folded);
    result.push(text);
  }
  return result;
}

function nonBlank(value: string | undefined): string | undefined {
  return value && value.trim() ? value : undefined;
}
