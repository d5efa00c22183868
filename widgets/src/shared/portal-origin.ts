/**
 * The portal's origin, taken from the address the widget script was loaded from, so a city site
 * needs no API address: `<script type="module" src="https://portal/widgets/feed.js">` talks to https://portal.
 */
export function portalOrigin(scriptUrl: string): string {
  return new URL(scriptUrl).origin;
}

/** An API address on the portal with the given query, leaving out empty values. */
export function apiUrl(origin: string, path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const url = new URL(path, origin);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}
