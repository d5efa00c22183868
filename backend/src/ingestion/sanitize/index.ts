export { htmlToText, textOnly } from './html-to-text';
export { resolveSafeUrl } from './safe-url';
export { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, sanitizeItemHtml, type SanitizeOptions } from './sanitize-item-html';
export { canonicalEmbedUrl } from './video-embeds';
