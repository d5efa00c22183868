import { FakeGraphApi } from '../testing/fake-graph-api';
import { GraphClient } from './graph-client';
import { GraphError } from './graph-error';

/** The real SDK against the fake Graph API: base URL, answers with usage headers, and every kind of failure. */
describe('GraphClient', () => {
  let fake: FakeGraphApi;
  let graph: GraphClient;
  beforeAll(async () => {
    fake = await new FakeGraphApi().start();
    graph = new GraphClient({ graphUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, timeoutMs: 2500 });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.clearFaults();
    fake.usageHeaders = {};
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as GraphError);

  it('talks to FACEBOOK_GRAPH_URL with the SDK’s version and the token', async () => {
    const page = fake.addPage({ name: 'Welcome Dortmund' });
    const answer = await graph.get<{ id: string; name: string }>(page.id, { fields: 'id,name' }, page.accessToken);
    expect(answer.data).toEqual({ id: page.id, name: 'Welcome Dortmund', category: 'Community' });
    const call = fake.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'GET', path: `/${page.id}`, status: 200 });
    expect(call.query['access_token']).toBe(page.accessToken);
    expect(graph.version).toMatch(/^v\d+\.\d+$/);
  });

  it('publishes, and schedules with published=false and a time 10 minutes to 30 days ahead', async () => {
    const page = fake.addPage();
    const posted = await graph.post<{ id: string }>(`${page.id}/feed`, { message: 'Merhaba Dortmund', link: 'https://example.org/a' }, page.accessToken);
    expect(fake.postsOf(page.id).map((p) => [p.id, p.message, p.link])).toEqual([[posted.data.id, 'Merhaba Dortmund', 'https://example.org/a']]);

    const at = Math.floor(Date.now() / 1000) + 3600;
    const scheduled = await graph.post<{ id: string }>(`${page.id}/feed`, { message: 'Later', published: false, scheduled_publish_time: at }, page.accessToken);
    expect(fake.scheduledOf(page.id).map((p) => p.id)).toEqual([scheduled.data.id]);
    expect(fake.postsOf(page.id)).toHaveLength(1);

    const tooSoon = await failure(graph.post(`${page.id}/feed`, { message: 'x', published: false, scheduled_publish_time: Math.floor(Date.now() / 1000) + 60 }, page.accessToken));
    expect(tooSoon).toBeInstanceOf(GraphError);
    expect(tooSoon).toMatchObject({ kind: 'invalid', code: 100 });
  });

  it('reports usage headers on success', async () => {
    const page = fake.addPage();
    fake.usageHeaders = {
      'X-App-Usage': JSON.stringify({ call_count: 12, total_time: 30, total_cputime: 8 }),
      'X-Business-Use-Case-Usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 81, total_cputime: 5, total_time: 9, estimated_time_to_regain_access: 0 }] }),
    };
    const answer = await graph.get(page.id, {}, page.accessToken);
    expect(answer.usage).toEqual({ maxPercent: 81, regainAccessMinutes: 0 });
    expect(answer.data).not.toHaveProperty('headers');
  });

  it('turns code 190 into a token error', async () => {
    const page = fake.addPage();
    fake.revokeToken(page.accessToken);
    const error = await failure(graph.get(`${page.id}/posts`, {}, page.accessToken));
    expect(error).toMatchObject({ kind: 'token', code: 190 });
    expect(error.details.fbtraceId).toMatch(/^A/);
  });

  it.each([4, 17, 32, 613, 80001])('turns code %i into a rate limit with the wait from X-Business-Use-Case-Usage', async (code) => {
    const page = fake.addPage();
    fake.fault({
      path: `/${page.id}/posts`,
      error: { code, message: 'Application request limit reached' },
      headers: {
        'X-Business-Use-Case-Usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 17 }] }),
      },
    });
    const error = await failure(graph.get(`${page.id}/posts`, {}, page.accessToken));
    expect(error).toMatchObject({ kind: 'rate_limit', code, transient: true, retryAfterSeconds: 17 * 60 });
    expect(error.usage.maxPercent).toBe(100);
  });

  it('waits a default time on a rate limit without usage headers', async () => {
    const page = fake.addPage();
    fake.fault({ path: `/${page.id}/posts`, error: { code: 4 } });
    const error = await failure(graph.get(`${page.id}/posts`, {}, page.accessToken));
    expect(error.retryAfterSeconds).toBe(15 * 60);
  });

  it('treats 5xx answers, JSON or an HTML error page, as transient', async () => {
    const page = fake.addPage();
    fake.fault({ path: `/${page.id}`, status: 500 });
    expect(await failure(graph.get(page.id, {}, page.accessToken))).toMatchObject({ kind: 'transient', code: 2 });
    fake.fault({ path: `/${page.id}`, status: 502, rawBody: '<html><body>Bad gateway</body></html>' });
    expect(await failure(graph.get(page.id, {}, page.accessToken))).toMatchObject({ kind: 'transient' });
  });

  it('gives up on a slow answer as no_response, and on a dropped connection alike', async () => {
    const page = fake.addPage();
    fake.fault({ path: `/${page.id}`, delayMs: 6000 });
    const started = Date.now();
    expect(await failure(graph.get(page.id, {}, page.accessToken))).toMatchObject({ kind: 'no_response' });
    expect(Date.now() - started).toBeLessThan(5900);
    fake.fault({ path: `/${page.id}`, dropConnection: true });
    expect(await failure(graph.get(page.id, {}, page.accessToken))).toMatchObject({ kind: 'no_response' });
  });

  it('answers a slow but timely call normally', async () => {
    const page = fake.addPage();
    fake.fault({ path: `/${page.id}`, delayMs: 300 });
    await expect(graph.get(page.id, {}, page.accessToken)).resolves.toMatchObject({ data: { id: page.id } });
  });

  it('follows paging.next only on the Graph host', async () => {
    const page = fake.addPage({ posts: 3 });
    await expect(graph.getNext('https://evil.example.org/v24.0/x', page.accessToken)).rejects.toMatchObject({ kind: 'invalid' });
    const first = await graph.get<{ paging: { next: string } }>(`${page.id}/posts`, { limit: 2 }, page.accessToken);
    const second = await graph.getNext<{ data: unknown[] }>(first.data.paging.next, page.accessToken);
    expect(second.data.data).toHaveLength(1);
  });
});
