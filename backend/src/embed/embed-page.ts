import { isCitySlug, isLanguageCode, SOURCE_KINDS, WIDGET_LANGUAGES, WIDGET_LAYOUTS, WIDGET_LIMIT_MAX, WIDGET_RTL_LANGUAGES, WIDGET_THEMES } from '@welcome-ruhr/contracts';

/** The element's attributes that the iframe page passes on from its query, checked one by one. */
export interface EmbedAttributes {
  city?: string;
  topics?: string;
  languages?: string;
  kind?: string;
  limit?: string;
  layout?: string;
  preset?: string;
  theme?: string;
}

type Query = Record<string, unknown>;

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() ? text.trim().toLowerCase() : undefined;
}

function list(value: string | undefined, valid: (v: string) => boolean): string | undefined {
  const values = [...new Set((value ?? '').split(/[\s,]+/).filter(valid))].slice(0, 20);
  return values.length ? values.join(',') : undefined;
}

function oneOf(value: string | undefined, allowed: readonly string[]): string | undefined {
  return value && allowed.includes(value) ? value : undefined;
}

/**
 * What the iframe page shows, from its query: the same names as the element's attributes. A value
 * that is not valid is left out (the element's defaults apply), as the element itself would do.
 */
export function embedAttributes(query: Query): { attributes: EmbedAttributes; lang: string } {
  const limit = single(query, 'limit');
  const attributes: EmbedAttributes = {
    city: isCitySlug(single(query, 'city')) ? single(query, 'city') : undefined,
    topics: list(single(query, 'topics'), (v) => SLUG.test(v)),
    languages: list(single(query, 'languages'), isLanguageCode),
    kind: oneOf(single(query, 'kind'), SOURCE_KINDS),
    limit: limit && /^\d{1,3}$/.test(limit) && +limit >= 1 && +limit <= WIDGET_LIMIT_MAX ? String(+limit) : undefined,
    layout: oneOf(single(query, 'layout'), WIDGET_LAYOUTS),
    preset: UUID.test(single(query, 'preset') ?? '') ? single(query, 'preset') : undefined,
    theme: oneOf(single(query, 'theme'), WIDGET_THEMES),
  };
  const lang = oneOf(single(query, 'lang')?.split('-')[0], WIDGET_LANGUAGES) ?? 'de';
  return { attributes, lang };
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A minimal page around `<welcome-ruhr-feed>`: the same script as on city sites, plus the one that
 * reports the page's height to the embedding page. The iframe cannot inherit the site's language,
 * so `lang` (default German) goes on `<html>`.
 */
export function renderEmbedPage(attributes: EmbedAttributes, lang: string): string {
  const attributeText = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value as string)}"`)
    .join('');
  const dir = WIDGET_RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${escapeAttribute(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Welcome Ruhr</title>
<style>html,body{margin:0;background:transparent}</style>
<script type="module" src="/widgets/feed.js"></script>
<script type="module" src="/widgets/embed-frame.js"></script>
</head>
<body>
<welcome-ruhr-feed${attributeText}></welcome-ruhr-feed>
</body>
</html>
`;
}

/**
 * The page's own policy: unlike the rest of the portal (`frame-ancestors 'none'`) any site may frame
 * it; it runs only the portal's scripts and talks only to the portal.
 */
export const EMBED_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  // The widget's styles live in its shadow root; old browsers without constructed stylesheets need a <style>.
  "style-src 'self' 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');
