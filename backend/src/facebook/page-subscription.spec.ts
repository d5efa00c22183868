import type { ChannelDto, SourceDto } from '@welcome-ruhr/contracts';
import { FakeGraphApi, type FakePage, type RecordedGraphCall, fakeGraphEnv } from '../testing/fake-graph-api';
import { createTestApp, type TestApp } from '../testing/test-app';
import { GraphClient } from './graph-client';
import { PageSubscriptionService, RETRY_AFTER_HOURS } from './page-subscription.service';

/** Pages read as sources subscribe our app to their updates, so that the webhook makes them due at once. */
describe('webhook subscriptions of Facebook pages', () => {
  let t: TestApp;
  let fb: FakeGraphApi;
  let admin: { authorization: string };
  beforeAll(async () => {
    fb = await new FakeGraphApi().start();
    t = await createTestApp(fakeGraphEnv(fb, { FACEBOOK_WEBHOOK_VERIFY_TOKEN: 'verify-me' }));
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
  });
  afterEach(() => fb.clearFaults());

  const subscribeCalls = (page: FakePage) => fb.callsTo('POST', `/${page.id}/subscribed_apps`);
  const params = (call: RecordedGraphCall | undefined) => ({ ...call?.query, ...call?.body });
  const createSource = (page: FakePage, accessToken?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'facebook_page', externalId: page.id, name: page.name, cities: ['essen'], ...(accessToken ? { accessToken } : {}) },
    });
  /** An ambassador of Essen connects the page as a channel, with its page token. */
  const connectPage = async (page: FakePage) => {
    const ambassador = (await t.signIn('ambassador', { cities: ['essen'] })).headers;
    return t.app.inject({
      method: 'POST',
      url: '/api/channels',
      headers: ambassador,
      payload: { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken },
    });
  };
  const getSource = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/sources/${id}`, headers: admin })).json<SourceDto>();

  it('subscribes the page with its token when the source is created, and says so in the API', async () => {
    const page = fb.addPage();
    const response = await createSource(page, page.accessToken);
    expect(response.statusCode).toBe(201);
    const source = response.json<SourceDto>();
    expect(source).toMatchObject({ webhookState: 'subscribed', webhookMessage: null });
    expect(Date.parse(source.webhookCheckedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(fb.subscribedFieldsOf(page.id)).toEqual(['feed']);
    const [call] = subscribeCalls(page);
    expect(params(call)).toMatchObject({ subscribed_fields: 'feed', access_token: page.accessToken });

    const list = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: admin })).json<SourceDto[]>();
    expect(list.find((s) => s.id === source.id)).toMatchObject({ webhookState: 'subscribed' });
    // What Facebook itself reports for the page, read through the SDK.
    const listed = await t.app.get(GraphClient).get<{ data: { id: string; subscribed_fields: string[] }[] }>(`${page.id}/subscribed_apps`, {}, page.accessToken);
    expect(listed.data.data).toEqual([{ id: fb.appId, name: 'Welcome Ruhr (fake)', subscribed_fields: ['feed'] }]);
  });

  it('subscribes again with a new token, which heals a failed subscription', async () => {
    const page = fb.addPage();
    const oldToken = page.accessToken;
    fb.revokeToken(oldToken);
    const created = await createSource(page, oldToken);
    expect(created.statusCode).toBe(201);
    const source = created.json<SourceDto>();
    expect(source.webhookState).toBe('failed');
    expect(source.webhookMessage).toMatch(/^Facebook refused the page token \(Error validating access token/);

    page.accessToken = 'EAAPageRenewed0123';
    const updated = await t.app.inject({ method: 'PATCH', url: `/api/sources/${source.id}`, headers: admin, payload: { accessToken: page.accessToken } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<SourceDto>()).toMatchObject({ webhookState: 'subscribed', webhookMessage: null });
    expect(params(subscribeCalls(page).at(-1))['access_token']).toBe('EAAPageRenewed0123');
    expect(subscribeCalls(page)).toHaveLength(2);

    // Subscribed and the token unchanged: an edit of the name does not call Facebook again.
    await t.app.inject({ method: 'PATCH', url: `/api/sources/${source.id}`, headers: admin, payload: { name: 'Renamed page' } });
    expect(subscribeCalls(page)).toHaveLength(2);
  });

  it('records a refused token (190) on the source, which is saved all the same', async () => {
    const page = fb.addPage();
    fb.fault({ method: 'POST', path: `/${page.id}/subscribed_apps`, error: { code: 190, message: 'Error validating access token: The session has been invalidated.' } });
    const response = await createSource(page, page.accessToken);
    expect(response.statusCode).toBe(201);
    const source = response.json<SourceDto>();
    expect(source).toMatchObject({ webhookState: 'failed', active: true });
    expect(source.webhookMessage).toContain('The session has been invalidated');
    expect(source.webhookMessage).toContain('new page token');
    expect(fb.subscribedFieldsOf(page.id)).toBeUndefined();
    const [row] = await t.dataSource.query('SELECT webhook_state, webhook_checked_at FROM sources WHERE id = $1', [source.id]);
    expect(row.webhook_state).toBe('failed');
    expect(row.webhook_checked_at).not.toBeNull();
  });

  it('records a Facebook outage (500) and tries again on "fetch now"', async () => {
    const page = fb.addPage();
    fb.fault({ method: 'POST', path: `/${page.id}/subscribed_apps`, status: 500 });
    const source = (await createSource(page, page.accessToken)).json<SourceDto>();
    expect(source.webhookState).toBe('failed');
    expect(source.webhookMessage).toMatch(/^Facebook could not take the subscription right now \(.+\)\. It is tried again daily; save the source or use “fetch now” to try at once\.$/);
    expect((await getSource(source.id)).webhookState).toBe('failed');

    const fetched = await t.app.inject({ method: 'POST', url: `/api/sources/${source.id}/fetch`, headers: admin });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json<SourceDto>()).toMatchObject({ webhookState: 'subscribed', webhookMessage: null, state: 'healthy' });
    expect(fb.subscribedFieldsOf(page.id)).toEqual(['feed']);
  });

  it('tries a page that is not subscribed again a day after its last try, once per round across replicas', async () => {
    const page = fb.addPage();
    fb.fault({ method: 'POST', path: `/${page.id}/subscribed_apps`, status: 503 });
    const source = (await createSource(page, page.accessToken)).json<SourceDto>();
    expect(source.webhookState).toBe('failed');
    const service = t.app.get(PageSubscriptionService);
    const age = (hours: number) =>
      t.dataSource.query(`UPDATE sources SET webhook_checked_at = now() - make_interval(hours => $2) WHERE id = $1`, [source.id, hours]);
    const callsBefore = subscribeCalls(page).length;

    // Tried an hour ago: not yet.
    await age(1);
    await service.retryDue(1000);
    expect(subscribeCalls(page)).toHaveLength(callsBefore);

    // A day ago: two rounds at once (two replicas) call Facebook once, and the page is subscribed.
    await age(RETRY_AFTER_HOURS + 1);
    await Promise.all([service.retryDue(1000), service.retryDue(1000)]);
    expect(subscribeCalls(page)).toHaveLength(callsBefore + 1);
    expect(await getSource(source.id)).toMatchObject({ webhookState: 'subscribed', webhookMessage: null });

    // Subscribed pages are never tried again.
    await age(RETRY_AFTER_HOURS + 1);
    await service.retryDue(1000);
    expect(subscribeCalls(page)).toHaveLength(callsBefore + 1);
  });

  it('says so when no page token is known, and subscribes with the channel token once the page is connected', async () => {
    const page = fb.addPage();
    const source = (await createSource(page)).json<SourceDto>();
    expect(source.webhookState).toBe('no_page_token');
    expect(source.webhookMessage).toContain('give the source the page token');
    expect(subscribeCalls(page)).toHaveLength(0);

    const channel = await connectPage(page);
    expect(channel.statusCode).toBe(201);
    expect(channel.json<ChannelDto>().status).toBe('connected');
    expect(params(subscribeCalls(page).at(-1))['access_token']).toBe(page.accessToken);
    expect(await getSource(source.id)).toMatchObject({ webhookState: 'subscribed', webhookMessage: null });
  });

  it('keeps the subscription a source made with its own token when a channel of the page connects', async () => {
    const page = fb.addPage();
    const source = (await createSource(page, page.accessToken)).json<SourceDto>();
    expect(source.webhookState).toBe('subscribed');
    expect(subscribeCalls(page)).toHaveLength(1);

    // The channel's token could not subscribe (no pages_manage_metadata); it is not even asked to.
    fb.fault({ method: 'POST', path: `/${page.id}/subscribed_apps`, error: { code: 200, message: '(#200) Requires pages_manage_metadata permission' } });
    const channel = await connectPage(page);
    expect(channel.statusCode).toBe(201);
    expect(subscribeCalls(page)).toHaveLength(1);
    expect(await getSource(source.id)).toMatchObject({ webhookState: 'subscribed', webhookMessage: null });
  });

  it('does not subscribe a connected page that is not read as a source', async () => {
    const page = fb.addPage();
    const channel = await connectPage(page);
    expect(channel.statusCode).toBe(201);
    expect(subscribeCalls(page)).toHaveLength(0);
  });

  it('leaves other source types alone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'rss', url: 'https://example.org/feed.xml', name: 'Example feed' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<SourceDto>()).toMatchObject({ webhookState: null, webhookMessage: null, webhookCheckedAt: null });
  });
});
