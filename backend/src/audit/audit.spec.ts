import type { AuditEntryDto } from '@welcome-ruhr/contracts';
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
});
