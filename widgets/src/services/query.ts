import { apiUrl } from '../shared/portal-origin';

export interface ServicesQuery {
  city?: string | null;
  category?: string | null;
  /** Languages spoken there, comma separated. */
  languages?: string | null;
  q?: string | null;
  lang: string;
  limit?: number | null;
}

export const DEFAULT_LIMIT = 10;

/** GET /api/public/services with the filters set; empty ones are left out, the text is trimmed. */
export function servicesUrl(origin: string, query: ServicesQuery, cursor?: string | null): string {
  const limit = Number(query.limit);
  return apiUrl(origin, '/api/public/services', {
    city: query.city?.trim(),
    category: query.category?.trim(),
    languages: query.languages?.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean).join(','),
    q: query.q?.trim().slice(0, 200),
    lang: query.lang,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 50 ? limit : DEFAULT_LIMIT,
    cursor,
  });
}
