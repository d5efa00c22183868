import type { SourceType } from '@welcome-ruhr/contracts';

export type NormalizedUrl = { url: string; problem?: undefined } | { url?: undefined; problem: string };

const MASTODON_EXAMPLE = 'https://mastodon.social/@username';
const MASTODON_PATH = /^\/(?:@|users\/)([A-Za-z0-9_]{1,30})(?:\.rss)?\/?$/;
const MASTODON_HANDLE = /^@?([A-Za-z0-9_]{1,30})@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$/;

function parseHttpUrl(input: string): URL | string {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    return 'must be an http or https address';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http or https address';
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (!parsed.hostname) return 'must name a host';
  return parsed;
}

/** A feed address as stored: absolute http(s), host lower-cased, fragment dropped (it never reaches the server). */
export function normalizeFeedUrl(input: string): NormalizedUrl {
  const parsed = parseHttpUrl(input);
  if (typeof parsed === 'string') return { problem: parsed };
  parsed.hash = '';
  return { url: parsed.href };
}

/**
 * A Mastodon account as stored: `https://instance/@user`. Accepts that form, its `.rss`, the
 * `/users/user` form and the handle `@user@instance`.
 */
export function normalizeMastodonAccount(input: string): NormalizedUrl {
  const handle = MASTODON_HANDLE.exec(input.trim());
  if (handle) return { url: `https://${handle[2].toLowerCase()}/@${handle[1]}` };
  const parsed = parseHttpUrl(input);
  const problem = `must be a Mastodon account address such as ${MASTODON_EXAMPLE}`;
  if (typeof parsed === 'string') return { problem };
  const path = MASTODON_PATH.exec(parsed.pathname);
  if (!path || parsed.search) return { problem };
  return { url: `${parsed.origin}/@${path[1]}` };
}

export function normalizeSourceUrl(type: SourceType, input: string): NormalizedUrl {
  return type === 'mastodon' ? normalizeMastodonAccount(input) : normalizeFeedUrl(input);
}

/** The address the fetcher reads: a Mastodon account's public RSS, or the feed itself. */
export function feedUrlOf(source: { type: SourceType; url: string | null }): string | null {
  if (!source.url) return null;
  return source.type === 'mastodon' ? `${source.url}.rss` : source.url;
}
