import type { OverviewDto } from '@welcome-ruhr/contracts';
import { newAmbassador, newContactRequest } from '../contact-requests/testing';
import { OutboxMessageEntity } from '../mail/outbox-message.entity';
import { PostEntity } from '../posts/post.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { lastDays, OverviewService } from './overview.service';

describe('overview', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let adminId: string;
  let essen: { authorization: string; id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const signedInAdmin = await t.signIn('admin');
    admin = signedInAdmin.headers;
    adminId = signedInAdmin.login.user.id;
    const moderator = await t.signIn('moderator', { cities: ['essen'] });
    essen = { ...moderator.headers, id: moderator.login.user.id };
  });
  afterAll(() => t.close());

  const overview = async (headers: { authorization: string }) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/overview', headers });
    expect(response.statusCode).toBe(200);
    return response.json<OverviewDto>();
  };

  it('counts the last 14 Berlin days of incoming items by outcome, in the viewer’s cities and the regional ones', async () => {
    const source = await newSource(t.dataSource);
    const at = async (createdAt: string, fields: Parameters<typeof newItem>[2]) => {
      const item = await newItem(t.dataSource, source, fields);
      await t.dataSource.query('UPDATE items SET created_at = $2 WHERE id = $1', [item.id, createdAt]);
    };
    await at('2026-11-25T10:00:00Z', { status: 'approved' }); // today, automatically
    await at('2026-11-25T10:00:00Z', { status: 'approved', decidedBy: essen.id, decidedAt: new Date() }); // today, by a moderator
    await at('2026-11-24T23:30:00Z', { status: 'rejected' }); // 00:30 in Berlin: today
    await at('2026-11-24T22:30:00Z', { status: 'pending' }); // 23:30 in Berlin: yesterday
    await at('2026-11-24T12:00:00Z', { status: 'pending', cities: [] }); // regional: every moderator's
    await at('2026-11-24T12:00:00Z', { status: 'pending', cities: ['bochum'] }); // not Essen's
    await at('2026-11-11T23:30:00Z', { status: 'approved' }); // 12 Nov in Berlin: the first of the 14 days
    await at('2026-11-11T22:30:00Z', { status: 'approved' }); // 11 Nov in Berlin: too old

    const service = t.app.get(OverviewService);
    const now = new Date('2026-11-25T12:00:00Z');
    const mine = await service.overview({ id: essen.id, role: 'moderator', cities: ['essen'] }, now);
    expect(mine.days).toHaveLength(14);
    expect(mine.days[0]).toEqual({ date: '2026-11-12', autoApproved: 1, approved: 0, rejected: 0, pending: 0 });
    expect(mine.days[12]).toEqual({ date: '2026-11-24', autoApproved: 0, approved: 0, rejected: 0, pending: 2 });
    expect(mine.days[13]).toEqual({ date: '2026-11-25', autoApproved: 1, approved: 1, rejected: 1, pending: 0 });
    expect(mine.days.slice(1, 12).every((d) => d.autoApproved + d.approved + d.rejected + d.pending === 0)).toBe(true);

    const all = await service.overview({ id: adminId, role: 'admin', cities: [] }, now);
    expect(all.days[12]!.pending).toBe(3);
    await t.dataSource.query('DELETE FROM items WHERE source_id = $1', [source.id]);
    await t.dataSource.query('DELETE FROM sources WHERE id = $1', [source.id]);
  });

  it('counts the queue with held and duplicate items, and sources by the state the source list shows', async () => {
    const trusted = await newSource(t.dataSource, { autoApprove: true, lastFetchedAt: new Date() });
    const first = await newItem(t.dataSource, trusted, { status: 'approved' });
    await newItem(t.dataSource, trusted, { heldReasons: ['blocked phrase: "casino"'] });
    await newItem(t.dataSource, trusted, { heldReasons: ['duplicate of an item from Stadt Essen'], duplicateOfId: first.id });
    await newItem(t.dataSource, trusted, { cities: ['bochum'] });
    await newSource(t.dataSource, { lastFetchedAt: new Date(), consecutiveFailures: 3, lastError: 'HTTP 500' });
    await newSource(t.dataSource, { pausedReason: 'Paused after 10 failures in a row' });
    await newSource(t.dataSource, { active: false });
    await newSource(t.dataSource, { cities: ['bochum'], lastFetchedAt: new Date(), consecutiveFailures: 1 });
    await newSource(t.dataSource, { cities: [] }); // regional, never fetched yet

    const mine = await overview(essen);
    expect(mine.queue).toEqual({ pending: 2, held: 1, duplicates: 1 });
    expect(mine.sources).toEqual({ new: 1, fetching: 0, healthy: 1, failing: 1, paused: 1, inactive: 1 });
    expect(mine.mail).toBeNull();

    const all = await overview(admin);
    expect(all.queue.pending).toBe(3);
    expect(all.sources.failing).toBe(2);

    // The source list says the same.
    const listed = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: essen })).json<{ state: string }[]>();
    expect(listed.filter((s) => s.state === 'failing')).toHaveLength(mine.sources.failing);
    expect(listed.filter((s) => s.state === 'paused')).toHaveLength(mine.sources.paused);
  });

  it('counts posts waiting for review and new questions in the viewer’s scope, and the mail outbox for admins', async () => {
    const { ambassador: inEssen } = await newAmbassador(t.dataSource, { cities: ['essen'] });
    const { ambassador: inBochum } = await newAmbassador(t.dataSource, { cities: ['bochum'] });
    const posts = t.dataSource.getRepository(PostEntity);
    for (const ambassadorId of [inEssen.id, inBochum.id]) {
      await posts.save(posts.create({ ambassadorId, text: 'Sprechstunde', status: 'pending_review', asSoonAsApproved: true }));
    }
    await posts.save(posts.create({ ambassadorId: inEssen.id, text: 'Entwurf', status: 'draft', asSoonAsApproved: true }));
    await newContactRequest(t.dataSource, { city: 'essen' });
    await newContactRequest(t.dataSource, { city: 'essen', status: 'answered', answeredAt: new Date() });
    await newContactRequest(t.dataSource, { city: 'bochum' });
    await newContactRequest(t.dataSource, { city: 'essen', ambassadorId: inEssen.id });
    const outbox = t.dataSource.getRepository(OutboxMessageEntity);
    const mail = (fields: Partial<OutboxMessageEntity>) =>
      outbox.save(outbox.create({ kind: 'contact.notify', toAddress: 'someone@example.org', subject: 'Neue Anfrage', text: 'Hallo', language: 'de', ...fields }));
    await mail({});
    await mail({ sentAt: new Date() });
    await mail({ failedAt: new Date(), lastError: '550 no such user' });

    const mine = await overview(essen);
    expect(mine.posts).toEqual({ pendingReview: 1 });
    expect(mine.contactRequests).toEqual({ new: 1 });
    expect(mine.mail).toBeNull();

    const all = await overview(admin);
    expect(all.posts).toEqual({ pendingReview: 2 });
    expect(all.contactRequests).toEqual({ new: 3 });
    expect(all.mail).toEqual({ waiting: 1, failed: 1 });
  });

  it('is for admins and moderators only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/overview', headers: (await t.signIn('ambassador')).headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(401);
  });

  it('names the days in Berlin, across the change to summer time', () => {
    expect(lastDays(new Date('2026-03-30T00:30:00Z'), 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(lastDays(new Date('2026-03-29T22:30:00Z'), 1)).toEqual(['2026-03-30']); // 00:30 summer time
    expect(lastDays(new Date('2026-12-31T23:30:00Z'), 2)).toEqual(['2026-12-31', '2027-01-01']);
  });
});
