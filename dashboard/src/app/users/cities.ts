import { cityName, MUNICIPALITIES, PARTNER_CITIES } from '@welcome-ruhr/contracts';

export interface CityOption {
  slug: string;
  name: string;
}

const partnerSlugs: readonly string[] = PARTNER_CITIES;

/** The eight partner cities first, as people look for them most. */
export const PARTNER_CITY_OPTIONS: readonly CityOption[] = PARTNER_CITIES.map((slug) => ({ slug, name: cityName(slug) }));

/** Every other RVR municipality, by name. */
export const OTHER_CITY_OPTIONS: readonly CityOption[] = MUNICIPALITIES.filter((m) => !partnerSlugs.includes(m.slug))
  .map((m) => ({ slug: m.slug, name: m.name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'de'));
