// Exactly-once publishing at volume: 1,000 approved, due posts across 200 Facebook pages (20 ambassadors
// with 10 pages each), published by two built backends (`node dist/backend/main.js`) sharing one
// PostgreSQL database, against the fake Graph API (backend/src/testing/fake-graph-api.ts) with a 20 ms
// round trip. Measured: the time until every post is published, and — counted by the fake — duplicates
// (a post on its page more than once) and losses (an approved post not on its page). A second run adds
// trouble: 5xx answers after the post was made, dropped connections, and one backend killed (SIGKILL)
// halfway and started again.
//
// Needs a PostgreSQL server: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// a throwaway database is created next to it and dropped afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';

const AMBASSADORS = 20;
const PAGES_PER_AMBASSADOR = 10;
const POSTS = 1000;
const CONCURRENCY = 8;
const LATENCY_MS = 20;
const SECRET_KEY = 'bench-secret-key-that-is-long-enough-0123456789';
const ADMIN = { email: 'admin@example.org', password: 'bench-password-1' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** The fake Graph API is TypeScript; esbuild turns it into a module this script can import. */
async function loadFakeGraphApi(root, dir) {
  const outfile = join(dir, 'fake-graph-api.mjs');
  await build({ entryPoints: [join(root, 'backend/src/testing/fake-graph-api.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return (await import(pathToFileURL(outfile).href)).FakeGraphApi;
}

async function throwawayDatabase(serverUrl) {
  const name = `wr_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startBackend(root, env) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wr-bench-pub-'));
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SECRET_KEY, SCHEDULER_ENABLED: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the backend exited during start');
    await sleep(50);
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api(base, method, path, body, token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** Ambassadors, their pages and 1,000 approved posts, through the API of a backend that does not publish. */
async function seed(backend, fake, log) {
  const login = async (email, password) => (await api(backend.url, 'POST', '/api/auth/login', { email, password })).accessToken;
  const adminToken = await login(ADMIN.email, ADMIN.password);
  await api(backend.url, 'POST', '/api/users', { email: 'moderator@example.org', password: 'bench-password-1', name: 'Moderator', role: 'moderator', cities: ['essen'] }, adminToken);
  const moderator = await login('moderator@example.org', 'bench-password-1');
  const channels = [];
  for (let a = 0; a < AMBASSADORS; a++) {
    const email = `ambassador${a}@example.org`;
    await api(backend.url, 'POST', '/api/users', { email, password: 'bench-password-1', name: `Ambassador ${a}`, role: 'ambassador', cities: ['essen'] }, adminToken);
    const token = await login(email, 'bench-password-1');
    for (let p = 0; p < PAGES_PER_AMBASSADOR; p++) {
      const page = fake.addPage({ name: `Page ${a}-${p}` });
      const channel = await api(backend.url, 'POST', '/api/channels', { type: 'facebook_page', externalId: page.id, accessToken: page.accessToken }, token);
      channels.push({ token, channelId: channel.id, pageId: page.id });
    }
  }
  log(`seeded ${AMBASSADORS} ambassadors with ${channels.length} pages`);
  const posts = [];
  const queue = Array.from({ length: POSTS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const channel = channels[i % channels.length];
        const text = `Post ${i}: Willkommen im Ruhrgebiet – Termine der Woche`;
        const post = await api(backend.url, 'POST', '/api/posts', { text, channelIds: [channel.channelId], asSoonAsApproved: true }, channel.token);
        await api(backend.url, 'POST', `/api/moderation/posts/${post.id}/approve`, undefined, moderator);
        posts.push({ id: post.id, text, pageId: channel.pageId });
      }
    }),
  );
  log(`seeded ${posts.length} approved posts`);
  return posts;
}

async function countPublished(db) {
  const { rows } = await db.query(`SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*)::int AS total FROM posts`);
  return rows[0];
}

/** One run: seed, then two publishing backends until every post is published (or 10 minutes pass). */
async function runOnce(root, FakeGraphApi, serverUrl, log, trouble) {
  const fake = await new FakeGraphApi({ latencyMs: LATENCY_MS }).start();
  const database = await throwawayDatabase(serverUrl);
  const db = new pg.Client({ connectionString: database.url });
  const env = {
    DATABASE_URL: database.url,
    FACEBOOK_GRAPH_URL: fake.url,
    FACEBOOK_APP_ID: fake.appId,
    FACEBOOK_APP_SECRET: fake.appSecret,
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    PUBLISHER_ENABLED: 'true',
    PUBLISHER_CONCURRENCY: String(CONCURRENCY),
    PUBLISHER_LEASE_SECONDS: trouble ? '10' : '120',
  };
  const backends = [];
  try {
    backends.push(await startBackend(root, { ...env, PUBLISHER_ENABLED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    const posts = await seed(backends[0], fake, log);
    await backends.pop().kill();
    await db.connect();

    if (trouble) {
      fake.fault({ method: 'POST', path: /\/feed$/, status: 500, afterEffect: true, times: 20 });
      fake.fault({ method: 'POST', path: /\/feed$/, dropConnection: true, afterEffect: true, times: 10 });
      fake.fault({ method: 'POST', path: /\/feed$/, status: 503, times: 10 });
    }
    const postsBefore = fake.calls.length;
    const started = performance.now();
    backends.push(await startBackend(root, env), await startBackend(root, env));
    let killed = !trouble;
    let state = await countPublished(db);
    while (state.published < state.total) {
      if (performance.now() - started > 600_000) throw new Error(`only ${state.published} of ${state.total} published after 10 minutes`);
      if (!killed && state.published >= state.total / 2) {
        killed = true;
        await backends[1].kill('SIGKILL');
        backends[1] = await startBackend(root, env);
        log('killed one backend (SIGKILL) halfway and started it again');
      }
      await sleep(100);
      state = await countPublished(db);
    }
    const seconds = (performance.now() - started) / 1000;
    const feedCalls = fake.calls.slice(postsBefore).filter((c) => c.method === 'POST' && c.path.endsWith('/feed')).length;
    let duplicates = 0;
    let losses = 0;
    for (const post of posts) {
      const copies = fake.countMessage(post.pageId, post.text);
      if (copies === 0) losses++;
      if (copies > 1) duplicates += copies - 1;
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM post_deliveries WHERE status = 'published'`);
    log(`${trouble ? 'with trouble' : 'clean'}: ${POSTS} posts in ${seconds.toFixed(1)} s, ${feedCalls} POST /feed, ${duplicates} duplicates, ${losses} losses`);
    return { seconds, feedCalls, duplicates, losses, recorded: rows[0].n };
  } finally {
    await Promise.all(backends.map((b) => b.kill()));
    await db.end().catch(() => undefined);
    await fake.stop();
    await database.drop();
  }
}

export async function run({ root, log }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dir = mkdtempSync(join(tmpdir(), 'wr-bench-fake-'));
  try {
    const FakeGraphApi = await loadFakeGraphApi(root, dir);
    const clean = await runOnce(root, FakeGraphApi, serverUrl, log, false);
    const troubled = await runOnce(root, FakeGraphApi, serverUrl, log, true);
    const row = (label, r) =>
      `| ${label} | ${r.seconds.toFixed(1)} s | ${(POSTS / r.seconds).toFixed(0)} posts/s | ${r.feedCalls} | ${r.recorded} | **${r.duplicates}** | **${r.losses}** |`;
    return [
      '## Publishing: 1,000 posts, 200 pages, two backends',
      '',
      `${POSTS} approved, due posts on ${AMBASSADORS * PAGES_PER_AMBASSADOR} Facebook pages, published by two built backends`,
      `(\`PUBLISHER_CONCURRENCY=${CONCURRENCY}\` each) sharing one PostgreSQL database, against the fake Graph API with a`,
      `${LATENCY_MS} ms round trip. Time from starting both backends until the last post is published; duplicates and`,
      'losses counted by the fake (every post has a text of its own). "With trouble": 20 posts answered 500 after',
      'Facebook made them, 10 connections dropped after the post was made, 10 answered 503, and one backend killed',
      '(SIGKILL) at 500 published and started again (`PUBLISHER_LEASE_SECONDS=10`); posts of unknown outcome are',
      'looked for on their page after the 60 s grace, so that run takes longer by design.',
      '',
      '| run | time to publish all | throughput | POST /feed calls | deliveries recorded | duplicates (must be 0) | losses (must be 0) |',
      '|---|---|---|---|---|---|---|',
      row('clean', clean),
      row('with trouble', troubled),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
