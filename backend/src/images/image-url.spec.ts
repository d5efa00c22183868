import { imageProxyKey, isProxyableUrl, signedImagePath, verifiedImageUrl } from './image-url';

const key = imageProxyKey('a-secret-key-that-is-long-enough-for-tests');
const parts = (path: string) => path.split('/').slice(-2) as [string, string];

describe('signed image addresses', () => {
  it('round-trips an address through signing and verifying', () => {
    const url = 'https://www.essen.de/bilder/rathaus äöü.jpg?size=large&x=1';
    const path = signedImagePath(url, key);
    expect(path).toMatch(/^\/api\/public\/images\/[\w-]{22}\/[\w-]+$/);
    expect(verifiedImageUrl(...parts(path), key)).toBe(url);
  });

  it('refuses a changed address, a changed signature and another key', () => {
    const [signature, encoded] = parts(signedImagePath('https://a.example/x.png', key));
    const other = Buffer.from('https://evil.example/x.png').toString('base64url');
    expect(verifiedImageUrl(signature, other, key)).toBeNull();
    expect(verifiedImageUrl(signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), encoded, key)).toBeNull();
    expect(verifiedImageUrl(signature, encoded, imageProxyKey('another-secret-key-that-is-long-enough!!'))).toBeNull();
    expect(verifiedImageUrl('', encoded, key)).toBeNull();
    expect(verifiedImageUrl('../x', encoded, key)).toBeNull();
  });

  it('derives its key from SECRET_KEY without being SECRET_KEY', () => {
    expect(imageProxyKey('k'.repeat(40))).toHaveLength(32);
    expect(imageProxyKey('k'.repeat(40)).toString('utf8')).not.toContain('k'.repeat(40));
    expect(imageProxyKey('k'.repeat(40)).equals(imageProxyKey('k'.repeat(41)))).toBe(false);
  });

  it('signs only absolute http(s) addresses without credentials', () => {
    expect(isProxyableUrl('http://a.example/x.jpg')).toBe(true);
    expect(isProxyableUrl('file:///etc/passwd')).toBe(false);
    expect(isProxyableUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isProxyableUrl('/relative.png')).toBe(false);
    expect(isProxyableUrl('https://user:pw@a.example/x.jpg')).toBe(false);
    expect(isProxyableUrl(`https://a.example/${'x'.repeat(5000)}`)).toBe(false);
  });
});
