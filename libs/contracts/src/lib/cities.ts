import { MUNICIPALITIES } from './municipalities';

/** The eight cities that run the portal together; every other RVR municipality is a valid city too. */
export const PARTNER_CITIES = [
  'bochum',
  'dortmund',
  'duisburg',
  'essen',
  'gelsenkirchen',
  'herne',
  'muelheim-an-der-ruhr',
  'oberhausen',
] as const;

export const CITY_SLUGS: readonly string[] = MUNICIPALITIES.map((m) => m.slug);

const CITY_SET = new Set(CITY_SLUGS);

export function isCitySlug(value: unknown): value is string {
  return typeof value === 'string' && CITY_SET.has(value);
}

export function cityName(slug: string): string {
  return MUNICIPALITIES.find((m) => m.slug === slug)?.name ?? slug;
}
