import type { SourceDto } from '@welcome-ruhr/contracts';
import { SourceEntity } from '../../sources/source.entity';
import { newSource } from '../../testing/factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { FeedServer, rssFeed } from '../testing/feed-server';

/**
 * The app as configured by default: the scheduler runs, and FETCH_ALLOW_PRIVATE_HOSTS is empty, so
 * a feed on 127.0.0.1 is refused, with a readable error on the source and without a single request.
 */
describe('fetching with the default configuration', () => {
  let t: TestApp;
  let server: FeedServer;

  beforeAll(async () => {
    server = await new FeedServer().start();
    server.feed('/feed.xml', rssFeed({ items: [{ guid: '1', title: 'Hallo', link: 'https://example.org/1' }] }));
    // The default configuration, except that timed work runs: the test waits for the scheduler's tick.
    t = await createTestApp({ SCHEDULER_ENABLED: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await server.stop();
  });

  it('refuses a private address on "fetch now" and says why', async () => {
    const admin = (await t.signIn('admin')).headers;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'rss', url: server.url('/feed.xml'), name: 'Local', active: false },
    });
    const response = await t.app.inject({ method: 'POST', url: `/api/sources/${created.json<SourceDto>().id}/fetch`, headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json<SourceDto>()).toMatchObject({
      lastError: 'Refused to connect to 127.0.0.1: private network addresses are not fetched',
      lastHttpStatus: null,
      consecutiveFailures: 1,
      items: { total: 0 },
    });
    expect(server.statsOf('/feed.xml').requests).toBe(0);
  });

  it('the running scheduler picks up a due source within a tick, and refuses it just the same', async () => {
    const source = await newSource(t.dataSource, { url: server.url('/feed.xml?scheduled'), nextFetchAt: new Date(Date.now() - 1000) });
    const deadline = Date.now() + 12_000;
    let row = source;
    while (Date.now() < deadline && !row.lastFetchedAt) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      row = await t.dataSource.getRepository(SourceEntity).findOneByOrFail({ id: source.id });
    }
    expect(row).toMatchObject({
      lastError: 'Refused to connect to 127.0.0.1: private network addresses are not fetched',
      consecutiveFailures: 1,
      leaseOwner: null,
    });
    expect(row.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    expect(server.statsOf('/feed.xml').requests).toBe(0);
  });
});
