import { createHash } from 'node:crypto';
import { enrichItem, type TopicTaxonomy } from '../enrich';
import type { RawFeedItem } from '../parse';
import { htmlToText, sanitizeItemHtml, textOnly } from '../sanitize';

/** What the pipeline needs to know about the source an item came from. */
export interface IngestSource {
  id: string;
  cities: readonly string[];
  topics: readonly string[];
  languages: readonly string[];
  autoApprove: boolean;
}

/** An item ready to store: sanitized, plain-text title and summary, tagged. Field names follow the items table. */
export interface PreparedItem {
  key: string;
  title: string;
  summary: string;
  html: string;
  url: string | null;
  image_url: string | null;
  author: string | null;
  published_at: string;
  content_hash: string;
  language: string | null;
  language_confidence: number | null;
  cities: string[];
  topics: string[];
  /** Text the moderation rules are matched against. Not stored. */
  ruleText: string;
}

// Column widths of the items table.
const KEY_MAX = 512;
const AUTHOR_MAX = 200;
const TITLE_MAX = 1000;

/**
 * The item's identity within its source. Keys longer than the column (some feeds use whole URLs with
 * long query strings as guids) become their hash, which is just as stable.
 */
export function storageKey(key: string): string {
  return key.length <= KEY_MAX ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * A hash of what the feed delivered, before sanitizing and tagging: a known item with the same hash
 * is skipped without any of that work, which is what most re-fetches of a 200 response consist of.
 */
export function contentHash(raw: RawFeedItem): string {
  return createHash('sha256')
    .update(JSON.stringify([raw.title, raw.summary, raw.contentHtml, raw.url ?? null, raw.imageUrl ?? null, raw.author ?? null]))
    .digest('hex');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Sanitize, reduce title and summary to text, and tag one item with language, cities and topics. */
export function prepareItem(raw: RawFeedItem, source: IngestSource, taxonomy: TopicTaxonomy, feedUrl: string, hash = contentHash(raw)): PreparedItem {
  const html = sanitizeItemHtml(raw.contentHtml, { baseUrl: raw.url ?? feedUrl });
  const title = cut(textOnly(raw.title) || raw.url || 'Untitled', TITLE_MAX);
  const summary = textOnly(raw.summary);
  const text = htmlToText(html);
  const enrichment = enrichItem(
    { title, summary, text, sourceCities: source.cities, sourceLanguages: source.languages, sourceTopics: source.topics },
    taxonomy,
  );
  const author = raw.author ? cut(textOnly(raw.author), AUTHOR_MAX) || null : null;
  return {
    key: storageKey(raw.key),
    title,
    summary,
    html,
    url: raw.url ?? null,
    image_url: raw.imageUrl ?? null,
    author,
    published_at: raw.publishedAt.toISOString(),
    content_hash: hash,
    language: enrichment.language,
    language_confidence: enrichment.language ? enrichment.languageConfidence : null,
    cities: enrichment.cities,
    topics: enrichment.topics,
    ruleText: `${title}\n${summary}\n${text}`,
  };
}
