import { FeedFormat } from './feed.types';

/*
 * What each parser adapter hands to the normaliser: the raw values per entry, already picked from
 * the format's fields, not yet cleaned. Keeping the two parsers behind this one shape means every
 * rule about keys, titles, dates and URLs lives once, in normalize-item.ts.
 */

export interface EntryDraft {
  guid?: string;
  title?: string;
  /** The title is declared plain text (Atom type="text", JSON Feed); else it is read as HTML. */
  titleIsText?: boolean;
  link?: string;
  /** Absolute base for this entry's relative links (xml:base chain, else the feed's address). */
  base: string;
  /** The full body as HTML: content:encoded, Atom content, content_html. */
  contentHtml?: string;
  /** The short form as HTML: description, Atom summary, JSON summary. */
  summaryHtml?: string;
  /** Date candidates, most fitting for "published" first. */
  dates: Array<string | Date | undefined>;
  authors: string[];
  categories: Array<string | undefined>;
  /** Image URL candidates in order of preference; may be relative. */
  images: Array<string | undefined>;
}

export interface FeedDraft {
  format: FeedFormat;
  title?: string;
  siteUrl?: string;
  ttlMinutes?: number;
  entries: EntryDraft[];
  warnings: string[];
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * Enclosures and media elements carry audio and video too; only pictures qualify as the image.
 * Without medium or type, `assumeImage` decides: media:content in news feeds is nearly always a
 * picture, an enclosure (podcasts) is only one when its file name says so.
 */
export function isImage(
  type: string | undefined,
  medium: string | undefined,
  url: string | undefined,
  assumeImage = false,
): boolean {
  if (medium) return medium === 'image';
  if (type) return type.toLowerCase().startsWith('image');
  return !!url && (assumeImage || IMAGE_EXTENSION.test(url));
}
