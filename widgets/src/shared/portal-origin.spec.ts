import { apiUrl, portalOrigin } from './portal-origin';

describe('portal origin', () => {
  it('is the origin of the script, whatever its path and query', () => {
    expect(portalOrigin('https://portal.example:8443/widgets/feed.js?v=3')).toBe('https://portal.example:8443');
  });

  it('builds API addresses without empty values', () => {
    expect(apiUrl('https://portal.example', '/api/public/feed', { city: 'essen', topic: '', limit: 12, cursor: null })).toBe(
      'https://portal.example/api/public/feed?city=essen&limit=12',
    );
  });
});
