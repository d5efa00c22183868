// Ingestion at volume, against the built backend (`node dist/backend/main.js`) as a child process and a
// local feed server (bench/lib/feeds.mjs: a plain node http server on 127.0.0.1).
//
// (a) Refresh 2,000 sources: imported as an admin through the OPML import, fetched once by the scheduler
//     (SCHEDULER_ENABLED=true), then all made due again while 20 % of the feeds changed (one new item) and
//     80 % answer 304 to the conditional request; measured: the wall time until every source was fetched
//     again, and the backend's peak memory (VmHWM). On a throwaway PostgreSQL database (made due with
//     `UPDATE sources SET next_fetch_at = now()` while the backend runs) and on a fresh embedded DATA_DIR
//     (which cannot be reached while the backend runs: stopped, made due with PGlite, started again).
// (b) Ingest 100,000 new items end to end (fetch, parse, sanitize, tag, store): 100 sources × 1,000 items
//     in seven languages, "fetch now" for each through the API, a few at once; items per second.
//
// Needs a PostgreSQL server: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// BENCH_SCALE (default 1) shrinks every count for a quick try; BENCH_EMBEDDED=0 skips the embedded runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  adminToken,
  api,
  cpuSecondsOfProcesses,
  fmt,
  machineCpu,
  percentile,
  pool,
  serverVersion,
  sleep,
  startBackend,
  throwawayDatabase,
} from '../lib/backend.mjs';
import { BenchFeedServer, opmlDocument, rssDocument } from '../lib/feeds.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EMBEDDED = process.env.BENCH_EMBEDDED !== '0';
const SOURCES = Math.round(2000 * SCALE);
/** Ports of the feed server: the scheduler runs at most 2 fetches per host (name and port) and 8 in all. */
const HOSTS = 20;
const ITEMS_PER_SMALL_FEED = 5;
/** Every fifth feed gets a new item before the second round; the others answer 304. */
const CHANGED_EVERY = 5;
const BIG_FEEDS = Math.max(2, Math.round(100 * SCALE));
/** The embedded run is slower and the suite should stay under 5 minutes: a fifth of the items (a rate all the same). */
const BIG_FEEDS_EMBEDDED = Math.max(2, Math.round(20 * SCALE));
const BIG_ITEMS = 1000;
const FETCH_NOW_CONCURRENCY = 4;
const ROUND_TIMEOUT_MS = 300_000;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Polls `count()` → {done, total} until done === total; returns the elapsed ms since `since` (performance.now()). */
async function waitUntilAll(count, since, intervalMs, what) {
  for (;;) {
    const { done, total } = await count();
    if (done >= total) return performance.now() - since;
    if (performance.now() - since > ROUND_TIMEOUT_MS) throw new Error(`${what}: only ${done} of ${total} after ${ROUND_TIMEOUT_MS / 1000} s`);
    await sleep(intervalMs);
  }
}

/** CPU of the backend, of the PostgreSQL server's processes and of the machine between `start()` and `end()`. */
function cpuMeter(backend) {
  const postgres = () => cpuSecondsOfProcesses((name) => name === 'postgres');
  const begin = { backend: backend.cpuSeconds(), postgres: postgres(), machine: machineCpu() };
  return () => {
    const machine = machineCpu();
    return {
      backend: backend.cpuSeconds() - begin.backend,
      postgres: postgres() - begin.postgres,
      machineBusy: (machine.busy - begin.machine.busy) / (machine.total - begin.machine.total),
    };
  };
}

/** 2,000 small distinct feeds over HOSTS ports. */
function smallFeeds(feedServer) {
  const feeds = [];
  for (let n = 0; n < SOURCES; n++) {
    const path = `/feeds/${n}.xml`;
    feedServer.set(path, rssDocument(`s${n}`, ITEMS_PER_SMALL_FEED, { title: `Partner ${n}` }));
    feeds.push({ n, path, title: `Partner ${n}`, url: feedServer.url(path, n % HOSTS) });
  }
  return feeds;
}

function changeEveryFifth(feedServer, feeds) {
  let changed = 0;
  for (const feed of feeds) {
    if (feed.n % CHANGED_EVERY !== 0) continue;
    feedServer.set(feed.path, rssDocument(`s${feed.n}`, ITEMS_PER_SMALL_FEED + 1, { title: feed.title }));
    changed++;
  }
  return changed;
}

async function importSources(backend, feeds) {
  const token = await adminToken(backend.url);
  const report = await api(backend.url, 'POST', '/api/sources/import', { opml: opmlDocument(feeds), cities: ['essen'], kind: 'partner', autoApprove: true }, token);
  if (report.created !== feeds.length) throw new Error(`OPML import created ${report.created} of ${feeds.length} sources`);
  return token;
}

/** Outcomes of the last fetch of every source, from the API. */
async function outcomes(backend, token) {
  const sources = await api(backend.url, 'GET', '/api/sources', undefined, token);
  const counts = {};
  for (const s of sources) counts[s.lastFetch?.outcome ?? 'none'] = (counts[s.lastFetch?.outcome ?? 'none'] ?? 0) + 1;
  const failing = sources.filter((s) => s.lastError);
  return { counts, failing: failing.length, firstError: failing[0]?.lastError, items: sources.reduce((sum, s) => sum + s.items.total, 0) };
}

/** (a) on a PostgreSQL database: made due again with an UPDATE while the backend runs. */
async function refreshOnServer(root, log) {
  const feedServer = await new BenchFeedServer(HOSTS).start();
  const database = await throwawayDatabase();
  const db = new pg.Client({ connectionString: database.url });
  let backend;
  try {
    const feeds = smallFeeds(feedServer);
    backend = await startBackend(root, { env: { DATABASE_URL: database.url, SCHEDULER_ENABLED: 'true', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' } });
    await db.connect();
    const fetchedSince = (t) => async () => {
      const { rows } = await db.query(`SELECT count(*) FILTER (WHERE last_fetched_at >= $1)::int AS done, count(*)::int AS total FROM sources`, [t]);
      return rows[0];
    };
    const importStarted = performance.now();
    const token = await importSources(backend, feeds);
    const importMs = performance.now() - importStarted;
    const firstMs = await waitUntilAll(fetchedSince(new Date(0)), importStarted, 100, 'first round');
    const first = await outcomes(backend, token);
    log(`PostgreSQL: imported ${SOURCES} sources in ${seconds(importMs)}; first round (all new) done ${seconds(firstMs)} after the import began: ${JSON.stringify(first.counts)}, ${first.items} items`);
    if (first.failing > 0) throw new Error(`${first.failing} sources failed in the first round: ${first.firstError}`);

    const changed = changeEveryFifth(feedServer, feeds);
    feedServer.resetCounts();
    const cpu = cpuMeter(backend);
    let sampledPeak = 0;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, backend.memory().rssMb)), 100);
    const due = performance.now();
    const { rows } = await db.query(`WITH due AS (UPDATE sources SET next_fetch_at = now() RETURNING 1) SELECT now() AS at, count(*)::int AS n FROM due`);
    const refreshMs = await waitUntilAll(fetchedSince(rows[0].at), due, 100, 'second round');
    clearInterval(sampler);
    const used = cpu();
    const { rows: span } = await db.query(
      `SELECT extract(epoch FROM min(last_fetched_at) - $1::timestamptz) * 1000 AS first_start_ms, percentile_cont(0.5) WITHIN GROUP (ORDER BY (last_fetch->>'durationMs')::int) AS median_fetch_ms
       FROM sources`,
      [rows[0].at],
    );
    const second = await outcomes(backend, token);
    const memory = backend.memory();
    log(
      `PostgreSQL: second round ${seconds(refreshMs)} (first fetch began after ${seconds(span[0].first_start_ms)}); feed server: ${JSON.stringify(feedServer.counts)}; ` +
        `outcomes ${JSON.stringify(second.counts)}; peak ${memory.peakMb.toFixed(0)} MB; CPU backend ${used.backend.toFixed(1)} s, postgres ${used.postgres.toFixed(1)} s, machine ${(used.machineBusy * 100).toFixed(0)} %`,
    );
    if (second.failing > 0) throw new Error(`${second.failing} sources failed in the second round: ${second.firstError}`);
    return {
      importMs,
      firstMs,
      refreshMs,
      waitForTickMs: Number(span[0].first_start_ms),
      medianFetchMs: Number(span[0].median_fetch_ms),
      changed,
      server: { ...feedServer.counts },
      outcomes: second.counts,
      peakMb: memory.peakMb,
      sampledPeakMb: sampledPeak,
      cpu: used,
    };
  } finally {
    await backend?.stop();
    await db.end().catch(() => undefined);
    await database.drop();
    await feedServer.stop();
  }
}

/** (a) on a fresh embedded DATA_DIR: the second round after a restart, the sources made due with PGlite meanwhile. */
async function refreshEmbedded(root, log) {
  const feedServer = await new BenchFeedServer(HOSTS).start();
  const dataDir = mkdtempSync(join(tmpdir(), 'wr-bench-ingest-'));
  const env = { SCHEDULER_ENABLED: 'true', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' };
  let backend;
  try {
    const feeds = smallFeeds(feedServer);
    backend = await startBackend(root, { env, dataDir });
    const importStarted = performance.now();
    const token = await importSources(backend, feeds);
    const importMs = performance.now() - importStarted;
    // Listing 2,000 sources costs the backend (its database runs on the same thread): wait until the feed
    // server has answered every source, then ask the API until every outcome is written.
    const fetchedSince = (t, tokenNow) => async () => {
      if (feedServer.counts.requests < feeds.length) return { done: feedServer.counts.requests - feeds.length, total: 0 };
      const sources = await api(backend.url, 'GET', '/api/sources', undefined, tokenNow);
      return { done: sources.filter((s) => s.lastFetchedAt && Date.parse(s.lastFetchedAt) >= t && s.state !== 'fetching').length, total: sources.length };
    };
    const firstMs = await waitUntilAll(fetchedSince(0, token), importStarted, 50, 'first round (embedded)');
    const first = await outcomes(backend, token);
    const firstPeakMb = backend.memory().peakMb;
    log(`embedded: imported in ${seconds(importMs)}; first round done ${seconds(firstMs)} after the import began: ${JSON.stringify(first.counts)}, ${first.items} items, peak ${firstPeakMb.toFixed(0)} MB`);
    if (first.failing > 0) throw new Error(`${first.failing} sources failed in the first round: ${first.firstError}`);
    await backend.stop();
    backend = undefined;

    // The backend is down: make every source due in its database directly.
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    await pglite.query(`UPDATE sources SET next_fetch_at = now()`);
    await pglite.close();

    const changed = changeEveryFifth(feedServer, feeds);
    feedServer.resetCounts();
    const spawned = performance.now();
    const dueAt = Date.now();
    backend = await startBackend(root, { env, dataDir });
    const healthyMs = performance.now() - spawned;
    const token2 = await adminToken(backend.url);
    const cpu = cpuMeter(backend);
    const refreshMs = (await waitUntilAll(fetchedSince(dueAt, token2), spawned, 50, 'second round (embedded)')) - healthyMs;
    const waitForTickMs = feedServer.firstRequestAt - spawned - healthyMs;
    const used = cpu();
    const second = await outcomes(backend, token2);
    const memory = backend.memory();
    log(
      `embedded: restarted in ${seconds(healthyMs)}, second round ${seconds(refreshMs)} after healthy; feed server: ${JSON.stringify(feedServer.counts)}; ` +
        `outcomes ${JSON.stringify(second.counts)}; peak ${memory.peakMb.toFixed(0)} MB; CPU backend ${used.backend.toFixed(1)} s, machine ${(used.machineBusy * 100).toFixed(0)} %`,
    );
    if (second.failing > 0) throw new Error(`${second.failing} sources failed in the second round: ${second.firstError}`);
    return { importMs, firstMs, firstPeakMb, healthyMs, refreshMs, waitForTickMs, changed, server: { ...feedServer.counts }, outcomes: second.counts, peakMb: memory.peakMb, cpu: used };
  } finally {
    await backend?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await feedServer.stop();
  }
}

/** (b) 100 × 1,000 new items through "fetch now", FETCH_NOW_CONCURRENCY at once. */
async function ingest(root, log, databaseUrl, feedCount) {
  const feedServer = await new BenchFeedServer(HOSTS).start();
  let backend;
  try {
    const feeds = [];
    for (let n = 0; n < feedCount; n++) {
      const path = `/big/${n}.xml`;
      feedServer.set(path, rssDocument(`b${n}`, BIG_ITEMS, { title: `Newsroom ${n}`, start: Date.UTC(2026, 0, 1) + n * 1000 }));
      feeds.push({ n, path, url: feedServer.url(path, n % HOSTS) });
    }
    const feedBytes = [...feedServer.feeds.values()].reduce((sum, f) => sum + f.body.length, 0);
    const env = { SCHEDULER_ENABLED: 'false', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    backend = await startBackend(root, { env });
    const token = await adminToken(backend.url);
    const sources = [];
    for (const feed of feeds) {
      const source = await api(backend.url, 'POST', '/api/sources', { type: 'rss', name: `Newsroom ${feed.n}`, url: feed.url, kind: 'partner', autoApprove: feed.n % 2 === 0 }, token);
      sources.push(source.id);
    }
    const label = databaseUrl ? 'PostgreSQL' : 'embedded';
    const cpu = cpuMeter(backend);
    let sampledPeak = 0;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, backend.memory().rssMb)), 100);
    const started = performance.now();
    const durations = [];
    let stored = 0;
    await pool(sources, FETCH_NOW_CONCURRENCY, async (id) => {
      const state = await api(backend.url, 'POST', `/api/sources/${id}/fetch`, undefined, token);
      if (state.lastError) throw new Error(`fetch now failed: ${state.lastError}`);
      durations.push(state.lastFetch.durationMs);
      stored += state.lastFetch.new;
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    const used = cpu();
    const after = await outcomes(backend, token);
    const memory = backend.memory();
    durations.sort((a, b) => a - b);
    const expected = feedCount * BIG_ITEMS;
    if (after.items !== expected || stored !== expected) throw new Error(`${label}: ${after.items} items stored (${stored} new reported), expected ${expected}`);
    log(
      `${label}: ${fmt(expected)} items in ${seconds(ms)} = ${fmt(expected / (ms / 1000))} items/s; fetch of 1,000 items: median ${fmt(percentile(durations, 50))} ms; ` +
        `peak ${memory.peakMb.toFixed(0)} MB; CPU backend ${used.backend.toFixed(1)} s, postgres ${used.postgres.toFixed(1)} s, machine ${(used.machineBusy * 100).toFixed(0)} %`,
    );
    return { ms, items: expected, feedBytes, medianFetchMs: percentile(durations, 50), peakMb: memory.peakMb, sampledPeakMb: sampledPeak, cpu: used };
  } finally {
    await backend?.stop();
    await feedServer.stop();
  }
}

export async function run({ root, log }) {
  const server = await serverVersion();
  const refreshPg = await refreshOnServer(root, log);
  const refreshEmb = EMBEDDED ? await refreshEmbedded(root, log) : null;
  const database = await throwawayDatabase();
  let ingestPg;
  try {
    ingestPg = await ingest(root, log, database.url, BIG_FEEDS);
  } finally {
    await database.drop();
  }
  const ingestEmb = EMBEDDED ? await ingest(root, log, null, BIG_FEEDS_EMBEDDED) : null;
  return report(server, refreshPg, refreshEmb, ingestPg, ingestEmb);
}

/** For trying one part alone: `node -e "import('./bench/suites/20-ingestion.mjs').then((m) => m.parts.refreshEmbedded('./', console.log))"`. */
export const parts = { refreshOnServer, refreshEmbedded, ingest };

function report(server, refreshPg, refreshEmb, ingestPg, ingestEmb) {

  const pass = (ok) => (ok ? '✅' : '❌');
  const rounds = (r) => `${fmt(r.server.requests)} requests: ${fmt(r.server.notModified)} × 304, ${fmt(r.server.ok)} × 200 (${fmt(r.changed)} feeds changed)`;
  const cpuText = (c, withPg = true) =>
    `backend ${c.backend.toFixed(1)} s${withPg ? `, PostgreSQL ${c.postgres.toFixed(1)} s (every postgres process on the machine)` : ''}; machine ${(c.machineBusy * 100).toFixed(0)} % busy`;
  const lines = [
    '## Ingestion: refreshing 2,000 sources, ingesting 100,000 items',
    '',
    `The built backend as a child process (\`SCHEDULER_ENABLED=true\`, \`FETCH_ALLOW_PRIVATE_HOSTS=127.0.0.1\`, \`LOG_LEVEL=warn\`) against a local feed server (\`bench/lib/feeds.mjs\`, a plain Node http server on 127.0.0.1 with ${HOSTS} ports, i.e. ${HOSTS} "hosts" of ${SOURCES / HOSTS} feeds each, answering at once, strong ETags). PostgreSQL ${server.version} server on this machine (a throwaway database, autovacuum ${server.autovacuum}); embedded = PGlite in the backend process on a fresh \`DATA_DIR\`.`,
    '',
    `### (a) Refresh ${fmt(SOURCES)} sources, 80 % answer 304`,
    '',
    `${fmt(SOURCES)} sources of ${ITEMS_PER_SMALL_FEED} items each, imported as an admin through \`POST /api/sources/import\` (OPML); the scheduler fetches them all once (first round: every feed new, ${fmt(SOURCES * ITEMS_PER_SMALL_FEED)} items parsed, sanitized, tagged and stored). Then every fifth feed gets one new item and every source is made due again; measured: from "due" until every source's fetch outcome is written (\`last_fetched_at\` polled every 100 ms). Peak memory is the backend's VmHWM at the end (its whole life: start, import, both rounds); the scheduler runs at most 8 fetches at once, 2 per host.`,
    '',
    '| database | how made due | second round: all fetched | of it, waiting for the scheduler tick | feed server saw | peak memory (VmHWM) | CPU during the round | target |',
    '|---|---|---|---|---|---|---|---|',
    `| PostgreSQL server | \`UPDATE sources SET next_fetch_at = now()\` while the backend runs | **${seconds(refreshPg.refreshMs)}** ${pass(refreshPg.refreshMs < 60_000)} | ${seconds(refreshPg.waitForTickMs)} (ticks every 5 s) | ${rounds(refreshPg)} | **${refreshPg.peakMb.toFixed(0)} MB** ${pass(refreshPg.peakMb < 400)} | ${cpuText(refreshPg.cpu)} | < 60 s, < 400 MB |`,
  ];
  if (refreshEmb) {
    lines.push(
      `| embedded (PGlite) | backend stopped, \`UPDATE … next_fetch_at = now()\` through PGlite, backend started again (healthy after ${seconds(refreshEmb.healthyMs)}); timed from healthy until every outcome is written (\`GET /api/sources\`, asked only once the feed server has answered every source) | **${seconds(refreshEmb.refreshMs)}** ${pass(refreshEmb.refreshMs < 60_000)} | ${seconds(refreshEmb.waitForTickMs)} (the first tick comes 5 s after start-up) | ${rounds(refreshEmb)} | **${refreshEmb.peakMb.toFixed(0)} MB** ${pass(refreshEmb.peakMb < 400)} (the restarted process; the first process, through import and first round: ${refreshEmb.firstPeakMb.toFixed(0)} MB) | ${cpuText(refreshEmb.cpu, false)} (the database runs inside the backend process) | < 60 s, < 400 MB |`,
    );
  }
  lines.push(
    '',
    `First round (all ${fmt(SOURCES)} feeds new), from the start of the import until every source was fetched: PostgreSQL ${seconds(refreshPg.firstMs)} (the import itself ${seconds(refreshPg.importMs)})${refreshEmb ? `, embedded ${seconds(refreshEmb.firstMs)} (import ${seconds(refreshEmb.importMs)})` : ''}. Median duration of one fetch in the second round (PostgreSQL, from the source's \`lastFetch\`): ${fmt(refreshPg.medianFetchMs)} ms. Outcomes of the second round: ${JSON.stringify(refreshPg.outcomes)}.`,
    '',
    `### (b) Ingest ${fmt(BIG_FEEDS * BIG_ITEMS)} new items end to end`,
    '',
    `${BIG_FEEDS} RSS sources (created through \`POST /api/sources\`, every other one trusted) of ${fmt(BIG_ITEMS)} new items each (${(ingestPg.feedBytes / 2 ** 20).toFixed(0)} MB of RSS in all): titles and summaries in seven languages (de 40 %, en 15 %, tr 12 %, ar 12 %, uk 8 %, ru 8 %, pl 5 %) naming RVR cities and taxonomy topics, HTML with a link and \`onclick\`/\`style\`, an image, a tracking pixel, a \`<script>\` and on every tenth item a YouTube iframe. Triggered with "fetch now" (\`POST /api/sources/:id/fetch\`, which answers when the items are stored), ${FETCH_NOW_CONCURRENCY} at once (scheduler off); measured from the first request until the last answered; every item counted in the database afterwards.`,
    '',
    `| database | new items | all stored in | throughput | one fetch of 1,000 items (median) | peak memory (VmHWM) | CPU during the run |`,
    '|---|---|---|---|---|---|---|',
    `| PostgreSQL server | ${fmt(ingestPg.items)} | ${seconds(ingestPg.ms)} | **${fmt(ingestPg.items / (ingestPg.ms / 1000))} items/s** | ${fmt(ingestPg.medianFetchMs)} ms | ${ingestPg.peakMb.toFixed(0)} MB | ${cpuText(ingestPg.cpu)} |`,
  );
  if (ingestEmb) {
    lines.push(
      `| embedded (PGlite, inside the backend process) | ${fmt(ingestEmb.items)} (${ingestEmb.items / BIG_ITEMS} sources, to keep the suite under 5 minutes) | ${seconds(ingestEmb.ms)} | **${fmt(ingestEmb.items / (ingestEmb.ms / 1000))} items/s** | ${fmt(ingestEmb.medianFetchMs)} ms | ${ingestEmb.peakMb.toFixed(0)} MB | ${cpuText(ingestEmb.cpu, false)} |`,
    );
  }
  const perItem = (r) => `${((r.cpu.backend / r.items) * 1000).toFixed(2)} ms`;
  lines.push(
    '',
    `**What limits it:** the backend's CPU time is about the wall time (PostgreSQL: ${perItem(ingestPg)} of backend CPU per item${ingestEmb ? `, embedded ${perItem(ingestEmb)} including the database` : ''}): the pipeline runs on Node's one thread, so more fetches at once do not help on this machine, and PostgreSQL is mostly idle. Per item, a one-off micro-benchmark of the enrichment on this suite's items (2,000 items, 7 rounds; run by hand on 2026-11-25, not by this suite, so these figures are not re-measured here) measured language detection (tinyld) at ≈ 360–490 µs, sanitizing ≈ 100 µs, topic tagging ≈ 30 µs (one pass over the text's words since the matcher rewrite; ≈ 215 µs with one regular expression per topic before) and city tagging ≈ 12 µs: language detection is now the largest single cost.`,
  );
  return lines.join('\n');
}
