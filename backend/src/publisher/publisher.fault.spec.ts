import type { PostDto } from '@welcome-ruhr/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ambassadorWithChannels, approve, createPost, type AmbassadorWorld, type Headers } from '../posts/testing/publishing-world';
import { FakeGraphApi, fakeGraphEnv } from '../testing/fake-graph-api';
import { FakeMastodon } from '../testing/fake-mastodon';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from '../testing/test-app';
import type { PublishEngine } from './publish-engine';
import { PublisherService } from './publisher.service';
import { openDeliveries } from './testing/drain';

/**
 * The fault test: publishing processes die abruptly — right after the channel answered and before the
 * answer is recorded, or right before the call — while the channels misbehave (5xx after taking the
 * post, slow answers past the time limit, dropped connections). Afterwards every approved post is on
 * each of its channels exactly once, counted by the fakes.
 */
const RUNS = Number(process.env['PUBLISHER_FAULT_RUNS'] ?? 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded generator (mulberry32): a failing run names its seed and can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  t: TestApp;
  fb: FakeGraphApi;
  mastodon: FakeMastodon;
  moderator: Headers;
  ambassadors: AmbassadorWorld[];
}

async function setUp(extraEnv: Record<string, string> = {}): Promise<World> {
  const fb = await new FakeGraphApi().start();
  const mastodon = await new FakeMastodon().start();
  const t = await createTestApp(fakeGraphEnv(fb, extraEnv));
  const moderator = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
  const ambassadors = [await ambassadorWithChannels(t, fb, mastodon), await ambassadorWithChannels(t, fb, mastodon)];
  return { t, fb, mastodon, moderator, ambassadors };
}

async function tearDown(world: World): Promise<void> {
  await world.t.close();
  await world.fb.stop();
  await world.mastodon.stop();
}

/** `count` approved, due posts with texts of their own, on Facebook, Mastodon or both. */
async function duePosts(world: World, run: string, count: number, rnd: () => number): Promise<{ post: PostDto; author: AmbassadorWorld }[]> {
  const posts: { post: PostDto; author: AmbassadorWorld }[] = [];
  for (let i = 0; i < count; i++) {
    const author = world.ambassadors[i % world.ambassadors.length];
    const pick = rnd();
    const channelIds = pick < 0.5 ? [author.facebook.id] : pick < 0.75 ? [author.mastodon!.id] : [author.facebook.id, author.mastodon!.id];
    const created = await createPost(world.t, author.headers, { text: `Run ${run}, post ${i}: Sprechstunde im Integrationsbüro`, channelIds, asSoonAsApproved: true });
    posts.push({ post: await approve(world.t, world.moderator, created.id), author });
  }
  return posts;
}

/** Channel misbehaviour for this run: each fault hits the next matching call. */
function injectFaults(world: World, rnd: () => number): void {
  const kinds = [
    () => world.fb.fault({ method: 'POST', path: /\/feed$/, status: 500, afterEffect: true }),
    () => world.fb.fault({ method: 'POST', path: /\/feed$/, status: 503 }),
    () => world.fb.fault({ method: 'POST', path: /\/feed$/, delayMs: 700 }),
    () => world.fb.fault({ method: 'POST', path: /\/feed$/, dropConnection: true, afterEffect: true }),
    () => world.fb.fault({ method: 'GET', path: /\/posts$/, status: 500 }),
    () => world.mastodon.fault({ method: 'POST', path: '/api/v1/statuses', status: 502, afterEffect: true }),
    () => world.mastodon.fault({ method: 'POST', path: '/api/v1/statuses', dropConnection: true, afterEffect: true }),
  ];
  const count = Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) kinds[Math.floor(rnd() * kinds.length)]();
}

/** Waits until no delivery of the posts is open and every post reached its final state (published). */
async function settled(world: World, ids: string[], label: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states: { status: string }[] = await world.t.dataSource.query(
      `SELECT status FROM posts WHERE id IN (SELECT value::uuid FROM json_array_elements_text($1::json))`,
      [JSON.stringify(ids)],
    );
    const open = await openDeliveries(world.t.dataSource, ids);
    if (open === 0 && states.every((s) => s.status === 'published')) return;
    if (Date.now() > deadline) throw new Error(`${label}: ${open} deliveries open, posts ${states.map((s) => s.status).join(', ')}`);
    await sleep(50);
  }
}

function assertExactlyOnce(world: World, posts: { post: PostDto; author: AmbassadorWorld }[], label: string): void {
  for (const { post, author } of posts) {
    for (const delivery of post.deliveries) {
      const copies =
        delivery.channelType === 'facebook_page'
          ? world.fb.countMessage(author.page.id, post.text)
          : world.mastodon.statusesOf(author.account!.id).filter((s) => s.text === post.text).length;
      if (copies !== 1) throw new Error(`${label}: “${post.text}” is ${copies} times on ${delivery.channelType}`);
    }
  }
}

describe('exactly-once publishing when publishing processes die (in-process engines)', () => {
  let world: World;
  beforeAll(async () => {
    world = await setUp();
  });
  afterAll(() => tearDown(world));

  it(`keeps every approved post exactly once on its channels over ${RUNS} randomized runs`, async () => {
    const publisher = world.t.app.get(PublisherService);
    let deaths = 0;
    for (let run = 0; run < RUNS; run++) {
      const seed = 1000 + run;
      const rnd = random(seed);
      const posts = await duePosts(world, `${seed}`, 6, rnd);
      injectFaults(world, rnd);
      let engines = 0;
      let finished = false;
      // The loops of living processes: the run waits for them before the next one (or the end of the test)
      // so that none still talks to the database when it closes.
      const loops = new Set<Promise<void>>();

      // A "process": claims one delivery at a time and processes it; the hooks may kill it on the spot,
      // after which it never touches the database again (its lease runs out, as a dead process's would).
      const startProcess = (): void => {
        const id = `run-${seed}-process-${++engines}`;
        let alive = true;
        let markDead = (): void => undefined;
        const dead = new Promise<void>((resolve) => (markDead = resolve));
        const die = (): Promise<void> => {
          alive = false;
          deaths++;
          markDead();
          setTimeout(startProcess, 0);
          return new Promise<void>(() => undefined);
        };
        const engine: PublishEngine = publisher.newEngine(
          id,
          {
            beforeSend: () => (rnd() < 0.1 ? die() : undefined),
            afterSend: () => (rnd() < 0.3 ? die() : undefined),
          },
          { leaseSeconds: 1, callTimeoutMs: 300, retryBaseMs: 30, retryMaxMs: 150, unknownGraceMs: 1000 },
        );
        const loop = (async () => {
          while (alive && !finished) {
            const [delivery] = await engine.leases.claimDue(1, ['facebook_page', 'mastodon']);
            if (!delivery) {
              await sleep(20);
              continue;
            }
            await engine.process(delivery);
          }
        })();
        // A dead process's loop hangs in its hook for ever; it counts as ended when it dies.
        loops.add(Promise.race([loop, dead]));
      };
      for (let i = 0; i < 3; i++) startProcess();

      const ids = posts.map((p) => p.post.id);
      try {
        await settled(world, ids, `run ${seed}`);
      } finally {
        finished = true;
        await Promise.all(loops);
      }
      assertExactlyOnce(world, posts, `run ${seed}`);
      world.fb.clearFaults();
      world.mastodon.clearFaults();
    }
    // The runs must actually have killed processes, between the call and its record among others.
    expect(deaths).toBeGreaterThan(RUNS);
  }, 600_000);
});

// Several backend processes share one database only on a PostgreSQL server (an embedded PGlite belongs to one
// process), so these runs exist in the test run against the server and not in the embedded one.
if (process.env['DATABASE_URL']) {

  describe('exactly-once publishing when backend processes are killed (child processes on PostgreSQL)', () => {
    const CHILD_RUNS = Number(process.env['PUBLISHER_FAULT_CHILD_RUNS'] ?? 1);
    const root = resolve(__dirname, '../../..');
    let world: World;
    const children = new Set<ChildProcess>();

    beforeAll(async () => {
      world = await setUp();
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await tearDown(world);
    });

    const freePort = () =>
      new Promise<number>((done) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => done(port));
        });
      });

    /** The backend from source, as `npm start` runs it, but killing itself after sends with this probability. */
    async function startChild(databaseUrl: string, crashProbability: number, dataDir: string): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['-r', 'ts-node/register', join(root, 'backend/src/main.ts')], {
        cwd: root,
        env: {
          PATH: process.env['PATH'],
          TS_NODE_PROJECT: join(root, 'backend/scripts/tsconfig.json'),
          TS_NODE_SWC: 'true',
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          PORT: String(await freePort()),
          SECRET_KEY: TEST_SECRET_KEY,
          LOG_LEVEL: 'error',
          ...fakeGraphEnv(world.fb, { PUBLISHER_ENABLED: 'true', PUBLISHER_LEASE_SECONDS: '3', PUBLISHER_CONCURRENCY: '2' }),
          PUBLISHER_FAULT_CRASH_AFTER_SEND: String(crashProbability),
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    }

    it(`keeps every approved post exactly once while backend processes kill themselves after sending (${CHILD_RUNS} runs)`, async () => {
      const databaseUrl = (world.t.dataSource.options as { url: string }).url;
      const dataDir = mkdtempSync(join(tmpdir(), 'wr-fault-'));
      try {
        for (let run = 0; run < CHILD_RUNS; run++) {
          const seed = 5000 + run;
          const rnd = random(seed);
          const posts = await duePosts(world, `child-${seed}`, 10, rnd);
          injectFaults(world, rnd);
          let kills = 0;
          let stop = false;
          // Two processes at a time; one that killed itself is replaced. After 4 deaths the replacements
          // no longer crash, so the run ends.
          const keepRunning = async (): Promise<void> => {
            while (!stop) {
              const child = await startChild(databaseUrl, kills < 4 ? 0.35 : 0, dataDir);
              const signal = await new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, s) => done(s)));
              if (signal === 'SIGKILL') kills++;
            }
          };
          const loops = [keepRunning(), keepRunning()];
          const ids = posts.map((p) => p.post.id);
          try {
            await settled(world, ids, `child run ${seed}`, 240_000);
          } finally {
            stop = true;
            for (const child of children) child.kill('SIGTERM');
            await Promise.all(loops);
          }
          assertExactlyOnce(world, posts, `child run ${seed}`);
          expect(kills).toBeGreaterThan(0);
          world.fb.clearFaults();
        world.mastodon.clearFaults();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 900_000);
  });
}
