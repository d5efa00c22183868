import type { AuditEntryDto, TopicDto } from '@welcome-ruhr/contracts';
import { ItemEntity } from '../items/item.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { TaxonomyService } from './taxonomy.service';

describe('topic taxonomy', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let moderator: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.signIn('admin')).headers;
    moderator = (await t.signIn('moderator')).headers;
  });
  afterAll(() => t.close());

  const put = (slug: string, payload: object, headers = admin) => t.app.inject({ method: 'PUT', url: `/api/topics/${slug}`, headers, payload });
  const remove = (slug: string, headers = admin) => t.app.inject({ method: 'DELETE', url: `/api/topics/${slug}`, headers });

  it('lists the seeded topics to any signed-in user, not to anonymous callers', async () => {
    const ambassador = (await t.signIn('ambassador')).headers;
    const response = await t.app.inject({ method: 'GET', url: '/api/topics', headers: ambassador });
    expect(response.statusCode).toBe(200);
    const work = response.json<TopicDto[]>().find((topic) => topic.slug === 'work');
    expect(work?.keywords['de']).toContain('Arbeit');
    expect((await t.app.inject({ method: 'GET', url: '/api/topics' })).statusCode).toBe(401);
  });

  it('lets an admin create and edit a topic; taggers see it at once; the audit log has before and after', async () => {
    const taxonomy = t.app.get(TaxonomyService);
    await taxonomy.current();
    const created = await put('sports', { labels: { de: 'Sport', en: 'Sports' }, keywords: { de: ['Sportverein*', 'Fußball', 'Fußball'], tr: ['spor*'] } });
    expect(created.statusCode).toBe(200);
    expect(created.json<TopicDto>()).toMatchObject({ slug: 'sports', labels: { de: 'Sport', en: 'Sports' }, keywords: { de: ['Sportverein*', 'Fußball'], tr: ['spor*'] } });
    expect((await taxonomy.current()).map((topic) => topic.slug)).toContain('sports');
    const position = created.json<TopicDto>().position;

    const edited = await put('sports', { labels: { de: 'Sport und Bewegung', en: 'Sports' }, keywords: { de: ['Sport*'] } });
    expect(edited.json<TopicDto>()).toEqual({ slug: 'sports', labels: { de: 'Sport und Bewegung', en: 'Sports' }, keywords: { de: ['Sport*'] }, position });
    expect((await taxonomy.current()).find((topic) => topic.slug === 'sports')?.keywords).toEqual({ de: ['Sport*'] });

    const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?entityType=topic&entityId=sports', headers: admin })).json<AuditEntryDto[]>();
    expect(audit.map((entry) => entry.action)).toEqual(['topic.update', 'topic.create']);
    expect(audit[0]!.before).toMatchObject({ labels: { de: 'Sport' } });
    expect(audit[0]!.after).toMatchObject({ labels: { de: 'Sport und Bewegung' } });
  });

  it('lets only admins edit', async () => {
    expect((await put('sports-2', { labels: { de: 'Sport' }, keywords: {} }, moderator)).statusCode).toBe(403);
    expect((await remove('work', moderator)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/topics/x-y', payload: { labels: { de: 'X' }, keywords: {} } })).statusCode).toBe(401);
  });

  it.each([
    ['Sports', { labels: { de: 'Sport' }, keywords: {} }, 'slug'],
    ['1sport', { labels: { de: 'Sport' }, keywords: {} }, 'slug'],
    ['s', { labels: { de: 'Sport' }, keywords: {} }, 'slug'],
    ['a'.repeat(41), { labels: { de: 'Sport' }, keywords: {} }, 'slug'],
    ['sport', { labels: {}, keywords: {} }, 'labels'],
    ['sport', { labels: { deutsch: 'Sport' }, keywords: {} }, 'labels.deutsch'],
    ['sport', { labels: { de: '' }, keywords: {} }, 'labels.de'],
    ['sport', { labels: { de: 'Sport' }, keywords: { de: ['ok', ''] } }, 'keywords.de[1]'],
    ['sport', { labels: { de: 'Sport' }, keywords: { de: ['x'.repeat(81)] } }, 'keywords.de[0]'],
    ['sport', { labels: { de: 'Sport' }, keywords: { de: Array.from({ length: 501 }, (_, i) => `w${i}`) } }, 'keywords.de'],
    ['sport', { labels: { de: 'Sport' }, keywords: { de: 'Sport' } }, 'keywords.de'],
    ['sport', { labels: { de: 'Sport' }, keywords: { xx: ['Sport'] } }, 'keywords.xx'],
    ['sport', { labels: { de: 'Sport' }, keywords: [] }, 'keywords'],
    ['sport', { labels: { de: 'Sport' } }, 'keywords'],
  ])('refuses PUT /api/topics/%s %j with a 400 naming %s', async (slug, payload, field) => {
    const response = await put(slug, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('accepts 500 keywords of 80 characters', async () => {
    const keywords = Array.from({ length: 500 }, (_, i) => `${i}`.padStart(80, 'k'));
    expect((await put('many-words', { labels: { en: 'Many' }, keywords: { en: keywords } })).statusCode).toBe(200);
  });

  it('deletes a topic and its tag from items', async () => {
    await put('temporary', { labels: { de: 'Vorübergehend' }, keywords: { de: ['vorübergehend'] } });
    const source = await newSource(t.dataSource);
    const item = await newItem(t.dataSource, source, { topics: ['work', 'temporary'], status: 'approved' });
    const response = await remove('temporary');
    expect(response.statusCode).toBe(204);
    expect((await t.dataSource.getRepository(ItemEntity).findOneByOrFail({ id: item.id })).topics).toEqual(['work']);
    expect((await t.app.get(TaxonomyService).slugs())).not.toContain('temporary');
    const [entry] = (await t.app.inject({ method: 'GET', url: '/api/audit?entityType=topic&entityId=temporary&action=topic.delete', headers: admin })).json<AuditEntryDto[]>();
    expect(entry).toMatchObject({ before: { slug: 'temporary' }, after: { itemsRetagged: 1 } });
    expect((await remove('temporary')).statusCode).toBe(404);
  });
});
