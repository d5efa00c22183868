import type { PublicFeedResponse, PublicWidgetPresetDto } from '@welcome-ruhr/contracts';

// No cookies and no referrer travel to the portal: it learns neither who reads nor on which page.
const PRIVATE: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' };

export interface JsonResponse<T> {
  body: T;
  /** The raw body: a refresh compares it with the last one and leaves the DOM alone when equal. */
  text: string;
}

/**
 * GET a JSON document from the portal. `revalidate` asks the browser's HTTP cache to check with the
 * server first: it sends If-None-Match with the stored ETag itself, and a 304 costs the server no body.
 * (Setting the header by hand would need a CORS preflight and an exposed ETag header.)
 */
export async function getJson<T>(url: string, revalidate = false): Promise<JsonResponse<T>> {
  const response = await fetch(url, { ...PRIVATE, cache: revalidate ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`${response.status} from ${url}`);
  const text = await response.text();
  return { body: JSON.parse(text) as T, text };
}

export const fetchFeed = (url: string, revalidate = false) => getJson<PublicFeedResponse>(url, revalidate);

export const fetchPreset = (origin: string, id: string) =>
  getJson<PublicWidgetPresetDto>(`${origin}/api/public/widget-presets/${encodeURIComponent(id)}`).then((r) => r.body);
