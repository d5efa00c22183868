import type { PublicFeedResponse, SourceKind } from '@welcome-ruhr/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { ItemEntity } from '../items/item.entity';
import type { SourceEntity } from '../sources/source.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { FeedQueries } from './feed-queries';
import { PublicFeedService, VERSION_CHECK_INTERVAL_MS } from './public-feed.service';

const MINUTE = 60_000;
const BASE = Date.parse('2026-03-01T12:00:00.000Z');

describe('public feed', () => {
  let t: TestApp;
  let moderator: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    moderator = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const feed = (query: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/public/feed${query}`, headers });
  const ids = (response: LightMyRequestResponse) => response.json<PublicFeedResponse>().items.map((item) => item.id);

  /** An approved item published `minutesAgo` before BASE. */
  async function approved(source: SourceEntity, minutesAgo: number, fields: Partial<ItemEntity> = {}): Promise<ItemEntity> {
    return newItem(t.dataSource, source, { status: 'approved', publishedAt: new Date(BASE - minutesAgo * MINUTE), cities: source.cities, ...fields });
  }

  it('gives images only as signed addresses of the portal image proxy', async () => {
    const source = await newSource(t.dataSource, { cities: ['hattingen'], name: 'Stadt Hattingen' });
    await approved(source, 5, { imageUrl: 'https://cdn.example.org/photo.jpg' });
    await approved(source, 6, { imageUrl: 'javascript:alert(1)' });
    const items = (await feed('?city=hattingen')).json<PublicFeedResponse>().items;
    expect(items[0].imageUrl).toMatch(/^\/api\/public\/images\/[\w-]+\/[\w-]+$/);
    expect(items[0].imageUrl).not.toContain('cdn.example.org');
    expect(items[1].imageUrl).toBeNull();
    const proxied = await t.app.inject({ method: 'GET', url: items[0].imageUrl!.replace(/\/([\w-]+)\/([\w-]+)$/, '/AAAA/$2') });
    expect(proxied.statusCode).toBeGreaterThanOrEqual(400);
    // Leave the feed as the other tests expect it.
    await t.dataSource.getRepository(ItemEntity).delete({ sourceId: source.id });
    t.app.get(PublicFeedService).invalidate();
  });

  it('serves approved items only, pinned first, then newest first, to anyone without a login', async () => {
    const source = await newSource(t.dataSource, { cities: ['bottrop'], name: 'Stadt Bottrop', kind: 'city' });
    const older = await approved(source, 30, { title: 'Older' });
    const newest = await approved(source, 10, { title: 'Newest', summary: 'Plain', html: '<p>Safe</p>', language: 'de', topics: ['work'] });
    const pinnedOld = await approved(source, 500, { pinned: true, title: 'Pinned' });
    await newItem(t.dataSource, source, { status: 'pending', publishedAt: new Date(BASE), cities: ['bottrop'] });
    await newItem(t.dataSource, source, { status: 'rejected', publishedAt: new Date(BASE), cities: ['bottrop'] });

    const response = await feed('?city=bottrop');
    expect(response.statusCode).toBe(200);
    expect(ids(response)).toEqual([pinnedOld.id, newest.id, older.id]);
    expect(response.json<PublicFeedResponse>().nextCursor).toBeNull();
    expect(response.json<PublicFeedResponse>().items[1]).toEqual({
      id: newest.id,
      title: 'Newest',
      summary: 'Plain',
      html: '<p>Safe</p>',
      url: newest.url,
      imageUrl: null,
      publishedAt: new Date(BASE - 10 * MINUTE).toISOString(),
      language: 'de',
      topics: ['work'],
      cities: ['bottrop'],
      pinned: false,
      source: { name: 'Stadt Bottrop', type: 'rss', kind: 'city' },
    });
  });

  it('filters by city, topic, language and kind, each with several values', async () => {
    const partner = await newSource(t.dataSource, { cities: [], kind: 'partner' });
    const ambassador = await newSource(t.dataSource, { cities: [], kind: 'ambassador' });
    const a = await approved(partner, 1, { cities: ['hattingen'], topics: ['work'], language: 'de' });
    const b = await approved(partner, 2, { cities: ['witten'], topics: ['housing', 'work'], language: 'tr' });
    const c = await approved(ambassador, 3, { cities: ['hattingen', 'witten'], topics: ['health'], language: 'ar' });
    const d = await approved(ambassador, 4, { cities: ['herdecke'], topics: ['work'], language: 'tr' });

    expect(ids(await feed('?city=hattingen'))).toEqual([a.id, c.id]);
    expect(ids(await feed('?city=witten,hattingen'))).toEqual([a.id, b.id, c.id]);
    expect(ids(await feed('?city=witten&city=herdecke'))).toEqual([b.id, c.id, d.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&topic=work'))).toEqual([a.id, b.id, d.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&topic=health,housing'))).toEqual([b.id, c.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&lang=tr'))).toEqual([b.id, d.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&lang=ar,de'))).toEqual([a.id, c.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&kind=ambassador'))).toEqual([c.id, d.id]);
    expect(ids(await feed('?city=hattingen,witten,herdecke&kind=ambassador,partner&lang=tr&topic=work'))).toEqual([b.id, d.id]);
    expect(ids(await feed('?city=hattingen&lang=tr'))).toEqual([]);
  });

  it('pages with a cursor that neither skips nor repeats items when new ones arrive between pages', async () => {
    const source = await newSource(t.dataSource, { cities: ['sprockhoevel'] });
    const items: ItemEntity[] = [];
    for (let i = 0; i < 7; i++) items.push(await approved(source, 100 + i));
    // Two items share a published time: the id decides their order.
    items.push(await approved(source, 106));

    const first = await feed('?city=sprockhoevel&limit=3');
    const page1 = first.json<PublicFeedResponse>();
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);

    // Newer items arrive, and one of those already shown is approved again: nothing moves under the cursor.
    await approved(source, 1);
    await approved(source, 2);

    const seen = [...page1.items.map((item) => item.id)];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = (await feed(`?city=sprockhoevel&limit=3&cursor=${cursor}`)).json<PublicFeedResponse>();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    const expected = [...items].sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime() || (x.id < y.id ? 1 : -1)).map((item) => item.id);
    expect(seen).toEqual(expected);
  });

  it('keeps the microseconds of published times in the cursor', async () => {
    const source = await newSource(t.dataSource, { cities: ['herdecke'] });
    const first = await approved(source, 0);
    const second = await approved(source, 0);
    // Same millisecond, different microseconds: a cursor rounded to milliseconds would skip or repeat one.
    await t.dataSource.query(`UPDATE items SET published_at = '2020-05-05 10:00:00.123457+00' WHERE id = $1`, [first.id]);
    await t.dataSource.query(`UPDATE items SET published_at = '2020-05-05 10:00:00.123456+00' WHERE id = $1`, [second.id]);
    const page1 = (await feed('?city=herdecke&lang=de&limit=1&cursor=' + cursorBefore('2020-05-06T00:00:00.000000Z'))).json<PublicFeedResponse>();
    expect(page1.items.map((item) => item.id)).toEqual([first.id]);
    expect(page1.items[0]!.publishedAt).toBe('2020-05-05T10:00:00.123Z');
    const page2 = (await feed(`?city=herdecke&lang=de&limit=1&cursor=${page1.nextCursor}`)).json<PublicFeedResponse>();
    expect(page2.items.map((item) => item.id)).toEqual([second.id]);
  });

  it('finds rare matches beyond the probe window, and pages through them the same way', async () => {
    const queries = t.app.get(FeedQueries);
    const source = await newSource(t.dataSource, { cities: ['schwelm'] });
    const rare: ItemEntity[] = [];
    // The culture items lead the whole feed (dated after every other test's items); the mobility ones are far behind.
    for (let i = 0; i < 12; i++) await approved(source, -10_000 - i, { topics: ['culture'] });
    for (let i = 0; i < 3; i++) rare.push(await approved(source, 2000 + i, { topics: ['mobility'], language: 'tr' }));
    queries.probeRows = 5;
    try {
      const response = await feed('?city=schwelm&topic=mobility&limit=2');
      expect(queries.lastStrategy).toBe('full');
      expect(ids(response)).toEqual([rare[0]!.id, rare[1]!.id]);
      const rest = await feed(`?city=schwelm&topic=mobility&limit=2&cursor=${response.json<PublicFeedResponse>().nextCursor}`);
      expect(ids(rest)).toEqual([rare[2]!.id]);
      expect(ids(await feed('?city=schwelm&lang=tr,de&topic=mobility,culture&limit=4'))).toHaveLength(4);

      const dense = await feed('?city=schwelm&topic=culture&limit=2');
      expect(queries.lastStrategy).toBe('probe');
      expect(dense.json<PublicFeedResponse>().items).toHaveLength(2);
    } finally {
      queries.probeRows = 4000;
    }
  });

  it.each([
    ['?city=paris', 'city'],
    ['?city=essen,atlantis', 'city'],
    ['?topic=astrology', 'topic'],
    ['?lang=german', 'lang'],
    ['?kind=blog', 'kind'],
    ['?limit=0', 'limit'],
    ['?limit=51', 'limit'],
    ['?limit=ten', 'limit'],
    ['?cursor=not-a-cursor', 'cursor'],
    [`?cursor=${Buffer.from('[1,"yesterday","x"]').toString('base64url')}`, 'cursor'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const response = await feed(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it('sends ETag and Cache-Control, and 304 for a current copy', async () => {
    const source = await newSource(t.dataSource, { cities: ['gevelsberg'] });
    await approved(source, 5);
    const first = await feed('?city=gevelsberg');
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=300');
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await feed('?city=gevelsberg', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['etag']).toBe(etag);
    expect((await feed('?city=gevelsberg', { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    // The same query spelled differently is the same response.
    expect((await feed('?city=gevelsberg&limit=12&utm_source=x', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
  });

  it('compresses for clients that accept it', async () => {
    const source = await newSource(t.dataSource, { cities: ['ennepetal'] });
    for (let i = 0; i < 6; i++) await approved(source, i, { html: `<p>${'Ein längerer Text über Ennepetal. '.repeat(20)}</p>` });
    const plain = await feed('?city=ennepetal');
    const br = await feed('?city=ennepetal', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await feed('?city=ennepetal', { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(new Set([plain.headers['etag'], br.headers['etag'], gzip.headers['etag']]).size).toBe(3);
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect((await feed('?city=ennepetal', { 'accept-encoding': 'br', 'if-none-match': plain.headers['etag'] as string })).statusCode).toBe(304);
  });

  it('shows a moderator’s decision at once: the cache is invalidated', async () => {
    const source = await newSource(t.dataSource, { cities: ['wetter-ruhr'] });
    const shown = await approved(source, 10);
    const waiting = await newItem(t.dataSource, source, { status: 'pending', publishedAt: new Date(BASE), cities: ['wetter-ruhr'] });
    const before = await feed('?city=wetter-ruhr');
    expect(ids(before)).toEqual([shown.id]);

    const approve = await t.app.inject({ method: 'POST', url: `/api/moderation/items/${waiting.id}/approve`, headers: moderator });
    expect(approve.statusCode).toBe(200);
    const after = await feed('?city=wetter-ruhr', { 'if-none-match': before.headers['etag'] as string });
    expect(after.statusCode).toBe(200);
    expect(ids(after)).toEqual([waiting.id, shown.id]);

    await t.app.inject({ method: 'POST', url: `/api/moderation/items/${shown.id}/reject`, headers: moderator, payload: { reason: 'outdated' } });
    expect(ids(await feed('?city=wetter-ruhr'))).toEqual([waiting.id]);
  });

  it('notices changes made by another replica through the content version', async () => {
    const source = await newSource(t.dataSource, { cities: ['breckerfeld'] });
    const item = await approved(source, 10);
    expect(ids(await feed('?city=breckerfeld'))).toEqual([item.id]);
    // Another process rejects it: no event reaches this process.
    await t.dataSource.getRepository(ItemEntity).update({ id: item.id }, { status: 'rejected' });
    expect(ids(await feed('?city=breckerfeld'))).toEqual([item.id]);

    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + VERSION_CHECK_INTERVAL_MS + 1);
    try {
      await feed('?city=breckerfeld'); // starts the version check
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ids(await feed('?city=breckerfeld'))).toEqual([]);
    } finally {
      clock.mockRestore();
    }
  });

  it('answers any origin (CORS), also on preflight', async () => {
    const response = await feed('?city=essen', { origin: 'https://www.essen.de' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/public/feed?city=essen',
      headers: { origin: 'https://www.bochum.de', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves repeated requests for a cached page ahead of Fastify, with the same headers', async () => {
    const source = await newSource(t.dataSource, { cities: ['herten'] });
    await approved(source, 3);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/public/feed?city=herten`;
    const service = t.app.get(PublicFeedService);
    const viaFastify = jest.spyOn(service, 'respond');
    try {
      const first = await httpGet(url, { origin: 'https://www.herten.de' });
      const second = await httpGet(url, { origin: 'https://www.herten.de' });
      expect(viaFastify).toHaveBeenCalledTimes(1);
      expect(first.headers['x-request-id']).toBeDefined(); // the first went through Fastify
      expect(first.headers['content-security-policy']).toBeUndefined(); // helmet skips the route: both paths answer alike
      expect(second.headers['x-request-id']).toBeUndefined(); // the second did not
      expect(second.status).toBe(200);
      expect(second.body).toBe(first.body);
      for (const header of ['etag', 'cache-control', 'content-type', 'content-length', 'access-control-allow-origin', 'x-content-type-options', 'vary']) {
        expect({ header, value: second.headers[header] }).toEqual({ header, value: first.headers[header] });
      }
      const notModified = await httpGet(url, { 'if-none-match': second.headers['etag'] as string });
      expect(notModified.status).toBe(304);
      expect(notModified.body).toBe('');
      const head = await httpGet(url, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(viaFastify).toHaveBeenCalledTimes(1);

      // A decision clears the cache: the next request takes the normal way again and sees the change.
      const waiting = await newItem(t.dataSource, source, { status: 'pending', publishedAt: new Date(BASE), cities: ['herten'] });
      await t.app.inject({ method: 'POST', url: `/api/moderation/items/${waiting.id}/approve`, headers: moderator });
      const after = await httpGet(url);
      expect(viaFastify).toHaveBeenCalledTimes(2);
      expect(JSON.parse(after.body).items[0].id).toBe(waiting.id);
      // Invalid queries are never served from the cache: they reach the controller and its 400.
      expect((await httpGet(`${url}&limit=99`)).status).toBe(400);
    } finally {
      viaFastify.mockRestore();
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await t.app.inject({ method: 'HEAD', url: '/api/public/feed?city=essen' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toMatch(/^"/);
    expect(response.body).toBe('');
  });

  it('lists topics for widgets without a login, without keywords', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/topics', headers: { origin: 'https://www.herne.de' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const topics = response.json<{ slug: string; labels: Record<string, string>; keywords?: unknown }[]>();
    expect(topics.map((topic) => topic.slug)).toContain('work');
    expect(topics.find((topic) => topic.slug === 'work')).toEqual({ slug: 'work', labels: expect.objectContaining({ de: 'Arbeit', en: 'Work' }), position: expect.any(Number) });
  });

  it('accepts each source kind', async () => {
    for (const kind of ['ambassador', 'partner', 'city'] satisfies SourceKind[]) {
      expect((await feed(`?kind=${kind}`)).statusCode).toBe(200);
    }
  });
});

function cursorBefore(publishedAt: string): string {
  return Buffer.from(JSON.stringify([0, publishedAt, 'ffffffff-ffff-ffff-ffff-ffffffffffff'])).toString('base64url');
}

function httpGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end();
  });
}
