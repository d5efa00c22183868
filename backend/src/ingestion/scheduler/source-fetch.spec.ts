import type { SourceDto } from '@welcome-ruhr/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceEntity } from '../../sources/source.entity';
import { newSource } from '../../testing/factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { FeedFetcher } from '../fetch';
import { FeedIngestService } from '../pipeline/feed-ingest.service';
import { FeedServer, rssFeed } from '../testing/feed-server';
import { PAUSE_AFTER_FAILURES } from './fetch-policy';
import { SourceFetchService } from './source-fetch.service';

type Headers = { authorization: string };
const MINUTE = 60_000;

/** Fetch outcomes written to the source: errors in words, backoff, pausing, schedules, leases. */
describe('fetching a source', () => {
  let t: TestApp;
  let admin: Headers;
  let server: FeedServer;
  const goodFeed = rssFeed({ items: [{ guid: 'ok-1', title: 'Neues aus Herne', link: 'https://herne.example.org/1', pubDate: new Date('2026-11-01T10:00:00Z') }] });

  beforeAll(async () => {
    server = await new FeedServer().start();
    t = await createTestApp({ FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(async () => {
    await t.close();
    await server.stop();
  });

  let counter = 0;
  async function sourceAt(path: string, fields: Partial<SourceEntity> = {}): Promise<SourceEntity> {
    return newSource(t.dataSource, { url: server.url(path), name: `Source ${++counter}`, nextFetchAt: new Date(), ...fields });
  }

  async function fetchNow(id: string): Promise<SourceDto> {
    const response = await t.app.inject({ method: 'POST', url: `/api/sources/${id}/fetch`, headers: admin });
    expect(response.statusCode).toBe(200);
    return response.json<SourceDto>();
  }

  /** Claims in these tests take every due source; give back those the test does not fetch. */
  const releaseAll = (ids: string[]) => t.app.get(SourceFetchService).leases.release(ids);
  const reload = (id: string) => t.dataSource.getRepository(SourceEntity).findOneByOrFail({ id });
  const minutesUntil = (date: string | Date | null) => (new Date(date as string).getTime() - Date.now()) / MINUTE;

  it.each([
    ['a server error', (p: string) => server.status(p, 500), 500, 'The server answered 500 Internal Server Error (the problem is on the feed’s server)'],
    ['a missing feed', (p: string) => server.status(p, 404), 404, 'The server answered 404 Not Found (the feed address may have changed)'],
    [
      'broken XML',
      (p: string) => server.feed(p, readFileSync(join(__dirname, '../parse/fixtures/broken-beyond-repair.xml'), 'utf8')),
      200,
      /^The feed's XML is broken at line 7: .*validator\.w3\.org/,
    ],
    ['an HTML page', (p: string) => server.feed(p, '<!doctype html><html><body>Hello</body></html>', { contentType: 'text/html' }), 200, "This is an HTML page, not a feed — look for the site's RSS link."],
    ['an oversize feed', (p: string) => server.oversize(p, 11 * 1024 * 1024), null, 'The feed is larger than 10 MB; only feeds up to 10 MB are read'],
    [
      'a redirect to a private address',
      (p: string) => server.redirect(p, server.url('/elsewhere', 'localhost')),
      null,
      /^Refused to connect to localhost \((127\.0\.0\.1|::1)\): private network addresses are not fetched$/,
    ],
  ])('leaves a readable error after %s, and backs off', async (_what, serve, status, message) => {
    const path = `/broken/${++counter}`;
    serve(path);
    const source = await sourceAt(path);
    const after = await fetchNow(source.id);
    expect(after.state).toBe('failing');
    expect(after.lastHttpStatus).toBe(status);
    expect(after.lastError).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect(after.consecutiveFailures).toBe(1);
    expect(after.lastFetch).toMatchObject({ outcome: 'failed', new: 0 });
    expect(minutesUntil(after.nextFetchAt)).toBeGreaterThan(4.9);
    expect(minutesUntil(after.nextFetchAt)).toBeLessThan(5.6);
    const row = await reload(source.id);
    expect([row.etag, row.leaseOwner, row.leaseExpiresAt]).toEqual([null, null, null]);
  });

  it('doubles the wait after each failure, pauses after 10 in a row, and stops claiming the paused source', async () => {
    server.status('/down', 503);
    const source = await sourceAt('/down');
    const waits: number[] = [];
    for (let i = 1; i <= PAUSE_AFTER_FAILURES; i++) {
      const after = await fetchNow(source.id);
      if (i < PAUSE_AFTER_FAILURES) expect(after).toMatchObject({ state: 'failing', consecutiveFailures: i, pausedReason: null });
      waits.push(minutesUntil(after.nextFetchAt));
    }
    // 5, 10, 20, 40 minutes (+ up to 10 % jitter).
    for (const [i, wait] of waits.slice(0, 4).entries()) {
      expect(wait).toBeGreaterThan(5 * 2 ** i - 0.2);
      expect(wait).toBeLessThan(5 * 2 ** i * 1.1 + 0.2);
    }
    const paused = await t.app.inject({ method: 'GET', url: `/api/sources/${source.id}`, headers: admin });
    expect(paused.json<SourceDto>()).toMatchObject({
      state: 'paused',
      consecutiveFailures: 10,
      nextFetchAt: null,
      pausedReason:
        'Paused after 10 failed fetches in a row. The last error: The server answered 503 Service Unavailable (the problem is on the feed’s server). ' +
        'Edit the source or fetch it now to try again.',
    });
    await t.dataSource.getRepository(SourceEntity).update(source.id, { nextFetchAt: new Date(Date.now() - MINUTE) });
    const claimed = await t.app.get(SourceFetchService).claimDue(100);
    expect(claimed.map((s) => s.id)).not.toContain(source.id);
    await releaseAll(claimed.map((s) => s.id));

    // Fixed on the server's side: "fetch now" resumes it.
    server.feed('/down', goodFeed);
    const resumed = await fetchNow(source.id);
    expect(resumed).toMatchObject({ state: 'healthy', pausedReason: null, consecutiveFailures: 0, lastError: null, lastHttpStatus: 200 });
    expect(resumed.items.total).toBe(1);
  });

  it('honours Retry-After on 429 and says so', async () => {
    server.status('/busy', 429, { 'Retry-After': '7200' });
    const source = await sourceAt('/busy');
    const after = await fetchNow(source.id);
    expect(after.lastHttpStatus).toBe(429);
    expect(after.lastError).toBe('The server answered 429 Too Many Requests (we asked too often); it asks to try again in 120 minutes');
    expect(minutesUntil(after.nextFetchAt)).toBeGreaterThan(119);
    expect(minutesUntil(after.nextFetchAt)).toBeLessThan(121);
  });

  it('schedules the next fetch no sooner than the feed’s <ttl>, also after a 304, and than Cache-Control max-age', async () => {
    server.feed('/ttl', rssFeed({ ttlMinutes: 180, items: [{ guid: 't-1', title: 'TTL', link: 'https://example.org/ttl' }] }));
    const withTtl = await sourceAt('/ttl');
    expect(minutesUntil((await fetchNow(withTtl.id)).nextFetchAt)).toBeGreaterThan(179);
    expect((await reload(withTtl.id)).feedTtlSeconds).toBe(180 * 60);
    const notModified = await fetchNow(withTtl.id);
    expect(notModified.lastHttpStatus).toBe(304);
    expect(minutesUntil(notModified.nextFetchAt)).toBeGreaterThan(179);

    server.feed('/max-age', goodFeed, { cacheControl: 'public, max-age=7200' });
    const withMaxAge = await sourceAt('/max-age');
    expect(minutesUntil((await fetchNow(withMaxAge.id)).nextFetchAt)).toBeGreaterThan(119);

    server.feed('/plain', goodFeed);
    const plain = await sourceAt('/plain', { fetchIntervalSeconds: 1800 });
    const first = await fetchNow(plain.id);
    expect(minutesUntil(first.nextFetchAt)).toBeGreaterThan(26);
    expect(minutesUntil(first.nextFetchAt)).toBeLessThan(34);
    // Quiet (304): the interval stretches.
    expect((await fetchNow(plain.id)).fetchIntervalSeconds).toBe(2700);
  });

  it('sends the stored Last-Modified when there is no ETag', async () => {
    server.feed('/dated', goodFeed, { etag: false, lastModified: 'Sun, 01 Nov 2026 10:00:00 GMT' });
    const source = await sourceAt('/dated');
    await fetchNow(source.id);
    expect((await reload(source.id)).lastModified).toBe('Sun, 01 Nov 2026 10:00:00 GMT');
    expect((await fetchNow(source.id)).lastHttpStatus).toBe(304);
    expect(server.statsOf('/dated').notModified).toBe(1);
  });

  it('reports a slow server in words (short timeouts, same code path)', async () => {
    server.slow('/slow', 2000);
    const source = await sourceAt('/slow');
    const impatient = new SourceFetchService(
      t.dataSource,
      t.app.get(FeedIngestService),
      new FeedFetcher({ allowPrivateHosts: ['127.0.0.1'], connectTimeoutMs: 300 }),
    );
    const outcome = await impatient.fetchNow(source.id);
    expect(outcome.error).toBe('The server did not answer within 0.3 seconds');
    expect((await reload(source.id)).lastError).toBe('The server did not answer within 0.3 seconds');
  });

  it('answers 409 to "fetch now" while another process holds the lease, and takes over an expired lease', async () => {
    server.feed('/leased', goodFeed);
    const source = await sourceAt('/leased', { leaseOwner: 'other-host:1:dead', leaseExpiresAt: new Date(Date.now() + 2 * MINUTE) });
    const busy = await t.app.inject({ method: 'POST', url: `/api/sources/${source.id}/fetch`, headers: admin });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().message).toMatch(/being fetched right now/);
    expect((await t.app.get(SourceFetchService).claimDue(100)).map((s) => s.id)).not.toContain(source.id);

    // The other process died: once its lease expires, the source is due again.
    await t.dataSource.getRepository(SourceEntity).update(source.id, { leaseExpiresAt: new Date(Date.now() - 1000) });
    const claimed = await t.app.get(SourceFetchService).claimDue(100);
    expect(claimed.map((s) => s.id)).toContain(source.id);
    const outcome = await t.app.get(SourceFetchService).run(claimed.find((s) => s.id === source.id)!);
    expect(outcome).toMatchObject({ error: null, leaseLost: false });
    await releaseAll(claimed.map((s) => s.id).filter((id) => id !== source.id));
    expect(await reload(source.id)).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, lastHttpStatus: 200 });
  });

  it('does not write the outcome over a lease that another process took meanwhile', async () => {
    server.feed('/stolen', goodFeed);
    const source = await sourceAt('/stolen');
    const service = t.app.get(SourceFetchService);
    const [claimed] = (await service.claimDue(100)).filter((s) => s.id === source.id);
    expect(await service.leases.renew(source.id)).toBe(true);
    await t.dataSource.getRepository(SourceEntity).update(source.id, { leaseOwner: 'other-host:2:alive' });
    expect(await service.leases.renew(source.id)).toBe(false);
    const outcome = await service.run(claimed);
    expect(outcome.leaseLost).toBe(true);
    expect(await reload(source.id)).toMatchObject({ leaseOwner: 'other-host:2:alive', lastFetchedAt: null });
  });

  it('leaves Facebook pages to their integration: the feed scheduler never claims them', async () => {
    const page = await newSource(t.dataSource, { type: 'facebook_page', url: null, externalId: '12345', cities: ['essen'], nextFetchAt: new Date(Date.now() - MINUTE) });
    const claimed = await t.app.get(SourceFetchService).claimDue(100);
    await releaseAll(claimed.map((s) => s.id));
    expect(claimed.map((s) => s.id)).not.toContain(page.id);
    expect(await reload(page.id)).toMatchObject({ leaseOwner: null, lastFetchedAt: null });
  });
});
