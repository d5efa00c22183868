import { servicesUrl } from './query';

const ORIGIN = 'https://portal.example';

describe('servicesUrl', () => {
  it('sets every given filter, trims the text and leaves out empty ones', () => {
    expect(servicesUrl(ORIGIN, { city: 'bochum', category: 'foreigners-office', languages: ' UK, ru ,', q: '  Aufenthalt & Visum ', lang: 'uk', limit: 5 })).toBe(
      `${ORIGIN}/api/public/services?city=bochum&category=foreigners-office&languages=uk%2Cru&q=Aufenthalt+%26+Visum&lang=uk&limit=5`,
    );
    expect(servicesUrl(ORIGIN, { city: 'essen', category: '', languages: null, q: '   ', lang: 'de' })).toBe(`${ORIGIN}/api/public/services?city=essen&lang=de&limit=10`);
  });

  it('adds the cursor for the next page and keeps the limit within 1–50', () => {
    expect(servicesUrl(ORIGIN, { lang: 'de', limit: 500 }, 'abc=')).toBe(`${ORIGIN}/api/public/services?lang=de&limit=10&cursor=abc%3D`);
    expect(servicesUrl(ORIGIN, { lang: 'de', limit: 0 }, null)).toBe(`${ORIGIN}/api/public/services?lang=de&limit=10`);
  });
});
