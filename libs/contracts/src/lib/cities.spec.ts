import { CITY_SLUGS, cityName, isCitySlug, MUNICIPALITIES, PARTNER_CITIES } from '../index';

describe('cities', () => {
  it('knows all 53 RVR municipalities with unique ASCII slugs', () => {
    expect(MUNICIPALITIES).toHaveLength(53);
    expect(new Set(CITY_SLUGS).size).toBe(53);
    for (const slug of CITY_SLUGS) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('contains every partner city', () => {
    for (const slug of PARTNER_CITIES) expect(isCitySlug(slug)).toBe(true);
  });

  it('rejects unknown slugs and non-strings', () => {
    expect(isCitySlug('koeln')).toBe(false);
    expect(isCitySlug(42)).toBe(false);
  });

  it('names cities with their umlauts', () => {
    expect(cityName('muelheim-an-der-ruhr')).toBe('Mülheim an der Ruhr');
    expect(cityName('unknown')).toBe('unknown');
  });
});
