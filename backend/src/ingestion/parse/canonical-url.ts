/*
 * Canonical item URLs make the link a stable key across fetches (newsletters and social shares
 * append fresh tracking parameters every time) and keep click tracking out of what we publish.
 */

// Exact names; compared lower-case. Generic names such as `ref` or `source` are left alone:
// on many sites they select content.
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp',
  'hsctatracking', 'mkt_tok', 'ref_src', 'ref_url', 'oly_anon_id', 'oly_enc_id', '_openstat',
  'vero_id', 'vero_conv', 'wickedid', 'srsltid', 'cmpid', 'at_medium', 'at_campaign',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * Absolute http(s) URL of `url` (resolved against `base`) with tracking parameters and the
 * fragment removed; other parameters keep their order and spelling. `undefined` when the input is
 * empty, unparseable or not http(s) — a `javascript:` or `mailto:` link is no article address.
 */
export function canonicalizeUrl(url: string | undefined | null, base?: string): string | undefined {
  const parsed = toAbsoluteUrl(url, base);
  if (!parsed) return undefined;
  parsed.hash = '';
  if (parsed.search) {
    // Filter the raw pairs instead of going through URLSearchParams, which would re-encode
    // values (`%20` → `+`) and so change URLs that need no change.
    const kept = parsed.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(safeDecode(pair.split('=', 1)[0])));
    parsed.search = kept.length ? `?${kept.join('&')}` : '';
  }
  return parsed.href;
}

/** Absolute http(s) URL, nothing else changed; for images and sites. */
export function resolveUrl(url: string | undefined | null, base?: string): string | undefined {
  return toAbsoluteUrl(url, base)?.href;
}

function toAbsoluteUrl(url: string | undefined | null, base?: string): URL | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  // An unusable base must not spoil a URL that is absolute anyway.
  const parsed = parseUrl(trimmed, base) ?? parseUrl(trimmed);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed : undefined;
}

function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base || undefined);
  } catch {
    return undefined;
  }
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}
