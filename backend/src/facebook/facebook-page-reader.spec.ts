import { FakeGraphApi } from '../testing/fake-graph-api';
import { FacebookPageReader } from './facebook-page-reader';
import { GraphClient } from './graph-client';
import { GraphError } from './graph-error';

/** Reading pages through the real SDK against the fake Graph API: paging, known posts, usage, rate limits. */
describe('FacebookPageReader', () => {
  let fake: FakeGraphApi;
  let graph: GraphClient;
  const pauses: number[] = [];
  const reader = () =>
    new FacebookPageReader(graph, { pageSize: 5, maxRequests: 4, maxSlowDownMs: 1000, stopPercent: 90 }, async (ms) => {
      pauses.push(ms);
    });
  const none = async () => new Set<string>();

  beforeAll(async () => {
    fake = await new FakeGraphApi().start();
    graph = new GraphClient({ graphUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, timeoutMs: 2000 });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.clearFaults();
    fake.usageHeaders = {};
    pauses.length = 0;
  });

  it('maps page posts to the items the pipeline takes', async () => {
    const page = fake.addPage({ name: 'Stadt Dortmund – Willkommen' });
    fake.addPost(page.id, {
      message: 'Neu in Dortmund?\n\nDas Bürgeramt hat samstags geöffnet. <b>Termine</b> online.',
      createdTime: new Date('2026-03-01T10:00:00Z'),
      fullPicture: 'https://scontent.example.org/photo.jpg?oh=abc&oe=123',
      attachments: [{ type: 'share', url: 'https://www.dortmund.de/buergeramt?utm_source=facebook', title: 'Bürgeramt', description: 'Öffnungszeiten' }],
    });
    const { items, requests, truncated } = await reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none });
    expect(requests).toBe(1);
    expect(truncated).toBe(false);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.key).toMatch(new RegExp(`^${page.id}_\\d+$`));
    expect(item.title).toBe('Neu in Dortmund?');
    expect(item.summary).toContain('Das Bürgeramt hat samstags geöffnet.');
    // Unsanitised but escaped: the message is text, not markup.
    expect(item.contentHtml).toContain('&lt;b&gt;Termine&lt;/b&gt;');
    expect(item.contentHtml).toContain('<a href="https://www.dortmund.de/buergeramt?utm_source=facebook">Bürgeramt</a>');
    expect(item.url).toMatch(new RegExp(`^https://www.facebook.com/${page.id}/posts/\\d+$`));
    expect(item.imageUrl).toBe('https://scontent.example.org/photo.jpg?oh=abc&oe=123');
    expect(item.publishedAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(item.author).toBe('Stadt Dortmund – Willkommen');
  });

  it('follows paging.next until a page of posts holds a known one', async () => {
    const page = fake.addPage({ posts: 17 });
    const all = fake.postsOf(page.id).map((p) => p.id).reverse(); // newest first
    const known = new Set(all.slice(7)); // the 8th newest and older are stored
    const result = await reader().read({
      pageId: page.id,
      pageName: page.name,
      accessToken: page.accessToken,
      knownKeys: async (keys) => new Set(keys.filter((k) => known.has(k))),
    });
    expect(result.requests).toBe(2); // 5 new, then 2 new + 3 known: stop
    expect(result.items.map((i) => i.key)).toEqual(all.slice(0, 10));
    expect(fake.callsTo('GET', `/${page.id}/posts`)).toHaveLength(2);
    expect(fake.callsTo('GET', `/${page.id}/posts`)[1].query['after']).toBeTruthy();
  });

  it('stops at the request limit on a first read of a long page', async () => {
    const page = fake.addPage({ posts: 40 });
    const result = await reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none });
    expect(result.requests).toBe(4);
    expect(result.items).toHaveLength(20);
    expect(result.truncated).toBe(true);
  });

  it('slows down above 75 % usage and stops following pages above 90 %', async () => {
    const page = fake.addPage({ posts: 12 });
    fake.usageHeaders = { 'X-App-Usage': JSON.stringify({ call_count: 85, total_time: 10, total_cputime: 10 }) };
    const slowed = await reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none });
    expect(slowed.requests).toBe(3);
    expect(slowed.usage.maxPercent).toBe(85);
    expect(pauses).toEqual([400, 400]); // (85-75)/25 of the 1 s maximum, before each further request

    pauses.length = 0;
    fake.usageHeaders = { 'X-Business-Use-Case-Usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 95, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] }) };
    const stopped = await reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none });
    expect(stopped).toMatchObject({ requests: 1, truncated: true });
  });

  it('throws rate limits with the time until access returns, and 190 as a token error', async () => {
    const page = fake.addPage({ posts: 3 });
    fake.fault({
      path: `/${page.id}/posts`,
      error: { code: 32, message: 'Page request limit reached' },
      headers: { 'X-Business-Use-Case-Usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 100, total_cputime: 3, total_time: 3, estimated_time_to_regain_access: 42 }] }) },
    });
    const limited = await reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(GraphError);
    expect(limited).toMatchObject({ kind: 'rate_limit', code: 32, retryAfterSeconds: 42 * 60 });

    fake.revokeToken(page.accessToken);
    await expect(reader().read({ pageId: page.id, pageName: page.name, accessToken: page.accessToken, knownKeys: none })).rejects.toMatchObject({ kind: 'token', code: 190 });
  });
});
