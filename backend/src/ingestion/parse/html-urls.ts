import { resolveUrl } from './canonical-url';
import { decodeEntities } from './html-entities';

/*
 * Feed HTML is shown far from the site it came from (a city widget, the portal), where a relative
 * `src="/img/a.jpg"` would point at the wrong host; the sanitizer would rather drop such links.
 * The tolerant parser already resolves them; this does the same for the primary parser's output.
 */

const OPEN_TAG = /<[A-Za-z][^>]*>/g;
const URL_ATTRIBUTE = /(\s(?:href|src|poster|srcset)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ABSOLUTE_OR_SPECIAL = /^(?:[A-Za-z][A-Za-z0-9+.-]*:|#)/;
const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
// 1×1 images are tracking pixels (newsletters, analytics), never the item's picture.
const PIXEL = /\s(?:width|height)\s*=\s*["']?[01](?:px)?["'\s>]/i;

/** The HTML with every relative href/src/poster/srcset made absolute against `base`. */
export function absolutizeHtmlUrls(html: string, base: string | undefined): string {
  if (!base || !html) return html;
  return html.replace(OPEN_TAG, (tag) => {
    if (!/(?:href|src|poster)/i.test(tag)) return tag;
    return tag.replace(URL_ATTRIBUTE, (whole, prefix: string, dq?: string, sq?: string, bare?: string) => {
      const value = dq ?? sq ?? bare ?? '';
      const isSrcset = /srcset/i.test(prefix);
      const resolved = isSrcset ? absolutizeSrcset(value, base) : absolutize(value, base);
      if (resolved === value) return whole;
      const quote = sq !== undefined ? "'" : '"';
      return `${prefix}${quote}${resolved}${quote}`;
    });
  });
}

/** The first real picture in the HTML (tracking pixels and data: URIs skipped), absolute. */
export function firstImageUrl(html: string | undefined, base: string | undefined): string | undefined {
  if (!html || !/<img/i.test(html)) return undefined;
  for (const [tag] of html.matchAll(IMG_TAG)) {
    if (PIXEL.test(tag)) continue;
    const src = SRC_ATTRIBUTE.exec(tag);
    const value = src && (src[1] ?? src[2] ?? src[3]);
    const url = value ? resolveUrl(decodeEntities(value), base) : undefined;
    if (url) return url;
  }
  return undefined;
}

function absolutize(value: string, base: string): string {
  const trimmed = value.trim();
  if (!trimmed || ABSOLUTE_OR_SPECIAL.test(trimmed)) return value;
  // Entities stay as written: the value goes back into HTML, where `&amp;` is still correct.
  return resolveUrl(trimmed, base) ?? value;
}

function absolutizeSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return [absolutize(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}
