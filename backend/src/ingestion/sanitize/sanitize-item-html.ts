import sanitizeHtml from 'sanitize-html';
import { DROP_WITH_CONTENT, normalizeBlockStructure } from './block-structure';
import { IMAGE_SCHEMES, LINK_SCHEMES, resolveSafeUrl } from './safe-url';
import { canonicalEmbedUrl, EMBED_FRAME_ATTRIBUTES, EMBED_HOSTS } from './video-embeds';

export interface SanitizeOptions {
  /** The item's own address; relative links and images are resolved against it. */
  baseUrl?: string;
}

/** What an item's HTML may contain. Anything else is dropped (its text kept, except for DROP_WITH_CONTENT). */
export const ALLOWED_TAGS: readonly string[] = [
  'p', 'br', 'a', 'strong', 'em', 'b', 'i', 'u', 'span', 'ul', 'ol', 'li', 'blockquote',
  'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'img', 'pre', 'code', 'hr',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'iframe',
];

export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  iframe: ['src', 'width', 'height', 'title', 'sandbox', 'loading', 'referrerpolicy', 'allowfullscreen'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
};

export const LINK_REL = 'noopener noreferrer nofollow';

// Feed trackers that do not always declare themselves as 1×1 images.
const TRACKING_IMAGE_URL =
  /^https?:\/\/(?:[^/]+\.)?(?:feeds\.feedburner\.com\/~[rf]\/|pixel\.wp\.com\/|stats\.wordpress\.com\/|facebook\.com\/tr[/?])/i;

// Lazy-loading themes put the real address in data-* and a placeholder (often data:) in src.
const IMAGE_SOURCE_ATTRIBUTES = ['src', 'data-src', 'data-lazy-src', 'data-original'];

/** A size in CSS pixels ("300", "300px"), or undefined for anything else (percentages, garbage). */
function pixelSize(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d{1,5})(?:px)?$/i);
  return match ? Number(match[1]) : undefined;
}

function setIf(target: Record<string, string>, name: string, value: string | undefined): void {
  if (value !== undefined && value.trim() !== '') target[name] = value.trim();
}

function transformLink(attribs: sanitizeHtml.Attributes, baseUrl: string | undefined): sanitizeHtml.Tag {
  const href = resolveSafeUrl(attribs.href, baseUrl, LINK_SCHEMES);
  // A refused address unwraps the link: its words stay, as text. (A disallowed tag name is discarded by
  // the sanitizer while its content is kept.)
  if (!href) return { tagName: 'unlinked', attribs: {} };
  const result: Record<string, string> = { href, rel: LINK_REL, target: '_blank' };
  setIf(result, 'title', attribs.title);
  return { tagName: 'a', attribs: result };
}

function transformImage(attribs: sanitizeHtml.Attributes, baseUrl: string | undefined): sanitizeHtml.Tag {
  const width = pixelSize(attribs.width);
  const height = pixelSize(attribs.height);
  const src = IMAGE_SOURCE_ATTRIBUTES.map((name) => resolveSafeUrl(attribs[name], baseUrl, IMAGE_SCHEMES)).find(
    (url) => url !== null,
  );
  const isTracker = (width !== undefined && width <= 1) || (height !== undefined && height <= 1);
  if (!src || isTracker || TRACKING_IMAGE_URL.test(src)) return { tagName: 'img', attribs: {} };
  const result: Record<string, string> = { src, loading: 'lazy' };
  // alt="" is meaningful (a decorative image), so it is kept even when empty.
  if (attribs.alt !== undefined) result.alt = attribs.alt.trim();
  setIf(result, 'title', attribs.title);
  if (width) result.width = String(width);
  if (height) result.height = String(height);
  return { tagName: 'img', attribs: result };
}

function transformFrame(attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const src = canonicalEmbedUrl(attribs.src);
  if (!src) return { tagName: 'iframe', attribs: {} };
  const result: Record<string, string> = { src, ...EMBED_FRAME_ATTRIBUTES };
  setIf(result, 'title', attribs.title);
  const width = pixelSize(attribs.width);
  const height = pixelSize(attribs.height);
  if (width) result.width = String(width);
  if (height) result.height = String(height);
  return { tagName: 'iframe', attribs: result };
}

function transformCell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const result: Record<string, string> = {};
  for (const name of ['colspan', 'rowspan']) {
    const span = attribs[name]?.trim();
    if (span && /^\d{1,3}$/.test(span) && Number(span) > 1) result[name] = span;
  }
  const scope = attribs.scope?.trim().toLowerCase();
  if (tagName === 'th' && scope && ['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) result.scope = scope;
  return { tagName, attribs: result };
}

function transformList(attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const start = attribs.start?.trim();
  return { tagName: 'ol', attribs: start && /^\d{1,6}$/.test(start) ? { start } : {} };
}

/** Images and frames whose source was refused would render as broken boxes. */
function isBrokenMedia(frame: sanitizeHtml.IFrame): boolean {
  return (frame.tag === 'img' || frame.tag === 'iframe') && !frame.attribs.src;
}

// Paragraphs and links with nothing visible inside. Matched on the sanitizer's own canonical output, where
// attribute values cannot contain ">" (it escapes them); sanitize-html's frame text cannot be used for this
// because it does not see text through nested elements reliably.
const EMPTY_PARAGRAPH = /<p>(?:\s|&nbsp;|\u00a0|\u200b|<br \/>)*<\/p>/g;
const EMPTY_LINK = /<a [^>]*>(?:\s|&nbsp;|\u00a0|\u200b)*<\/a>/g;

function sanitizerOptions(baseUrl: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'poster'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...EMBED_HOSTS],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Must keep script and style: their text would otherwise be copied out unescaped.
    nonTextTags: [...DROP_WITH_CONTENT],
    allowVulnerableTags: false,
    transformTags: {
      h1: 'h2',
      a: (_tag, attribs) => transformLink(attribs, baseUrl),
      img: (_tag, attribs) => transformImage(attribs, baseUrl),
      iframe: (_tag, attribs) => transformFrame(attribs),
      th: (tag, attribs) => transformCell(tag, attribs),
      td: (tag, attribs) => transformCell(tag, attribs),
      ol: (_tag, attribs) => transformList(attribs),
    },
    exclusiveFilter: isBrokenMedia,
  };
}

/**
 * Makes an item's HTML safe to show inside a city's website: an allowlist of text markup, links that open
 * in a new tab without leaking the reader, images over http(s) without trackers, and frames only for
 * YouTube (through youtube-nocookie) and Vimeo, sandboxed.
 */
export function sanitizeItemHtml(html: string, opts: SanitizeOptions = {}): string {
  if (!html) return '';
  const structured = normalizeBlockStructure(html);
  return sanitizeHtml(structured, sanitizerOptions(opts.baseUrl))
    .replace(EMPTY_LINK, '')
    .replace(EMPTY_PARAGRAPH, '')
    .trim();
}
