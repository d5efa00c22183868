/** The feed family a document belongs to; RSS 0.9x and 2.0 are both `rss`, RSS 1.0/0.90 is `rdf`. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParseFeedOptions {
  /** The address the feed was fetched from: base for relative links and for the error texts. */
  url: string;
  /** When the fetch happened: stands in for missing, unparseable or future publication dates. */
  fetchedAt: Date;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  siteUrl?: string;
  /** RSS `<ttl>`: how long the publisher asks readers to cache the feed. */
  ttlMinutes?: number;
  items: RawFeedItem[];
  /**
   * Problems we recovered from (for the source's status line), e.g. the XML was broken and the
   * tolerant parser had to take over. Empty when the feed was clean.
   */
  warnings: string[];
}

/** One item as the feed delivered it, normalised but not yet sanitised, deduplicated or tagged. */
export interface RawFeedItem {
  /** Stable per source across re-fetches: guid/id, else canonical link, else a content hash. */
  key: string;
  guid?: string;
  /** Plain text. */
  title: string;
  /** Plain text, at most about 300 characters. */
  summary: string;
  /** UNSANITISED HTML, relative links made absolute; the sanitizer runs after this stage. */
  contentHtml: string;
  /** Absolute and canonical (tracking parameters and fragment removed). */
  url?: string;
  /** Absolute. */
  imageUrl?: string;
  publishedAt: Date;
  author?: string;
  categories: string[];
}
