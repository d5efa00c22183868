import type { AuditEntryDto, BulkModerationResponse, ItemDto, ModerationItemsResponse } from '@welcome-ruhr/contracts';
import { ItemEntity } from '../items/item.entity';
import type { SourceEntity } from '../sources/source.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';

type Headers = { authorization: string };

describe('moderation of items', () => {
  let t: TestApp;
  let admin: Headers;
  let essen: Headers;
  let essenId: string;
  let dortmund: Headers;
  let ambassador: Headers;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.signIn('admin')).headers;
    const essenLogin = await t.signIn('moderator', { cities: ['essen'] });
    essen = essenLogin.headers;
    essenId = essenLogin.login.user.id;
    dortmund = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
    ambassador = (await t.signIn('ambassador', { cities: ['essen'] })).headers;
  });
  afterAll(() => t.close());

  const list = (query: string, headers: Headers) => t.app.inject({ method: 'GET', url: `/api/moderation/items${query}`, headers });
  const act = (id: string, action: string, headers: Headers, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/moderation/items/${id}/${action}`, headers, ...(payload ? { payload } : {}) });
  const bulk = (payload: object, headers: Headers) => t.app.inject({ method: 'POST', url: '/api/moderation/items/bulk', headers, payload });
  const edit = (id: string, payload: object, headers: Headers) => t.app.inject({ method: 'PATCH', url: `/api/moderation/items/${id}`, headers, payload });
  const auditOf = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/audit?entityType=item&entityId=${id}`, headers: admin })).json<AuditEntryDto[]>();
  const stored = (id: string) => t.dataSource.getRepository(ItemEntity).findOneByOrFail({ id });

  async function itemsOf(source: SourceEntity, cities: string[][]): Promise<ItemEntity[]> {
    const items: ItemEntity[] = [];
    for (const [i, itemCities] of cities.entries()) {
      items.push(await newItem(t.dataSource, source, { cities: itemCities, publishedAt: new Date(Date.now() - i * 60_000) }));
    }
    return items;
  }

  it('shows moderators the items of their cities and those without a city, admins all, with counts', async () => {
    const source = await newSource(t.dataSource, { cities: [] });
    const [inEssen, inDortmund, regional, both] = await itemsOf(source, [['essen'], ['dortmund'], [], ['essen', 'dortmund']]);
    await newItem(t.dataSource, source, { cities: ['essen'], status: 'approved' });

    const forEssen = (await list(`?sourceId=${source.id}`, essen)).json<ModerationItemsResponse>();
    expect(forEssen.items.map((item) => item.id)).toEqual([inEssen!.id, regional!.id, both!.id]);
    expect(forEssen.counts).toEqual({ pending: 3, approved: 1, rejected: 0 });
    const forDortmund = (await list(`?sourceId=${source.id}`, dortmund)).json<ModerationItemsResponse>();
    expect(forDortmund.items.map((item) => item.id)).toEqual([inDortmund!.id, regional!.id, both!.id]);
    expect(forDortmund.counts.approved).toBe(0);
    const forAdmin = (await list(`?sourceId=${source.id}`, admin)).json<ModerationItemsResponse>();
    expect(forAdmin.items).toHaveLength(4);
    expect(forAdmin.items[0]).toMatchObject({ id: inEssen!.id, status: 'pending', source: { id: source.id, name: source.name, type: 'rss', kind: 'partner' } });

    expect((await t.app.inject({ method: 'GET', url: `/api/moderation/items/${inDortmund!.id}`, headers: essen })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/moderation/items/${regional!.id}`, headers: dortmund })).json<ItemDto>().id).toBe(regional!.id);
    expect((await list('?city=dortmund', essen)).statusCode).toBe(403);
  });

  it('refuses ambassadors and anonymous callers', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['essen']]);
    expect((await list('', ambassador)).statusCode).toBe(403);
    expect((await act(item!.id, 'approve', ambassador)).statusCode).toBe(403);
    expect((await bulk({ ids: [item!.id], action: 'approve' }, ambassador)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/moderation/items' })).statusCode).toBe(401);
    expect((await stored(item!.id)).status).toBe('pending');
  });

  it('does not let a moderator of Essen approve a Dortmund item', async () => {
    const source = await newSource(t.dataSource, { cities: ['dortmund'] });
    const [item] = await itemsOf(source, [['dortmund']]);
    const response = await act(item!.id, 'approve', essen);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
    expect((await stored(item!.id)).status).toBe('pending');
    expect(await auditOf(item!.id)).toEqual([]);
    expect((await act(item!.id, 'approve', dortmund)).json<ItemDto>().status).toBe('approved');
  });

  it('approves: records who and when, and an audit entry with before and after', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['essen']]);
    const response = await act(item!.id, 'approve', essen);
    expect(response.statusCode).toBe(200);
    expect(response.json<ItemDto>()).toMatchObject({ status: 'approved', decidedBy: essenId, rejectReason: null });
    expect(Date.parse(response.json<ItemDto>().decidedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [entry, ...more] = await auditOf(item!.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'item.approve', actor: { id: essenId }, before: { status: 'pending' }, after: { status: 'approved' } });

    // Approving again changes nothing and records nothing.
    expect((await act(item!.id, 'approve', essen)).statusCode).toBe(200);
    expect(await auditOf(item!.id)).toHaveLength(1);
  });

  it('rejects with a reason, stores it, and audits before and after', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [[]]);
    await t.dataSource.getRepository(ItemEntity).update({ id: item!.id }, { status: 'approved', pinned: true });
    const response = await act(item!.id, 'reject', dortmund, { reason: '  Werbung  ' });
    expect(response.json<ItemDto>()).toMatchObject({ status: 'rejected', rejectReason: 'Werbung' });
    expect((await stored(item!.id)).rejectReason).toBe('Werbung');
    const [entry] = await auditOf(item!.id);
    expect(entry!.action).toBe('item.reject');
    expect(entry!.before).toEqual({ status: 'approved', rejectReason: null, pinned: true, cities: [], topics: [], language: 'de' });
    expect(entry!.after).toEqual({ status: 'rejected', rejectReason: 'Werbung', pinned: true, cities: [], topics: [], language: 'de' });

    const tooLong = await act(item!.id, 'reject', dortmund, { reason: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].field).toBe('reason');
  });

  it('approves in bulk, skipping items outside the moderator’s cities and unknown ids, with reasons', async () => {
    const source = await newSource(t.dataSource, { cities: [] });
    const [a, b, outside, regional, done] = await itemsOf(source, [['essen'], ['essen', 'bochum'], ['bochum'], [], ['essen']]);
    await t.dataSource.getRepository(ItemEntity).update({ id: done!.id }, { status: 'approved' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await bulk({ ids: [a!.id, b!.id, outside!.id, regional!.id, done!.id, unknown, a!.id], action: 'approve' }, essen);
    expect(response.statusCode).toBe(200);
    const result = response.json<BulkModerationResponse>();
    expect(result.updated).toBe(3);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { id: outside!.id, reason: 'outside your cities' },
        { id: done!.id, reason: 'already approved' },
        { id: unknown, reason: 'not found' },
      ]),
    );
    expect(result.skipped).toHaveLength(3);
    for (const item of [a, b, regional]) expect((await stored(item!.id)).status).toBe('approved');
    expect((await stored(outside!.id)).status).toBe('pending');
    expect((await auditOf(b!.id))[0]).toMatchObject({ action: 'item.approve', before: { status: 'pending' }, after: { status: 'approved' } });
  });

  it('rejects, pins and unpins in bulk', async () => {
    const source = await newSource(t.dataSource);
    const [a, b] = await itemsOf(source, [['essen'], ['essen']]);
    const rejected = (await bulk({ ids: [a!.id, b!.id], action: 'reject', reason: 'Duplicate' }, essen)).json<BulkModerationResponse>();
    expect(rejected).toEqual({ updated: 2, skipped: [] });
    expect((await stored(a!.id)).rejectReason).toBe('Duplicate');
    expect((await bulk({ ids: [a!.id], action: 'pin' }, essen)).json<BulkModerationResponse>().updated).toBe(1);
    expect((await stored(a!.id)).pinned).toBe(true);
    const unpin = (await bulk({ ids: [a!.id, b!.id], action: 'unpin' }, essen)).json<BulkModerationResponse>();
    expect(unpin).toEqual({ updated: 1, skipped: [{ id: b!.id, reason: 'not pinned' }] });
  });

  it.each([
    [{ ids: [], action: 'approve' }, 'ids'],
    [{ ids: ['nope'], action: 'approve' }, 'ids'],
    [{ ids: ['00000000-0000-4000-8000-000000000000'], action: 'delete' }, 'action'],
  ])('refuses the bulk request %j with a 400 naming %s', async (payload, field) => {
    const response = await bulk(payload, essen);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('pins and unpins one item', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['essen']]);
    expect((await act(item!.id, 'pin', essen)).json<ItemDto>().pinned).toBe(true);
    expect((await act(item!.id, 'unpin', essen)).json<ItemDto>().pinned).toBe(false);
    expect((await auditOf(item!.id)).map((entry) => entry.action)).toEqual(['item.unpin', 'item.pin']);
  });

  it('edits tags: validated against cities, the taxonomy and ISO 639-1, marked as edited, audited', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['essen']]);
    const response = await edit(item!.id, { cities: ['essen', 'bochum', 'essen'], topics: ['work', 'housing'], language: 'tr' }, essen);
    expect(response.statusCode).toBe(200);
    expect(response.json<ItemDto>()).toMatchObject({ cities: ['essen', 'bochum'], topics: ['work', 'housing'], language: 'tr', tagsEdited: true });
    const [entry] = await auditOf(item!.id);
    expect(entry).toMatchObject({ action: 'item.tags', before: { cities: ['essen'], topics: [], language: 'de' }, after: { cities: ['essen', 'bochum'], topics: ['work', 'housing'], language: 'tr' } });

    expect((await edit(item!.id, { language: null }, essen)).json<ItemDto>().language).toBeNull();
  });

  it.each([
    [{ cities: ['koeln'] }, 'cities'],
    [{ cities: 'essen' }, 'cities'],
    [{ topics: ['astrology'] }, 'topics'],
    [{ topics: ['Not A Slug'] }, 'topics'],
    [{ language: 'deutsch' }, 'language'],
    [{ status: 'approved' }, 'status'],
    [{}, 'cities'],
  ])('refuses the tag edit %j with a 400 naming %s', async (payload, field) => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['essen']]);
    const response = await edit(item!.id, payload, essen);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await stored(item!.id)).tagsEdited).toBe(false);
  });

  it('does not let a moderator edit the tags of an item outside their cities', async () => {
    const source = await newSource(t.dataSource);
    const [item] = await itemsOf(source, [['dortmund']]);
    expect((await edit(item!.id, { topics: ['work'] }, essen)).statusCode).toBe(403);
    expect((await stored(item!.id)).topics).toEqual([]);
  });

  it('filters the queue and pages through it with a cursor', async () => {
    const source = await newSource(t.dataSource);
    const items: ItemEntity[] = [];
    for (let i = 0; i < 5; i++) {
      items.push(
        await newItem(t.dataSource, source, {
          cities: ['essen'],
          publishedAt: new Date(Date.UTC(2026, 0, 10 - i)),
          topics: i % 2 === 0 ? ['work'] : ['health'],
          language: i < 2 ? 'ar' : 'de',
          title: i === 3 ? 'Sprachkurs 100% kostenlos' : `Meldung ${i}`,
          heldReasons: i === 4 ? ['blocked phrase: "gratis"'] : [],
        }),
      );
    }
    const q = `sourceId=${source.id}`;
    const page = async (query: string) => (await list(`?${q}&${query}`, essen)).json<ModerationItemsResponse>();
    expect((await page('topic=work')).items.map((item) => item.id)).toEqual([items[0]!.id, items[2]!.id, items[4]!.id]);
    expect((await page('lang=ar')).items.map((item) => item.id)).toEqual([items[0]!.id, items[1]!.id]);
    expect((await page('q=100%25')).items.map((item) => item.id)).toEqual([items[3]!.id]);
    const held = await page('held=true');
    expect(held.items.map((item) => item.id)).toEqual([items[4]!.id]);
    expect(held.items[0]!.heldReasons).toEqual(['blocked phrase: "gratis"']);
    expect((await page('held=false')).items).toHaveLength(4);
    expect((await page('status=approved')).items).toEqual([]);

    const first = await page('limit=2');
    expect(first.items.map((item) => item.id)).toEqual([items[0]!.id, items[1]!.id]);
    const second = await page(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([items[2]!.id, items[3]!.id]);
    const third = await page(`limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((item) => item.id)).toEqual([items[4]!.id]);
    expect(third.nextCursor).toBeNull();

    for (const [query, field] of [['status=open', 'status'], ['limit=0', 'limit'], ['cursor=abc', 'cursor'], ['city=paris', 'city'], ['held=maybe', 'held']]) {
      const response = await list(`?${query}`, essen);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('answers 404 for an unknown or malformed item id', async () => {
    expect((await act('00000000-0000-4000-8000-000000000000', 'approve', admin)).statusCode).toBe(404);
    expect((await act('not-an-id', 'approve', admin)).statusCode).toBe(404);
  });
});
