import type { AuditEntryDto, SourceDto, SourceStatsDto } from '@welcome-ruhr/contracts';
import { AuditService } from '../audit/audit.service';
import { SecretBox } from '../common/crypto/secret-box';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from '../testing/test-app';
import { SourceEntity } from './source.entity';

type Headers = { authorization: string };

describe('sources API', () => {
  let t: TestApp;
  let admin: Headers;
  let essen: Headers;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
    essen = (await t.signIn('moderator', { cities: ['essen'] })).headers;
  });
  afterAll(() => t.close());

  const create = (payload: object, headers: Headers = admin) => t.app.inject({ method: 'POST', url: '/api/sources', headers, payload });
  const patch = (id: string, payload: object, headers: Headers = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/sources/${id}`, headers, payload });

  it('creates an rss source with its settings, new and due, without ever returning the token', async () => {
    const response = await create({
      type: 'rss',
      url: 'https://WWW.Uni-Due.de/international/news.rss#top',
      name: '  International Office UDE ',
      kind: 'partner',
      cities: ['essen', 'duisburg', 'essen'],
      topics: ['study'],
      languages: ['de', 'en'],
      autoApprove: true,
      accessToken: 'secret-token-value',
    });
    expect(response.statusCode).toBe(201);
    const source = response.json<SourceDto>();
    expect(source).toMatchObject({
      type: 'rss',
      url: 'https://www.uni-due.de/international/news.rss',
      name: 'International Office UDE',
      cities: ['essen', 'duisburg'],
      topics: ['study'],
      languages: ['de', 'en'],
      autoApprove: true,
      active: true,
      state: 'new',
      lastError: null,
      pausedReason: null,
      items: { total: 0, pending: 0, approved: 0, rejected: 0 },
    });
    expect(response.body).not.toContain('secret-token-value');
    expect(Object.keys(source)).not.toContain('accessToken');
    const row = await t.dataSource.getRepository(SourceEntity).findOneByOrFail({ id: source.id });
    expect(new SecretBox(TEST_SECRET_KEY).open(row.accessTokenEncrypted!)).toBe('secret-token-value');
    expect(new Date(source.nextFetchAt!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('reads a Mastodon account from its public RSS, accepting the usual spellings of the address', async () => {
    const forms = ['https://social.example/@ayse', 'https://social.example/@ayse.rss', 'https://social.example/users/ayse', '@ayse@social.example'];
    const first = await create({ type: 'mastodon', url: forms[0], name: 'Ayşe on Mastodon', cities: ['essen'] });
    expect(first.statusCode).toBe(201);
    expect(first.json<SourceDto>().url).toBe('https://social.example/@ayse');
    for (const form of forms.slice(1)) {
      const again = await create({ type: 'mastodon', url: form, name: 'again', cities: ['essen'] });
      expect(again.statusCode).toBe(409);
      expect(again.json().fields).toEqual([{ field: 'url', problem: 'is already the address of the source “Ayşe on Mastodon”' }]);
    }
    const notAnAccount = await create({ type: 'mastodon', url: 'https://social.example/about', name: 'x', cities: ['essen'] });
    expect(notAnAccount.statusCode).toBe(400);
    expect(notAnAccount.json().fields).toEqual([
      { field: 'url', problem: 'url must be a Mastodon account address such as https://mastodon.social/@username' },
    ]);
  });

  it('creates a Facebook page by its id', async () => {
    const response = await create({ type: 'facebook_page', externalId: '104958162837', name: 'Stadt Essen', cities: ['essen'], accessToken: 'EAAB…' });
    expect(response.statusCode).toBe(201);
    expect(response.json<SourceDto>()).toMatchObject({ type: 'facebook_page', url: null, externalId: '104958162837' });
    const again = await create({ type: 'facebook_page', externalId: '104958162837', name: 'Twice', cities: ['essen'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].field).toBe('externalId');
  });

  it.each([
    [{ type: 'twitter', url: 'https://x.example/feed', name: 'X' }, 'type', 'type must be one of rss, facebook_page, mastodon'],
    [{ type: 'rss', name: 'No address' }, 'url', 'url is required for a rss source'],
    [{ type: 'rss', url: 'ftp://files.example/feed.xml', name: 'FTP' }, 'url', 'url must be an http or https address'],
    [{ type: 'rss', url: 'not a url', name: 'Words' }, 'url', 'url must be an http or https address'],
    [{ type: 'rss', url: 'https://user:pw@feeds.example/rss', name: 'Creds' }, 'url', 'url must not contain a user name or password'],
    [{ type: 'facebook_page', name: 'No id' }, 'externalId', 'externalId must be a page id or name: letters, digits, ".", "_", "-" (at most 200)'],
    [{ type: 'facebook_page', externalId: '1', url: 'https://facebook.com/x', name: 'Both' }, 'url', 'url is only for rss and mastodon sources; a Facebook page is named by externalId'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: '' }, 'name', 'name must be 1 to 200 characters long'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', cities: ['koeln'] }, 'cities', 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', languages: ['deu'] }, 'languages', 'languages must contain only ISO 639-1 codes such as de, en or tr'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', languages: ['xx'] }, 'languages', 'languages must contain only ISO 639-1 codes such as de, en or tr'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', kind: 'blog' }, 'kind', 'kind must be one of ambassador, partner, city'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', autoApprove: 'yes' }, 'autoApprove', 'autoApprove must be true or false'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', topics: ['cooking'] }, 'topics', 'must contain only topics of the taxonomy; unknown: cooking'],
    [{ type: 'rss', url: 'https://feeds.example/a', name: 'A', owner: 'me' }, 'owner', 'property owner should not exist'],
  ])('refuses %j with a 400 naming %s', async (payload, field, problem) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().fields).toContainEqual({ field, problem });
  });

  it('refuses the same feed address twice, naming the field and the existing source', async () => {
    await create({ type: 'rss', url: 'https://presse.essen.de/rss', name: 'Presse Essen', cities: ['essen'] });
    const again = await create({ type: 'rss', url: 'https://PRESSE.essen.de/rss', name: 'Dup', cities: ['essen'] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'url', problem: 'is already the address of the source “Presse Essen”' }] });
  });

  describe('city scope', () => {
    it('lets a moderator add sources only for their own cities, and not regional ones', async () => {
      expect((await create({ type: 'rss', url: 'https://essen.example/a.rss', name: 'Mine', cities: ['essen'] }, essen)).statusCode).toBe(201);
      const other = await create({ type: 'rss', url: 'https://dortmund.example/a.rss', name: 'Theirs', cities: ['dortmund'] }, essen);
      expect(other.statusCode).toBe(403);
      expect(other.json().message).toBe('You do not work for dortmund.');
      const regional = await create({ type: 'rss', url: 'https://rvr.example/a.rss', name: 'Region' }, essen);
      expect(regional.statusCode).toBe(400);
      expect(regional.json().fields).toEqual([
        { field: 'cities', problem: 'must name at least one of your cities (only admins add sources for the whole region)' },
      ]);
    });

    it('forbids a moderator of essen to edit, delete or fetch a dortmund source, and to move a source out of their cities', async () => {
      const dortmund = await newSource(t.dataSource, { cities: ['dortmund'], name: 'Dortmund News' });
      expect((await patch(dortmund.id, { name: 'Hijacked' }, essen)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/sources/${dortmund.id}`, headers: essen })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `/api/sources/${dortmund.id}/fetch`, headers: essen })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/sources/${dortmund.id}`, headers: essen })).statusCode).toBe(403);
      expect((await t.dataSource.getRepository(SourceEntity).findOneByOrFail({ id: dortmund.id })).name).toBe('Dortmund News');

      const mine = await newSource(t.dataSource, { cities: ['essen'] });
      const moved = await patch(mine.id, { cities: ['dortmund'] }, essen);
      expect(moved.statusCode).toBe(403);
      const regional = await newSource(t.dataSource, { cities: [], name: 'RVR' });
      expect((await t.app.inject({ method: 'GET', url: `/api/sources/${regional.id}`, headers: essen })).statusCode).toBe(200);
      expect((await patch(regional.id, { name: 'x' }, essen)).statusCode).toBe(403);
      expect((await patch(regional.id, { name: 'RVR Region' })).statusCode).toBe(200);
    });

    it('lists for a moderator the sources of their cities and the regional ones, for an admin all', async () => {
      const herne = await newSource(t.dataSource, { cities: ['herne'], name: 'Herne only' });
      const listed = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: essen })).json<SourceDto[]>();
      expect(listed.map((s) => s.id)).not.toContain(herne.id);
      expect(listed.every((s) => s.cities.length === 0 || s.cities.includes('essen'))).toBe(true);
      const all = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: admin })).json<SourceDto[]>();
      expect(all.map((s) => s.id)).toContain(herne.id);
      const ambassador = (await t.signIn('ambassador')).headers;
      expect((await t.app.inject({ method: 'GET', url: '/api/sources', headers: ambassador })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/sources' })).statusCode).toBe(401);
    });
  });

  it('lists with item counts per status and filters by city, kind and state', async () => {
    const bochum = await newSource(t.dataSource, { cities: ['bochum'], kind: 'city', name: 'Stadt Bochum' });
    await newItem(t.dataSource, bochum, { status: 'pending' });
    await newItem(t.dataSource, bochum, { status: 'approved' });
    await newItem(t.dataSource, bochum, { status: 'approved' });
    await newItem(t.dataSource, bochum, { status: 'rejected' });
    await newSource(t.dataSource, { cities: ['bochum'], kind: 'partner', name: 'Bochum Partner', active: false });
    await newSource(t.dataSource, { cities: ['bochum'], kind: 'partner', name: 'Bochum Paused', pausedReason: 'Paused after 10 failed fetches in a row.' });

    const byCityKind = (await t.app.inject({ method: 'GET', url: '/api/sources?city=bochum&kind=city', headers: admin })).json<SourceDto[]>();
    expect(byCityKind.map((s) => s.name)).toEqual(['Stadt Bochum']);
    expect(byCityKind[0].items).toEqual({ total: 4, pending: 1, approved: 2, rejected: 1 });
    const inactive = (await t.app.inject({ method: 'GET', url: '/api/sources?city=bochum&state=inactive', headers: admin })).json<SourceDto[]>();
    expect(inactive.map((s) => s.name)).toEqual(['Bochum Partner']);
    const paused = (await t.app.inject({ method: 'GET', url: '/api/sources?city=bochum&state=paused', headers: admin })).json<SourceDto[]>();
    expect(paused.map((s) => [s.name, s.nextFetchAt])).toEqual([['Bochum Paused', null]]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/sources?state=sleepy&city=paris', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['city', 'state']);
  });

  it('edits a source; a new address resets the validators; an edit resumes a paused source; all in the audit log', async () => {
    const source = await newSource(t.dataSource, {
      cities: ['essen'],
      etag: '"abc"',
      lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT',
      consecutiveFailures: 10,
      pausedReason: 'Paused after 10 failed fetches in a row.',
      lastError: 'The server answered 500 Internal Server Error',
    });
    const response = await patch(source.id, { url: 'https://essen.example/new.rss', topics: ['work'], autoApprove: true }, essen);
    expect(response.statusCode).toBe(200);
    expect(response.json<SourceDto>()).toMatchObject({
      url: 'https://essen.example/new.rss',
      topics: ['work'],
      autoApprove: true,
      pausedReason: null,
      consecutiveFailures: 0,
    });
    expect(response.json<SourceDto>().state).not.toBe('paused');
    const row = await t.dataSource.getRepository(SourceEntity).findOneByOrFail({ id: source.id });
    expect([row.etag, row.lastModified]).toEqual([null, null]);
    expect(row.nextFetchAt.getTime()).toBeLessThanOrEqual(Date.now());

    const invalid = await patch(source.id, { url: 'javascript:alert(1)', languages: ['klingon'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields).toContainEqual({ field: 'languages', problem: 'languages must contain only ISO 639-1 codes such as de, en or tr' });
    const badUrl = await patch(source.id, { url: 'javascript:alert(1)' });
    expect(badUrl.json().fields).toEqual([{ field: 'url', problem: 'must be an http or https address' }]);

    const log = await t.app.get(AuditService).list({ entityType: 'source', entityId: source.id }, 'system');
    expect(log.map((e: AuditEntryDto) => e.action)).toEqual(['source.update']);
    expect(log[0].before).toMatchObject({ url: source.url, autoApprove: false });
    expect(log[0].after).toMatchObject({ url: 'https://essen.example/new.rss', autoApprove: true });
  });

  it('deletes a source with its items, 404 afterwards', async () => {
    const source = await newSource(t.dataSource, { cities: ['essen'] });
    await newItem(t.dataSource, source);
    const response = await t.app.inject({ method: 'DELETE', url: `/api/sources/${source.id}`, headers: essen });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/sources/${source.id}`, headers: admin })).statusCode).toBe(404);
    expect(await t.dataSource.query('SELECT 1 FROM items WHERE source_id = $1', [source.id])).toHaveLength(0);
    const log = await t.app.get(AuditService).list({ entityType: 'source', entityId: source.id, action: 'source.delete' }, 'system');
    expect(log).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/sources/not-a-uuid', headers: admin })).statusCode).toBe(404);
  });

  it('counts items per publication day for the chart, days without items included', async () => {
    const source = await newSource(t.dataSource, { cities: ['essen'] });
    const today = new Date();
    const daysAgo = (n: number) => new Date(today.getTime() - n * 24 * 60 * 60 * 1000);
    await newItem(t.dataSource, source, { publishedAt: daysAgo(0) });
    await newItem(t.dataSource, source, { publishedAt: daysAgo(0), status: 'approved' });
    await newItem(t.dataSource, source, { publishedAt: daysAgo(2), status: 'rejected' });
    await newItem(t.dataSource, source, { publishedAt: daysAgo(40) });
    const response = await t.app.inject({ method: 'GET', url: `/api/sources/${source.id}/stats?days=7`, headers: essen });
    expect(response.statusCode).toBe(200);
    const stats = response.json<SourceStatsDto>();
    expect(stats.days).toHaveLength(7);
    expect(stats.days.map((d) => d.total)).toEqual([0, 0, 0, 0, 1, 0, 2]);
    expect(stats.days[6]).toMatchObject({ pending: 1, approved: 1, rejected: 0 });
    expect(stats.days[4]).toMatchObject({ rejected: 1 });
    expect(stats.days[6].date).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(today));
    const tooMany = await t.app.inject({ method: 'GET', url: `/api/sources/${source.id}/stats?days=1000`, headers: essen });
    expect(tooMany.json().fields).toEqual([{ field: 'days', problem: 'days must be a whole number from 1 to 365' }]);
  });
});
