import { FetchError } from './fetch-error';

const FETCHABLE_SCHEMES = new Set(['http:', 'https:']);

/** A feed address as a URL, refusing anything that is not plain http(s) (file:, ftp:, data:, javascript: …). */
export function parseFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (error) {
    throw FetchError.invalidUrl(raw, error);
  }
  return assertFetchable(url);
}

/** The next hop of a redirect; a relative Location is resolved against the URL that sent it. */
export function resolveRedirect(location: string, from: URL): URL {
  let url: URL;
  try {
    url = new URL(location, from);
  } catch (error) {
    throw FetchError.invalidUrl(location, error);
  }
  return assertFetchable(url);
}

function assertFetchable(url: URL): URL {
  if (!FETCHABLE_SCHEMES.has(url.protocol)) {
    throw FetchError.unsupportedScheme(url.href, url.protocol.replace(/:$/, ''));
  }
  // The fragment never goes to the server; dropping it keeps finalUrl stable between fetches.
  url.hash = '';
  return url;
}
