import type { ApiError, PublicFeedItem, PublicFeedResponse } from '@welcome-ruhr/contracts';
import { randomUUID } from 'node:crypto';
import { ImageUrlSigner } from '../images/image-url-signer';
import { ItemEntity } from '../items/item.entity';
import type { SourceEntity } from '../sources/source.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { CONTENT_VERSION_EXPRESSION } from './feed-sql';

describe('public feed: one item', () => {
  let t: TestApp;
  let source: SourceEntity;
  beforeAll(async () => {
    t = await createTestApp();
    source = await newSource(t.dataSource, { cities: ['hattingen'], name: 'Stadt Hattingen', kind: 'city' });
  });
  afterAll(() => t.close());

  const item = (id: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/public/feed/items/${id}`, headers });
  const approved = (fields: Partial<ItemEntity> = {}) => newItem(t.dataSource, source, { status: 'approved', cities: ['hattingen'], ...fields });

  it('answers an approved item exactly as the feed shows it, to anyone without a login', async () => {
    const shared = await approved({
      title: 'Sprachcafé',
      html: '<p>Jeden Donnerstag</p>',
      topics: ['work'],
      pinned: true,
      publishedAt: new Date('2020-05-05T10:00:00.123Z'),
      imageUrl: 'https://cdn.example.org/cafe.jpg',
    });
    const feed = await t.app.inject({ method: 'GET', url: '/api/public/feed?city=hattingen&limit=50' });
    const inFeed = feed.json<PublicFeedResponse>().items.find((entry) => entry.id === shared.id);
    expect(inFeed).toBeDefined();

    const response = await item(shared.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json<PublicFeedItem>()).toEqual(inFeed);
    expect(response.json<PublicFeedItem>()).toMatchObject({ title: 'Sprachcafé', pinned: true, publishedAt: '2020-05-05T10:00:00.123Z' });
  });

  it('gives the image only as a signed address of the portal image proxy', async () => {
    const withImage = await approved({ imageUrl: 'https://cdn.example.org/photo.jpg' });
    const unsafe = await approved({ imageUrl: 'javascript:alert(1)' });

    const imageUrl = (await item(withImage.id)).json<PublicFeedItem>().imageUrl;
    expect(imageUrl).toMatch(/^\/api\/public\/images\/[\w-]+\/[\w-]+$/);
    expect(imageUrl).toBe(t.app.get(ImageUrlSigner).sign('https://cdn.example.org/photo.jpg'));
    expect(imageUrl).not.toContain('cdn.example.org');
    expect((await item(unsafe.id)).json<PublicFeedItem>().imageUrl).toBeNull();
  });

  it.each(['pending', 'rejected'] as const)('answers a %s item with 404', async (status) => {
    const hidden = await newItem(t.dataSource, source, { status, cities: ['hattingen'] });
    const response = await item(hidden.id);
    expect(response.statusCode).toBe(404);
    expect(response.json<ApiError>()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: 'The item was not found.' });
  });

  it('answers 404 for an unknown id, and for an item once it is rejected or deleted', async () => {
    expect((await item(randomUUID())).statusCode).toBe(404);

    const rejectedLater = await approved();
    expect((await item(rejectedLater.id)).statusCode).toBe(200);
    const moderator = (await t.signIn('admin')).headers;
    const reject = await t.app.inject({ method: 'POST', url: `/api/moderation/items/${rejectedLater.id}/reject`, headers: moderator, payload: { reason: 'outdated' } });
    expect(reject.statusCode).toBe(200);
    expect((await item(rejectedLater.id)).statusCode).toBe(404);

    const deleted = await approved();
    await t.dataSource.getRepository(ItemEntity).delete({ id: deleted.id });
    expect((await item(deleted.id)).statusCode).toBe(404);
  });

  it.each(['not-an-id', '123', `${randomUUID()}x`, "' OR 1=1 --"])('answers the malformed id %p with 400 naming id', async (id) => {
    const response = await item(encodeURIComponent(id));
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'id', problem: 'id must be a UUID' }] });
  });

  it('sends the feed’s Cache-Control and ETag, and 304 for a current copy', async () => {
    const shown = await approved();
    const first = await item(shown.id);
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=300');
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await item(shown.id, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await item(shown.id, { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    expect((await item(shown.id, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);

    // A tag edit changes the body, and so the ETag.
    await t.dataSource.getRepository(ItemEntity).update({ id: shown.id }, { topics: ['health'] });
    const edited = await item(shown.id, { 'if-none-match': etag });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<PublicFeedItem>().topics).toEqual(['health']);
  });

  it('reads only the item, not the content version: its ETag is the hash of its body', async () => {
    const shown = await approved();
    const query = jest.spyOn(t.dataSource, 'query');
    let first;
    let statements: string[];
    try {
      first = await item(shown.id);
      statements = query.mock.calls.map(([sql]) => sql);
    } finally {
      query.mockRestore();
    }
    expect(first.statusCode).toBe(200);
    expect(statements.some((sql) => sql.includes('FROM items i JOIN sources s'))).toBe(true);
    expect(statements.filter((sql) => sql.includes(CONTENT_VERSION_EXPRESSION))).toEqual([]);

    // Another item's change moves the content version, not this item's ETag.
    await approved();
    expect((await item(shown.id, { 'if-none-match': first.headers['etag'] as string })).statusCode).toBe(304);
  });

  it('answers any origin (CORS), also on preflight, and also its 404', async () => {
    const shown = await approved();
    const response = await item(shown.id, { origin: 'https://www.hattingen.de' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await item(randomUUID(), { origin: 'https://www.hattingen.de' })).headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/public/feed/items/${shown.id}`,
      headers: { origin: 'https://www.bochum.de', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });
});
