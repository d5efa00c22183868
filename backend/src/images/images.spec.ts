import sharp from 'sharp';
import { FeedTestServer } from '../ingestion/fetch/testing/feed-test-server';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ImageUrlSigner } from './image-url-signer';
import { IMAGES } from './testing/images';

describe('image proxy GET /api/public/images/:signature/:encodedUrl', () => {
  const origin = new FeedTestServer();
  let t: TestApp;
  let signer: ImageUrlSigner;

  let photo: Buffer;

  beforeAll(async () => {
    // A 640×360 photo with camera metadata, as partners' feeds bring them.
    photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3a7bd5' } })
      .composite([{ input: Buffer.from('<svg width="640" height="360"><circle cx="320" cy="180" r="150" fill="#f5a623"/></svg>') }])
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'Camera owner', Artist: 'GPS somewhere' } })
      .toBuffer();
    const send = (type: string, body: Buffer | string) => (_request: unknown, response: import('node:http').ServerResponse) => {
      response.writeHead(200, { 'Content-Type': type }).end(body);
    };
    origin
      .route('/photo.png', send('image/png', IMAGES.png))
      .route('/photo.jpg', send('image/jpeg; charset=binary', IMAGES.jpeg))
      .route('/camera.jpg', send('image/jpeg', photo))
      .route('/broken.jpg', send('image/jpeg', IMAGES.jpeg))
      .route('/labelled-webp-is-gif', send('image/webp', IMAGES.gif))
      .route('/drawing.svg', send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))
      .route('/page-as-png', send('image/png', '<!doctype html><script>alert(1)</script>'))
      .route('/octet', send('application/octet-stream', IMAGES.png))
      .route('/huge.png', send('image/png', Buffer.concat([IMAGES.png, Buffer.alloc(6 * 1024 * 1024)])))
      .route('/gone.png', (_request, response) => response.writeHead(404).end())
      .route('/moved.png', (_request, response) => response.writeHead(302, { Location: '/photo.png' }).end())
      .route('/to-localhost.png', (_request, response) => response.writeHead(302, { Location: origin.url('/photo.png', 'localhost') }).end());
    await origin.start();
    t = await createTestApp({ FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
    signer = t.app.get(ImageUrlSigner);
  });

  afterAll(async () => {
    await t.close();
    await origin.stop();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves a signed image with its real type, a long cache lifetime, to any site', async () => {
    const response = await get(`${signer.sign(origin.url('/photo.png'))}?w=320`, { origin: 'https://www.essen.de' });

    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(IMAGES.png)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('public, max-age=2592000, immutable');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('fetches an image once, then answers from its cache, also for requests at the same time', async () => {
    const path = signer.sign(origin.url('/photo.jpg'))!;
    const responses = await Promise.all([get(path), get(path), get(path)]);
    await get(path);

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(responses[0].headers['content-type']).toBe('image/jpeg');
    expect(origin.hits('/photo.jpg')).toBe(1);
    expect(origin.received.find((r) => r.path === '/photo.jpg')!.headers['user-agent']).toMatch(/^WelcomeRuhrBot/);
    expect(origin.received.find((r) => r.path === '/photo.jpg')!.headers['cookie']).toBeUndefined();
  });

  it('follows a redirect, checking the next hop again', async () => {
    expect((await get(signer.sign(origin.url('/moved.png'))!)).statusCode).toBe(200);

    const refused = await get(signer.sign(origin.url('/to-localhost.png'))!);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().message).toBe('The image is not available: its address is in a private network.');
  });

  it('is not an open proxy: an address it did not sign is refused without a request', async () => {
    const hitsBefore = origin.received.length;
    const [, , , , signature] = signer.sign(origin.url('/photo.png'))!.split('/');
    const other = Buffer.from(origin.url('/photo.jpg')).toString('base64url');

    const response = await get(`/api/public/images/${signature}/${other}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
    expect((await get(`/api/public/images/nope/${other}`)).statusCode).toBe(403);
    expect(origin.received.length).toBe(hitsBefore);
  });

  it('refuses private addresses that FETCH_ALLOW_PRIVATE_HOSTS does not list (SSRF)', async () => {
    const response = await get(signer.sign(origin.url('/photo.png', 'localhost'))!);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('private network');
  });

  it.each([
    ['/drawing.svg', 'its server sent image/svg+xml, not an image type the widget shows'],
    ['/octet', 'its server sent application/octet-stream, not an image type the widget shows'],
    ['/page-as-png', 'its content is not a JPEG, PNG, WebP, GIF or AVIF image'],
    ['/huge.png', 'it is larger than 5 MB'],
    ['/gone.png', 'its server answered 404'],
  ])('refuses %s: %s', async (path, reason) => {
    const response = await get(signer.sign(origin.url(path))!);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe(`The image is not available: ${reason}.`);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('remembers a failure for a while instead of asking the image’s server on every visit', async () => {
    const path = signer.sign(origin.url('/gone.png') + '?again')!;
    await get(path);
    await get(path);
    expect(origin.received.filter((r) => r.path === '/gone.png').length).toBe(2); // one from the test above, one here
  });

  it('serves what the bytes are, not what the server claimed', async () => {
    const response = await get(signer.sign(origin.url('/labelled-webp-is-gif'))!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/gif');
  });

  it('resizes to the width asked for, as WebP when the browser takes it, without the camera’s metadata', async () => {
    const path = signer.sign(origin.url('/camera.jpg'))!;
    const webp = await get(`${path}?w=160`, { accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8' });
    expect(webp.statusCode).toBe(200);
    expect(webp.headers['content-type']).toBe('image/webp');
    expect(webp.headers['vary']).toBe('Accept');
    const webpMeta = await sharp(webp.rawPayload).metadata();
    expect([webpMeta.format, webpMeta.width, webpMeta.height]).toEqual(['webp', 160, 90]);
    expect(webpMeta.exif).toBeUndefined();
    expect(webp.rawPayload.length).toBeLessThan(photo.length / 4);

    const jpeg = await get(`${path}?w=320`, { accept: 'image/png,image/jpeg' });
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(jpeg.rawPayload).metadata()).width).toBe(320);

    // Every size and the original are fetched once.
    await get(`${path}?w=160`, { accept: 'image/webp' });
    expect(origin.hits('/camera.jpg')).toBe(1);
  });

  it('never enlarges: a width beyond the original gives the original size', async () => {
    const response = await get(`${signer.sign(origin.url('/camera.jpg'))}?w=1280`, { accept: 'image/webp' });
    expect((await sharp(response.rawPayload).metadata()).width).toBe(640);
  });

  it('refuses an image it cannot decode when asked to resize it', async () => {
    const response = await get(`${signer.sign(origin.url('/broken.jpg'))}?w=160`);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('The image is not available: it cannot be read as an image.');
  });

  it('accepts long addresses (beyond the router’s 100-character parameters) and checks the width', async () => {
    const long = origin.url(`/photo.png?${'x'.repeat(300)}`);
    expect((await get(signer.sign(long)!)).statusCode).toBe(200);
    const invalid = await get(`${signer.sign(origin.url('/photo.png'))}?w=123`);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toBe('w must be one of 160, 320, 480, 640, 960, 1280');
  });
});

describe('ImageUrlSigner', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('gives the public feed proxy addresses for http(s) images and nothing for anything else', () => {
    const signer = t.app.get(ImageUrlSigner);
    expect(signer.sign('https://scontent.example/p.jpg')).toMatch(/^\/api\/public\/images\/[\w-]+\/[\w-]+$/);
    expect(signer.sign(signer.sign('https://scontent.example/p.jpg'))).toBe(signer.sign('https://scontent.example/p.jpg'));
    expect(signer.sign('javascript:alert(1)')).toBeNull();
    expect(signer.sign(null)).toBeNull();
    expect(signer.sign('')).toBeNull();
  });
});
