import FeedParser from 'feedparser';
import { resolveUrl } from './canonical-url';
import { EntryDraft, FeedDraft, isImage } from './feed-draft';
import { FeedFormat } from './feed.types';

export interface FeedparserResult {
  draft: FeedDraft;
  /** The XML errors it read past (empty for a clean document). */
  errors: Error[];
}

/** The XML parser's own words for an XML error, and its 1-based line. */
export interface XmlErrorLocation {
  reason: string;
  line: number;
}

// feedparser's raw fields: `{ '@': attributes, '#': text }`, repeated elements as arrays.
type RawNode = { '@'?: Record<string, string>; '#'?: string } & Record<string, unknown>;

/**
 * Reads a document with feedparser in its tolerant (non-strict SAX) mode: it reads past broken
 * markup and resolves relative links itself. Rejects only when the document is no feed at all.
 */
export function readWithFeedparser(body: string, url: string): Promise<FeedparserResult> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ feedurl: url, addmeta: false, resume_saxerror: true });
    const items: FeedParser.Item[] = [];
    let settled = false;
    parser.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read())) items.push(item);
    });
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      // `errors` (what resume_saxerror skipped) is public in feedparser but missing from its typings.
      const { errors } = parser as unknown as { errors: Error[] };
      // Inside a stream event a throw would escape the promise and take the process down.
      try {
        resolve({ draft: toDraft(parser.meta, items, url), errors });
      } catch (error) {
        reject(error);
      }
    });
    parser.end(body);
  });
}

/**
 * Where the document first stops being well-formed XML, from a strict SAX pass. Only called
 * when both parsers have failed, so the moderator's message can name a line.
 */
export function locateXmlError(body: string): Promise<XmlErrorLocation | undefined> {
  return new Promise((resolve) => {
    const parser = new FeedParser({ strict: true, resume_saxerror: false, addmeta: false });
    parser.on('error', (error: Error) => resolve(describeSaxError(error)));
    parser.on('end', () => resolve(undefined));
    parser.resume();
    parser.end(body);
  });
}

function describeSaxError(error: Error): XmlErrorLocation | undefined {
  // sax writes "Unexpected close tag\nLine: 11\nColumn: 8\nChar: >" with a 0-based line;
  // feedparser's own "Not a feed" carries no line and says nothing about well-formedness.
  const [reason, ...details] = error.message.split('\n');
  const line = details.map((detail) => /^Line: (\d+)/.exec(detail)).find(Boolean);
  return line ? { reason: reason.trim(), line: Number(line[1]) + 1 } : undefined;
}

function toDraft(meta: Record<string, unknown>, items: FeedParser.Item[], url: string): FeedDraft {
  const ttl = Number(text(meta['rss:ttl']));
  return {
    format: (meta['#type'] as FeedFormat | undefined) ?? 'rss',
    title: (meta.title as string | null) ?? undefined,
    siteUrl: resolveUrl(meta.link as string | null, url),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? Math.round(ttl) : undefined,
    entries: items.map((item) => toEntry(item, url)),
    warnings: [],
  };
}

function toEntry(item: FeedParser.Item, url: string): EntryDraft {
  // feedparser copies the link into `guid` when there is none; the key must know the difference.
  const guid = text(item['rss:guid']) ?? text(item['atom:id']);
  const base = attribute(item['atom:@'], 'xml:base') ?? attribute(item['rss:@'], 'xml:base') ?? url;
  return {
    guid,
    title: item.title ?? undefined,
    link: item.link ?? item.origlink ?? undefined,
    base,
    // feedparser puts content:encoded/Atom content in `description` and the short form in `summary`.
    contentHtml: item.description ?? undefined,
    summaryHtml: item.summary ?? undefined,
    dates: [
      text(item['rss:pubdate']),
      text(item['atom:published']),
      text(item['atom:issued']),
      text(item['dc:date']),
      text(item['atom:updated']),
      text(item['atom:modified']),
      item.pubdate ?? undefined,
      item.date ?? undefined,
    ],
    authors: item.author ? [item.author] : [],
    categories: item.categories ?? [],
    images: [
      ...(item.enclosures ?? []).filter((e) => isImage(e.type, undefined, e.url)).map((e) => e.url),
      ...nodes(item['media:content'])
        .filter((node) => isImage(node['@']?.type, node['@']?.medium, node['@']?.url, true))
        .map((node) => node['@']?.url),
      item.image?.url,
    ],
  };
}

function nodes(value: unknown): RawNode[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]) as RawNode[];
}

function text(value: unknown): string | undefined {
  const node = nodes(value)[0];
  const content = node?.['#'];
  return typeof content === 'string' && content.trim() ? content : undefined;
}

function attribute(value: unknown, name: string): string | undefined {
  const attributes = value as Record<string, string> | undefined;
  return attributes?.[name] || undefined;
}
