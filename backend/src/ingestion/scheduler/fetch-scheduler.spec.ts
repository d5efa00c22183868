import { DataSource } from 'typeorm';
import { SourceEntity } from '../../sources/source.entity';
import { newSource } from '../../testing/factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { FeedFetcher } from '../fetch';
import { FeedIngestService } from '../pipeline/feed-ingest.service';
import { FeedServer, rssFeed } from '../testing/feed-server';
import { FetchScheduler } from './fetch-scheduler.service';
import { SourceFetchService } from './source-fetch.service';

const HOSTS = 3;
const FEEDS_PER_HOST = 20;
const ROUNDS = 3;

/**
 * Two schedulers (as two backend processes would run them) against one database and many due
 * sources: no feed may be fetched twice at once, every source is fetched once per round, and both
 * share the work. On a PostgreSQL server (DATABASE_URL) each scheduler has its own connection pool,
 * so their claims really race; on PGlite they interleave on one connection.
 */
describe('two schedulers on one database', () => {
  let t: TestApp;
  let servers: FeedServer[];
  let secondDataSource: DataSource | null = null;
  const schedulers: FetchScheduler[] = [];
  const fetchesBy: number[] = [0, 0];

  beforeAll(async () => {
    servers = await Promise.all(Array.from({ length: HOSTS }, () => new FeedServer().start()));
    t = await createTestApp({ FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', SCHEDULER_ENABLED: 'false' });
    if (process.env['DATABASE_URL']) {
      secondDataSource = await new DataSource({ ...t.dataSource.options } as never).initialize();
    }
    const ingest = t.app.get(FeedIngestService);
    const dataSources = [t.dataSource, secondDataSource ?? t.dataSource];
    for (const [index, dataSource] of dataSources.entries()) {
      const fetches = new SourceFetchService(dataSource, ingest, new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'] }), `process-${index}`);
      const run = fetches.run.bind(fetches);
      fetches.run = (source, signal) => {
        fetchesBy[index]++;
        return run(source, signal);
      };
      schedulers.push(new FetchScheduler(fetches, { schedulerEnabled: false }, undefined, { maxConcurrent: 4, maxPerHost: 2, tickMs: 50 }));
    }
  });
  afterAll(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await secondDataSource?.destroy();
    await t.close();
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('never fetches one source twice at once, fetches every due source, and shares the work', async () => {
    const sources: SourceEntity[] = [];
    for (const [h, server] of servers.entries()) {
      for (let f = 0; f < FEEDS_PER_HOST; f++) {
        const path = `/h${h}/f${f}.xml`;
        // A fresh body every time (no 304) and a little delay, so fetches overlap.
        let version = 0;
        server.feed(path, () => rssFeed({ items: [{ guid: `${path}#${++version}`, title: `Item ${version} of ${path}`, link: `https://example.org${path}/${version}` }] }), {
          delayMs: 15,
          etag: false,
        });
        sources.push(await newSource(t.dataSource, { url: server.url(path), nextFetchAt: new Date(Date.now() - 1000) }));
      }
    }
    const ids = sources.map((s) => s.id);

    for (let round = 1; round <= ROUNDS; round++) {
      // Both processes tick at the same moments, over and over, until nothing is due or running.
      for (let tick = 0; tick < 200; tick++) {
        await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
        if (schedulers.every((s) => s.busy === 0)) {
          const due: { count: string }[] = await t.dataSource.query(
            'SELECT count(*) AS count FROM sources WHERE next_fetch_at <= now() OR lease_owner IS NOT NULL',
          );
          if (Number(due[0].count) === 0) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(schedulers.map((scheduler) => scheduler.idle()));
      // Time passes: everything is due again.
      if (round < ROUNDS) await t.dataSource.getRepository(SourceEntity).update(ids, { nextFetchAt: new Date(Date.now() - 1000) });
    }

    for (const server of servers) {
      for (let f = 0; f < FEEDS_PER_HOST; f++) {
        const path = `/h${servers.indexOf(server)}/f${f}.xml`;
        expect({ path, ...server.statsOf(path) }).toMatchObject({ path, requests: ROUNDS, maxConcurrent: 1 });
      }
      // At most two per host in each process.
      expect(server.maxConcurrentTotal).toBeLessThanOrEqual(2 * schedulers.length);
    }
    expect(fetchesBy[0] + fetchesBy[1]).toBe(ROUNDS * HOSTS * FEEDS_PER_HOST);
    expect(fetchesBy[0]).toBeGreaterThan(0);
    expect(fetchesBy[1]).toBeGreaterThan(0);

    const rows = await t.dataSource.getRepository(SourceEntity).findBy({});
    for (const row of rows.filter((r) => ids.includes(r.id))) {
      expect(row).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, lastHttpStatus: 200, lastError: null });
    }
    const items: { count: string }[] = await t.dataSource.query('SELECT count(*) AS count FROM items');
    expect(Number(items[0].count)).toBe(ROUNDS * HOSTS * FEEDS_PER_HOST);
  });

  it('runs at most two fetches per host at once while other hosts proceed', async () => {
    const [busyHost, otherHost] = servers;
    busyHost.resetStats();
    otherHost.resetStats();
    const feed = rssFeed({ items: [{ guid: 'x', title: 'x', link: 'https://example.org/x' }] });
    for (let f = 0; f < 6; f++) {
      busyHost.feed(`/slow/${f}.xml`, feed, { delayMs: 150 });
      await newSource(t.dataSource, { url: busyHost.url(`/slow/${f}.xml`), nextFetchAt: new Date(Date.now() - 1000) });
    }
    otherHost.feed('/quick.xml', feed);
    await newSource(t.dataSource, { url: otherHost.url('/quick.xml'), nextFetchAt: new Date(Date.now() - 1000) });

    const [scheduler] = schedulers;
    const started = Date.now();
    await scheduler.tick();
    await scheduler.idle();
    expect(busyHost.maxConcurrentTotal).toBe(2);
    expect(otherHost.statsOf('/quick.xml').requests).toBe(1);
    // Six 150 ms answers, two at a time: three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    for (let f = 0; f < 6; f++) expect(busyHost.statsOf(`/slow/${f}.xml`).requests).toBe(1);
  });
});
