import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { newAmbassador, newContactRequest } from '../contact-requests/testing';
import { PostEntity } from '../posts/post.entity';
import { newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { AuditService } from './audit.service';

describe('audit log', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const login = await t.signIn('admin');
    admin = login.headers;
    adminId = login.login.user.id;
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 5; i++) {
      await audit.record({ actorId: adminId, action: i % 2 ? 'item.approve' : 'item.reject', entityType: 'item', entityId: `item-${i}`, before: { n: i }, after: { n: i + 1 } });
    }
    await audit.record({ actorId: null, action: 'topic.update', entityType: 'topic', entityId: 'work' });
  });
  afterAll(() => t.close());

  const get = (query: string, headers: { authorization: string } = admin) => t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers });

  it('lists entries newest first, with the actor, filtered', async () => {
    const all = (await get('?entityType=item')).json<AuditEntryDto[]>();
    expect(all.map((entry) => entry.entityId)).toEqual(['item-4', 'item-3', 'item-2', 'item-1', 'item-0']);
    expect(all[0]).toMatchObject({ action: 'item.reject', actor: { id: adminId }, before: { n: 4 }, after: { n: 5 } });
    expect((await get('?action=item.approve')).json<AuditEntryDto[]>().map((entry) => entry.entityId)).toEqual(['item-3', 'item-1']);
    expect((await get('?entityType=item&entityId=item-2')).json<AuditEntryDto[]>()).toHaveLength(1);
    expect((await get(`?actorId=${adminId}`)).json<AuditEntryDto[]>().every((entry) => entry.actor?.id === adminId)).toBe(true);
    expect((await get('?entityType=topic')).json<AuditEntryDto[]>()[0]!.actor).toBeNull();
  });

  it('pages with before=<id>', async () => {
    const first = (await get('?entityType=item&limit=2')).json<AuditEntryDto[]>();
    expect(first.map((entry) => entry.entityId)).toEqual(['item-4', 'item-3']);
    const next = (await get(`?entityType=item&limit=2&before=${first[1]!.id}`)).json<AuditEntryDto[]>();
    expect(next.map((entry) => entry.entityId)).toEqual(['item-2', 'item-1']);
  });

  it('is open to moderators, not to ambassadors', async () => {
    expect((await get('', (await t.signIn('moderator')).headers)).statusCode).toBe(200);
    expect((await get('', (await t.signIn('ambassador')).headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?before=abc', 'before'],
    ['?actorId=someone', 'actorId'],
  ])('answers %s with a 400 naming %s', async (query, field) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('shows a moderator what concerns their cities and the region-wide rules, and the rest only to admins', async () => {
    const audit = t.app.get(AuditService);
    const essen = await t.signIn('moderator', { cities: ['essen'] });
    const moderatorId = essen.login.user.id;
    const entry = (entityType: string, entityId: string, before: unknown = null, after: unknown = null, actorId: string | null = adminId) =>
      audit.record({ actorId, action: `${entityType}.scope-test`, entityType, entityId, before, after });

    await entry('item', 'item-essen', null, { cities: ['essen', 'bochum'] });
    await entry('item', 'item-bochum', null, { cities: ['bochum'] });
    await entry('item', 'item-regional', null, { cities: [] });
    await entry('source', 'source-moved', { cities: ['essen'] }, { cities: ['bochum'] });
    await entry('source', 'source-deleted-bochum', { cities: ['bochum'] });
    await entry('service', 'service-essen', null, { city: 'essen' });
    await entry('service', 'service-bochum', { city: 'bochum' });
    await entry('blocked_phrase', 'phrase');
    await entry('topic', 'housing');
    await entry('invitation', 'invitation-1');
    await entry('outbox', 'mail-1');
    await entry('widget_preset', 'own-preset', null, null, moderatorId);

    const portalEssen = await newContactRequest(t.dataSource, { city: 'essen' });
    const portalBochum = await newContactRequest(t.dataSource, { city: 'bochum' });
    const { ambassador } = await newAmbassador(t.dataSource, { cities: ['essen'] });
    const toAmbassador = await newContactRequest(t.dataSource, { city: 'essen', ambassadorId: ambassador.id });
    for (const request of [portalEssen, portalBochum, toAmbassador]) await entry('contact_request', request.id);

    const posts = t.dataSource.getRepository(PostEntity);
    const { ambassador: bochumAmbassador } = await newAmbassador(t.dataSource, { cities: ['bochum'] });
    const post = (ambassadorId: string) =>
      posts.save(posts.create({ ambassadorId, text: 'Sprechstunde', status: 'pending_review', asSoonAsApproved: true }));
    const essenPost = await post(ambassador.id);
    const bochumPost = await post(bochumAmbassador.id);
    await entry('post', essenPost.id);
    await entry('post', bochumPost.id);

    const seen = async (headers: { authorization: string }) =>
      (await get('?limit=200', headers)).json<AuditEntryDto[]>().filter((e) => e.action.endsWith('.scope-test')).map((e) => e.entityId).sort();
    expect(await seen(essen.headers)).toEqual(
      ['item-essen', 'item-regional', 'source-moved', 'service-essen', 'phrase', 'housing', 'own-preset', portalEssen.id, essenPost.id].sort(),
    );
    expect(await seen(admin)).toHaveLength(12 + 3 + 2);
    // A filter narrows what the moderator may see; it never widens it.
    expect((await get('?entityType=item&entityId=item-bochum', essen.headers)).json<AuditEntryDto[]>()).toEqual([]);
  });

  it("shows a moderator the fetches of their cities' sources, judged by the source as it is now", async () => {
    const audit = t.app.get(AuditService);
    const essen = await t.signIn('moderator', { cities: ['essen'] });
    const essenSource = await newSource(t.dataSource, { cities: ['essen', 'bochum'] });
    const bochumSource = await newSource(t.dataSource, { cities: ['bochum'] });
    const regionalSource = await newSource(t.dataSource, { cities: [] });
    const deletedSource = '00000000-0000-4000-8000-000000000001';
    // As SourcesService.fetchNow writes it: the fetch's outcome, no cities.
    const fetched = (entityId: string) =>
      audit.record({ actorId: adminId, action: 'source.fetch', entityType: 'source', entityId, after: { fetched: 3, created: 1, error: null } });
    for (const id of [essenSource.id, bochumSource.id, regionalSource.id, deletedSource]) await fetched(id);
    // An entry whose snapshot names cities is judged by them, not by the source now.
    await audit.record({ actorId: adminId, action: 'source.fetch', entityType: 'source', entityId: essenSource.id, after: { cities: ['bochum'] } });

    const seen = async (headers: { authorization: string }) =>
      (await get('?action=source.fetch&limit=200', headers)).json<AuditEntryDto[]>().map((e) => `${e.entityId}:${'cities' in (e.after as object) ? 'snapshot' : 'live'}`).sort();
    expect(await seen(essen.headers)).toEqual([`${essenSource.id}:live`, `${regionalSource.id}:live`].sort());
    expect(await seen(admin)).toHaveLength(5);
    expect(await t.app.get(AuditService).list({ action: 'source.fetch', limit: 200 }, 'system')).toHaveLength(5);
  });
});
