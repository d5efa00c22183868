import { proxiedImage } from './images';

const ORIGIN = 'https://portal.example';

describe('proxiedImage', () => {
  it('uses the portal’s image proxy, relative or absolute, with the next width up for the pixels shown', () => {
    expect(proxiedImage('/api/public/images/sig/aHR0cHM6Ly9leGFtcGxlLm9yZy9hLmpwZw', ORIGIN, 96)).toBe(
      `${ORIGIN}/api/public/images/sig/aHR0cHM6Ly9leGFtcGxlLm9yZy9hLmpwZw?w=160`,
    );
    expect(proxiedImage(`${ORIGIN}/api/public/images/sig/x?w=9999#f`, ORIGIN, 400, 2)).toBe(`${ORIGIN}/api/public/images/sig/x?w=960`);
    expect(proxiedImage('/api/public/images/sig/x', ORIGIN, 560, 3)).toBe(`${ORIGIN}/api/public/images/sig/x?w=1280`);
  });

  it('never loads an image from another host, another path, or a raw external address', () => {
    expect(proxiedImage('https://cdn.facebook.example/photo.jpg', ORIGIN, 96)).toBeNull();
    expect(proxiedImage('https://evil.example/api/public/images/sig/x', ORIGIN, 96)).toBeNull();
    expect(proxiedImage('//evil.example/api/public/images/sig/x', ORIGIN, 96)).toBeNull();
    expect(proxiedImage(`${ORIGIN}/uploads/x.jpg`, ORIGIN, 96)).toBeNull();
    expect(proxiedImage('https://user:pw@portal.example/api/public/images/sig/x', ORIGIN, 96)).toBeNull();
    expect(proxiedImage('javascript:alert(1)', ORIGIN, 96)).toBeNull();
    expect(proxiedImage('data:image/png;base64,AAAA', ORIGIN, 96)).toBeNull();
    expect(proxiedImage(null, ORIGIN, 96)).toBeNull();
  });
});
