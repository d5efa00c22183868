import { parseFeed as feedsmithParse } from 'feedsmith';
import type { AtomFeed, DcNs, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import { resolveUrl } from './canonical-url';
import { EntryDraft, FeedDraft, isImage } from './feed-draft';
import { escapeHtml } from './html-entities';
import { textToHtml } from './plain-text';

/**
 * Reads a document with feedsmith. Throws feedsmith's own errors (MalformedError for XML that is
 * not well-formed, DetectError for unknown formats); the caller decides whether to fall back.
 */
export function readWithFeedsmith(document: string | object, url: string): FeedDraft {
  const parsed = feedsmithParse(document);
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, url);
    case 'atom':
      return fromAtom(parsed.feed, url);
    case 'rdf':
      return fromRdf(parsed.feed, url);
    case 'json':
      return fromJson(parsed.feed, url);
  }
}

type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type AtomLink = AtomFeed.Link<string>;

function fromRss(feed: RssFeed.Feed<string>, url: string): FeedDraft {
  const base = resolveUrl(feed.xml?.base, url) ?? url;
  const ttl = Number(feed.ttl);
  return {
    format: 'rss',
    title: feed.title,
    siteUrl: resolveUrl(feed.link, base) ?? atomLink(feed.atom?.links, base),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? Math.round(ttl) : undefined,
    entries: (feed.items ?? []).map((item) => fromRssItem(item, base)),
    warnings: [],
  };
}

function fromRssItem(item: RssItem, feedBase: string): EntryDraft {
  const base = resolveUrl(item.xml?.base, feedBase) ?? feedBase;
  const guid = item.guid?.value;
  // RSS guids are permalinks unless isPermaLink="false"; only trust one that looks like a web address.
  const guidLink = item.guid?.isPermaLink !== false && guid && /^https?:\/\//i.test(guid) ? guid : undefined;
  return {
    guid,
    title: item.title,
    link: item.link ?? guidLink ?? atomLink(item.atom?.links, base),
    base,
    contentHtml: item.content?.encoded,
    summaryHtml: item.description,
    dates: [item.pubDate, ...dcDates(item.dc), ...(item.dcterms?.issued ?? []), item.atom?.published, item.atom?.updated],
    authors: [
      ...names(item.authors),
      ...(item.dc?.creators ?? []),
      ...(item.itunes?.author ? [item.itunes.author] : []),
      ...names(item.atom?.authors),
    ],
    categories: [...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])],
    images: [
      ...(item.enclosures ?? []).filter((e) => isImage(e.type, undefined, e.url)).map((e) => e.url),
      ...mediaImages(item.media),
      item.itunes?.image,
    ],
  };
}

function fromAtom(feed: AtomFeed.Feed<string>, url: string): FeedDraft {
  const base = resolveUrl(feed.xml?.base, url) ?? url;
  const feedAuthors = names(feed.authors);
  return {
    format: 'atom',
    title: feed.title?.value,
    siteUrl: atomLink(feed.links, base),
    entries: (feed.entries ?? []).map((entry) => fromAtomEntry(entry, base, feedAuthors)),
    warnings: [],
  };
}

function fromAtomEntry(entry: AtomEntry, feedBase: string, feedAuthors: string[]): EntryDraft {
  const base = resolveUrl(entry.xml?.base, feedBase) ?? feedBase;
  const entryAuthors = names(entry.authors);
  return {
    guid: entry.id,
    title: entry.title?.value,
    titleIsText: entry.title?.type === 'text',
    link: atomLink(entry.links, base) ?? entry.content?.src,
    base,
    contentHtml: atomHtml(entry.content),
    summaryHtml: atomHtml(entry.summary),
    dates: [entry.published, entry.updated, ...dcDates(entry.dc)],
    // RFC 4287 §4.2.1: an entry without its own author inherits the feed's.
    authors: [...(entryAuthors.length ? entryAuthors : feedAuthors), ...(entry.dc?.creators ?? [])],
    categories: (entry.categories ?? []).map((category) => category.label ?? category.term),
    images: [
      ...(entry.links ?? []).filter((l) => l.rel === 'enclosure' && isImage(l.type, undefined, l.href)).map((l) => l.href),
      ...mediaImages(entry.media),
      entry.itunes?.image,
    ],
  };
}

function fromRdf(feed: RdfFeed.Feed<string>, url: string): FeedDraft {
  const base = resolveUrl(feed.xml?.base, url) ?? url;
  return {
    format: 'rdf',
    title: feed.title,
    siteUrl: resolveUrl(feed.link, base),
    entries: (feed.items ?? []).map((item) => {
      const itemBase = resolveUrl(item.xml?.base, base) ?? base;
      return {
        title: item.title,
        // RSS 1.0 has no guid; rdf:about is the item's URI and usually its link.
        link: item.link ?? item.rdf?.about,
        base: itemBase,
        contentHtml: item.content?.encoded,
        summaryHtml: item.description,
        dates: [...dcDates(item.dc), ...(item.dcterms?.issued ?? []), item.atom?.published, item.atom?.updated],
        authors: item.dc?.creators ?? [],
        categories: item.dc?.subjects ?? [],
        images: mediaImages(item.media),
      };
    }),
    warnings: [],
  };
}

function fromJson(feed: JsonFeed.Feed<string>, url: string): FeedDraft {
  const feedAuthors = names(feed.authors);
  return {
    format: 'json',
    title: feed.title,
    siteUrl: resolveUrl(feed.home_page_url, url),
    entries: (feed.items ?? []).map((item) => {
      const itemAuthors = names(item.authors);
      return {
        guid: item.id === undefined ? undefined : String(item.id),
        title: item.title,
        titleIsText: true,
        link: item.url ?? item.external_url,
        base: url,
        contentHtml: item.content_html ?? textToHtml(item.content_text),
        // JSON Feed's summary is plain text.
        summaryHtml: item.summary ? escapeHtml(item.summary) : undefined,
        dates: [item.date_published, item.date_modified],
        authors: itemAuthors.length ? itemAuthors : feedAuthors,
        categories: item.tags ?? [],
        images: [
          item.image,
          item.banner_image,
          ...(item.attachments ?? []).filter((a) => isImage(a.mime_type, undefined, a.url)).map((a) => a.url),
        ],
      };
    }),
    warnings: [],
  };
}

/** Atom text constructs: HTML as is; `type="text"` (or text without markup) escaped into HTML. */
function atomHtml(text: AtomFeed.Content | AtomFeed.Text | undefined): string | undefined {
  const value = text?.value;
  if (!value) return undefined;
  const type = text.type?.toLowerCase();
  if (type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml') return value;
  if (type === 'text' || type === 'text/plain') return textToHtml(value);
  if (type) return undefined; // out-of-line or binary content (image/png …) is not a body
  // No type means text by the spec, but many feeds leave it off around markup.
  return /<[A-Za-z]/.test(value) ? value : textToHtml(value);
}

/** The entry's web page: rel="alternate" (the default rel) with an HTML type if there is a choice. */
function atomLink(links: AtomLink[] | undefined, base: string): string | undefined {
  if (!links?.length) return undefined;
  const alternates = links.filter((link) => !link.rel || link.rel === 'alternate');
  const best = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return best ? resolveUrl(best.href, base) ?? best.href : undefined;
}

function mediaImages(media: MediaNs.ItemOrFeed | undefined): Array<string | undefined> {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => group.contents ?? [])];
  const images = contents.filter((c) => isImage(c.type, c.medium, c.url, true)).map((c) => c.url);
  const thumbnails = [media, ...contents, ...(media.groups ?? [])].flatMap((m) => m.thumbnails ?? []);
  return [...images, ...thumbnails.map((thumbnail) => thumbnail.url)];
}

function dcDates(dc: DcNs.ItemOrFeed<string> | undefined): string[] {
  return dc?.dates ?? [];
}

function names(people: Array<{ name?: string }> | undefined): string[] {
  return (people ?? []).map((person) => person.name).filter((name): name is string => !!name?.trim());
}
