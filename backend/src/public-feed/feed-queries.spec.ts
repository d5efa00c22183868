import type { PublicFeedItem, SourceKind } from '@welcome-ruhr/contracts';
import type { ItemEntity } from '../items/item.entity';
import type { SourceEntity } from '../sources/source.entity';
import { newItem, newSource } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { EmbeddedVacuumService } from './embedded-vacuum.service';
import { decodeFeedCursor } from './feed-cursor';
import { FeedQueries } from './feed-queries';
import type { FeedFilter } from './feed-query';
import type { FeedStrategy } from './feed-sql';
import { FeedStatistics } from './feed-statistics';

const CITIES = ['bochum', 'essen', 'herne', 'marl'];
const TOPICS = ['work', 'housing', 'health', 'events'];
const LANGUAGES = ['de', 'tr', 'ar'];
const KINDS: SourceKind[] = ['partner', 'city', 'ambassador'];

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Every strategy of the feed query must give the same pages as a plain reading of the rules: approved,
 * matching every filter, pinned first, newest first, id last.
 */
describe('feed query strategies', () => {
  let t: TestApp;
  let queries: FeedQueries;
  const items: (ItemEntity & { kind: SourceKind })[] = [];
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(list)))].sort();

  beforeAll(async () => {
    t = await createTestApp();
    queries = t.app.get(FeedQueries);
    const sources: Record<SourceKind, SourceEntity> = {
      partner: await newSource(t.dataSource, { kind: 'partner', cities: [] }),
      city: await newSource(t.dataSource, { kind: 'city', cities: [] }),
      ambassador: await newSource(t.dataSource, { kind: 'ambassador', cities: [] }),
    };
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 150; i++) {
      const kind = pick(KINDS);
      const item = await newItem(t.dataSource, sources[kind], {
        status: next() < 0.8 ? 'approved' : pick(['pending', 'rejected'] as const),
        pinned: next() < 0.05,
        // Few distinct times, so that ties (decided by id) are common.
        publishedAt: new Date(base - Math.floor(next() * 40) * 3_600_000),
        cities: some(CITIES, 2),
        topics: some(TOPICS, 2),
        language: next() < 0.1 ? null : pick(LANGUAGES),
      });
      items.push(Object.assign(item, { kind }));
    }
  });
  afterAll(() => t.close());

  function expected(filter: FeedFilter): string[] {
    return items
      .filter((item) => item.status === 'approved')
      .filter((item) => !filter.cities.length || item.cities.some((c) => filter.cities.includes(c)))
      .filter((item) => !filter.topics.length || item.topics.some((c) => filter.topics.includes(c)))
      .filter((item) => !filter.languages.length || (item.language !== null && filter.languages.includes(item.language)))
      .filter((item) => !filter.kinds.length || filter.kinds.includes(item.kind))
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((item) => item.id);
  }

  async function pageThrough(filter: FeedFilter, limit: number, read: (cursor: string | null) => Promise<{ items: PublicFeedItem[]; nextCursor: string | null }>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await read(cursor);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= items.length);
    return seen;
  }

  const filters: FeedFilter[] = Array.from({ length: 25 }, () => ({
    cities: some(CITIES, 2),
    topics: some(TOPICS, 2),
    languages: some(LANGUAGES, 2),
    kinds: some(KINDS, 2),
  }));

  it.each(filters.map((filter, i) => [i, JSON.stringify(filter), filter] as const))('filter %i %s: every strategy pages exactly like the rules', async (_i, _text, filter) => {
    const limit = 1 + Math.floor(next() * 6);
    const want = expected(filter);
    const strategies: FeedStrategy[] = ['full'];
    if (filter.cities.length) strategies.push({ rare: 'cities' });
    if (filter.topics.length) strategies.push({ rare: 'topics' });
    for (const strategy of strategies) {
      const got = await pageThrough(filter, limit, async (cursor) => (await queries.read(strategy, filter, cursor ? decodeFeedCursor(cursor) : null, limit)).page);
      expect({ strategy, got }).toEqual({ strategy, got: want });
    }
    // A probe that sees every row is complete; a short one must hand over to the full query.
    queries.probeRows = 10_000;
    expect(await pageThrough(filter, limit, async (cursor) => (await queries.read('probe', filter, cursor ? decodeFeedCursor(cursor) : null, limit)).page)).toEqual(want);
    queries.probeRows = 3;
    try {
      expect(await pageThrough(filter, limit, (cursor) => queries.page(filter, cursor ? decodeFeedCursor(cursor) : null, limit))).toEqual(want);
    } finally {
      queries.probeRows = 4000;
    }
  });

  it('reads rare cities from the GIN index once the planner statistics say they are rare', async () => {
    const statistics = t.app.get(FeedStatistics);
    await t.dataSource.query('ANALYZE items');
    await statistics.refresh();
    expect(statistics.estimatedRows('cities', ['essen'])).toBeGreaterThan(0);
    expect(statistics.estimatedRows('cities', ['xanten'])).toBe(0);
    const filter: FeedFilter = { cities: ['xanten'], topics: [], languages: ['de'], kinds: [] };
    expect((await queries.page(filter, null, 5)).items).toEqual([]);
    expect(queries.lastStrategy).toEqual({ rare: 'cities' });
  });

  it('vacuums and analyzes the feed tables when a tenth of their rows changed', async () => {
    // The embedded database runs this on a timer (it has no autovacuum); a server runs autovacuum, but the
    // same check works there, so it is tested on both.
    await t.dataSource.query('VACUUM items'); // a clean start: the counters below begin at zero
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query(`UPDATE items SET title = title || '.'`);
      // A server reports a backend's statistics when it goes idle; make it report them now.
      if (process.env['DATABASE_URL']) await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
    const deadRows = async () => {
      const [row] = await t.dataSource.query(`SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'items'`);
      return Number(row.n_dead_tup);
    };
    for (let waited = 0; (await deadRows()) < 150 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await deadRows()).toBe(150);

    await t.app.get(EmbeddedVacuumService).runOnce();
    const [state] = await t.dataSource.query(
      `SELECT c.reltuples, c.relallvisible, c.relpages, s.n_dead_tup FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'items'`,
    );
    expect(Number(state.reltuples)).toBe(150);
    expect(Number(state.n_dead_tup)).toBe(0);
    expect(Number(state.relallvisible)).toBe(Number(state.relpages));
  });
});
