import type { SourceDto } from '@welcome-ruhr/contracts';
import { newSource } from '../testing/factories';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { createTestApp, type TestApp } from '../testing/test-app';
import { FacebookPageFetchService } from './facebook-page-fetch.service';

/** Sources of type facebook_page, through the Graph client and the feed pipeline, with the source's state. */
describe('facebook_page sources', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  let admin: { authorization: string };
  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    t = await createTestApp(fakeGraphEnv(fb));
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
  });
  afterEach(() => {
    fb.clearFaults();
    fb.usageHeaders = {};
  });

  async function pageSource(fields: object = {}): Promise<{ source: SourceDto; page: ReturnType<FakeGraphApi['addPage']> }> {
    const page = fb.addPage({ name: 'Universität Duisburg-Essen – International' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'facebook_page', externalId: page.id, name: page.name, accessToken: page.accessToken, cities: ['essen'], ...fields },
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return { source: response.json<SourceDto>(), page };
  }
  const fetchNow = (id: string) => t.app.inject({ method: 'POST', url: `/api/sources/${id}/fetch`, headers: admin });

  it('reads a page into items on "fetch now", and on the next read only what is new', async () => {
    const { source, page } = await pageSource();
    fb.addPost(page.id, { createdTime: new Date(Date.now() - 120_000), message: 'Welcome Days 2026: Anmeldung offen!\nAlle Infos im Link.', attachments: [{ type: 'share', url: 'https://www.uni-due.de/welcome', title: 'Welcome Days' }] });
    fb.addPost(page.id, { createdTime: new Date(Date.now() - 60_000), message: 'Sprachcafé jeden Dienstag' });
    const first = await fetchNow(source.id);
    expect(first.statusCode).toBe(200);
    expect(first.json<SourceDto>()).toMatchObject({ state: 'healthy', lastError: null, lastFetch: { outcome: 'ok', items: 2, new: 2 } });
    const items: { title: string; html: string; url: string; cities: string[] }[] = await t.dataSource.query(
      'SELECT title, html, url, cities FROM items WHERE source_id = $1 ORDER BY published_at',
      [source.id],
    );
    expect(items.map((i) => i.title)).toEqual(['Welcome Days 2026: Anmeldung offen!', 'Sprachcafé jeden Dienstag']);
    expect(items[0].html).toContain('href="https://www.uni-due.de/welcome"');
    expect(items[0].url).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(items[0].cities).toContain('essen');
    const [call] = fb.callsTo('GET', `/${page.id}/posts`);
    expect(call.query['fields']).toContain('permalink_url');

    fb.addPost(page.id, { message: 'Neu: Wohnungsbörse' });
    const second = await fetchNow(source.id);
    expect(second.json<SourceDto>().lastFetch).toMatchObject({ new: 1, unchanged: 2 });
  });

  it('does not subscribe the page to webhooks when the server has none (FACEBOOK_WEBHOOK_VERIFY_TOKEN unset), and says so', async () => {
    const { source, page } = await pageSource();
    expect(source).toMatchObject({ webhookState: 'not_configured' });
    expect(source.webhookMessage).toContain('FACEBOOK_WEBHOOK_VERIFY_TOKEN');
    expect(fb.callsTo('POST', `/${page.id}/subscribed_apps`)).toHaveLength(0);
    expect(fb.subscribedFieldsOf(page.id)).toBeUndefined();
  });

  it('pauses on a rate limit until Facebook expects access again, says so, and resumes by itself', async () => {
    const { source, page } = await pageSource();
    fb.addPost(page.id, { message: 'Hallo' });
    fb.fault({
      path: `/${page.id}/posts`,
      error: { code: 80001, message: 'There have been too many calls to this Page account.' },
      headers: { 'X-Business-Use-Case-Usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 25 }] }) },
    });
    const limited = (await fetchNow(source.id)).json<SourceDto>();
    expect(limited.state).toBe('paused');
    expect(limited.pausedReason).toMatch(/^Facebook's rate limit is reached \(code 80001\); reading resumes at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, when Facebook expects access again\.$/);
    expect(limited.consecutiveFailures).toBe(0);
    const [row] = await t.dataSource.query(`SELECT extract(epoch FROM next_fetch_at - now()) AS wait FROM sources WHERE id = $1`, [source.id]);
    expect(Number(row.wait)).toBeGreaterThan(24 * 60);

    const pages = t.app.get(FacebookPageFetchService);
    await pages.tick();
    await pages.idle();
    expect(fb.callsTo('GET', `/${page.id}/posts`)).toHaveLength(1);
    await t.dataSource.query(`UPDATE sources SET next_fetch_at = now() WHERE id = $1`, [source.id]);
    await pages.tick();
    await pages.idle();
    const resumed = (await t.app.inject({ method: 'GET', url: `/api/sources/${source.id}`, headers: admin })).json<SourceDto>();
    expect(resumed).toMatchObject({ state: 'healthy', pausedReason: null, lastFetch: { new: 1 } });
  });

  it('pauses with words on a refused token (190)', async () => {
    const { source, page } = await pageSource();
    fb.revokeToken(page.accessToken);
    const refused = (await fetchNow(source.id)).json<SourceDto>();
    expect(refused.state).toBe('paused');
    expect(refused.lastError).toMatch(/^Facebook refused the page's access token \(.+\)\. Give the source a new page token/);
  });

  it('reads less often when usage is above 75 %', async () => {
    const { source, page } = await pageSource();
    fb.addPost(page.id, { message: 'Busy' });
    fb.usageHeaders = { 'X-App-Usage': JSON.stringify({ call_count: 95, total_time: 10, total_cputime: 10 }) };
    const busy = (await fetchNow(source.id)).json<SourceDto>();
    expect(busy.lastFetch!.warnings).toEqual(['Facebook reports 95 % of the API budget used: this page is read less often for now.']);
    expect(busy.fetchIntervalSeconds).toBeGreaterThan(1800 * 3);
  });

  it('uses the token of an ambassador’s connected page, else the app token', async () => {
    const page = fb.addPage({ posts: 1 });
    const source = await newSource(t.dataSource, { type: 'facebook_page', externalId: page.id, url: null, name: 'Public page', accessTokenEncrypted: null });
    await fetchNow(source.id);
    expect(fb.callsTo('GET', `/${page.id}/posts`).at(-1)?.query['access_token']).toBe(`${fb.appId}|${fb.appSecret}`);

    const { headers } = await t.signIn('ambassador');
    await t.app.inject({ method: 'POST', url: '/api/channels', headers, payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken } });
    await fetchNow(source.id);
    expect(fb.callsTo('GET', `/${page.id}/posts`).at(-1)?.query['access_token']).toBe(page.accessToken);
  });
});
