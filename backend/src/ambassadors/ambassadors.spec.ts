import type { AmbassadorProfileDto, PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('ambassador profiles and the public directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c03' } }).png().toBuffer();

  async function ambassador(cities = ['dortmund']) {
    const { headers, login } = await t.signIn('ambassador', { cities });
    return { headers, id: login.user.ambassadorId! };
  }

  it('lets an ambassador fill in the profile and publish it once it is complete', async () => {
    const { headers, id } = await ambassador();
    const empty = await t.app.inject({ method: 'GET', url: '/api/ambassadors/me', headers });
    expect(empty.json<AmbassadorProfileDto>()).toMatchObject({ id, visible: false, languages: [], bio: {}, city: null, photoUrl: null });

    const tooEarly = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me', headers, payload: { visible: true } });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().fields).toEqual([{ field: 'visible', problem: 'visible needs a city, a language, a bio in the profile first' }]);

    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/ambassadors/me',
      headers,
      payload: {
        displayName: 'Ayşe Yılmaz',
        languages: ['tr', 'de', 'en'],
        city: 'dortmund',
        community: 'Türkischer Elternverein Dortmund',
        bio: { tr: 'Dortmund’a altı yıl önce mühendis olarak geldim.', de: 'Ich kam vor sechs Jahren als Ingenieurin nach Dortmund.', en: '  ' },
        visible: true,
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<AmbassadorProfileDto>()).toMatchObject({
      displayName: 'Ayşe Yılmaz',
      languages: ['tr', 'de', 'en'],
      city: 'dortmund',
      visible: true,
      bio: { tr: 'Dortmund’a altı yıl önce mühendis olarak geldim.', de: 'Ich kam vor sechs Jahren als Ingenieurin nach Dortmund.' },
    });
  });

  it.each([
    ['an unknown language', { languages: ['tr', 'xx'] }, 'languages', 'languages must contain only ISO 639-1 codes such as de, en or tr'],
    ['a city outside the RVR', { city: 'koeln' }, 'city', 'city must be an RVR city slug such as dortmund or muelheim-an-der-ruhr'],
    ['a bio in no language', { bio: { klingon: 'Qapla’' } }, 'bio', 'bio has "klingon", which is not an ISO 639-1 language code'],
    ['a bio too long', { bio: { de: 'x'.repeat(1001) } }, 'bio', 'bio.de must be at most 1000 characters long'],
    ['visible as text', { visible: 'yes' }, 'visible', 'visible must be true or false'],
  ])('refuses %s with a 400 naming the field', async (_label, payload, field, problem) => {
    const { headers } = await ambassador();
    const response = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me', headers, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual({ field, problem });
  });

  it('is for ambassadors only', async () => {
    const { headers } = await t.signIn('moderator');
    expect((await t.app.inject({ method: 'GET', url: '/api/ambassadors/me', headers })).statusCode).toBe(403);
  });

  it('takes a photo, checks its type and size, stores it as a 512 px JPEG and serves it once visible', async () => {
    const { headers, id } = await ambassador();
    const wrongType = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me/photo', headers: { ...headers, 'content-type': 'image/gif' }, payload: Buffer.from('GIF89a') });
    expect(wrongType.statusCode).toBe(415);
    const notAPng = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me/photo', headers: { ...headers, 'content-type': 'image/png' }, payload: Buffer.from('not really a png') });
    expect(notAPng.statusCode).toBe(400);
    expect(notAPng.json().fields).toEqual([{ field: 'image', problem: 'image is not a readable PNG file' }]);
    const tooBig = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me/photo', headers: { ...headers, 'content-type': 'image/jpeg' }, payload: Buffer.alloc(6 * 1024 * 1024) });
    expect(tooBig.statusCode).toBe(413);

    const uploaded = await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me/photo', headers: { ...headers, 'content-type': 'image/png' }, payload: await png(1200, 800) });
    expect(uploaded.statusCode).toBe(200);
    const profile = uploaded.json<AmbassadorProfileDto>();
    expect(profile.photoUrl).toMatch(/^\/api\/ambassadors\/me\/photo\?v=\d+$/);
    const own = await t.app.inject({ method: 'GET', url: profile.photoUrl!, headers });
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(own.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 512, height: 512 });

    // Hidden profile: no public photo.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/ambassadors/${id}/photo` })).statusCode).toBe(404);
    await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me', headers, payload: { languages: ['ar'], city: 'essen', bio: { ar: 'مرحبا' }, visible: true } });
    const [listed] = (await t.app.inject({ method: 'GET', url: '/api/public/ambassadors?lang=ar&city=essen' })).json<PublicAmbassadorDto[]>();
    expect(listed.photoUrl).toMatch(new RegExp(`^/api/public/ambassadors/${id}/photo\\?v=\\d+$`));
    const served = await t.app.inject({ method: 'GET', url: listed.photoUrl! });
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toContain('immutable');
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const again = await t.app.inject({ method: 'GET', url: listed.photoUrl!, headers: { 'if-none-match': String(served.headers['etag']) } });
    expect(again.statusCode).toBe(304);
  });

  it('lists only visible ambassadors, filtered by city and language, for any origin', async () => {
    const a = await ambassador(['herne']);
    const b = await ambassador(['herne']);
    await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me', headers: a.headers, payload: { displayName: 'Olena', languages: ['uk', 'de'], city: 'herne', bio: { uk: 'Привіт' }, visible: true } });
    await t.app.inject({ method: 'PUT', url: '/api/ambassadors/me', headers: b.headers, payload: { displayName: 'Hidden', languages: ['uk'], city: 'herne', bio: { uk: 'Привіт' } } });
    const response = await t.app.inject({ method: 'GET', url: '/api/public/ambassadors?city=herne&lang=uk', headers: { origin: 'https://www.herne.de' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.json<PublicAmbassadorDto[]>().map((p) => p.displayName)).toEqual(['Olena']);
    expect(response.json<PublicAmbassadorDto[]>()[0]).not.toHaveProperty('visible');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/ambassadors?city=herne&lang=de' })).json<PublicAmbassadorDto[]>()).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/ambassadors/${b.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/ambassadors?city=paris' })).statusCode).toBe(400);
  });
});
