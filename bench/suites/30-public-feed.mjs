// The public feed (`GET /api/public/feed`) of the built backend (`node dist/backend/main.js`, a child
// process) on a throwaway PostgreSQL database, its items put in straight with `INSERT … SELECT
// generate_series` after the backend ran its migrations.
//
// (c) 100,000 approved items: requests per second and p99 at 64 connections (`wrk -t2 -c64 -d10s`) for
//     `?city=essen&limit=12` (cached, served by the fast path), against nginx (Debian's package, 2 workers,
//     a config of our own) serving the same body as a static file, in the same run, alternating.
// (d) 1,000,000 approved items, after VACUUM ANALYZE: uncached pages with city + topic + language and a
//     deep cursor, N=200 distinct URLs one after the other through the HTTP API; p95.
//
// Needs a PostgreSQL server: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// and wrk and nginx (installed with apt-get when missing and running as root). BENCH_SCALE shrinks the
// item counts for a quick try.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cpuSecondsOfProcesses, fmt, freePort, percentile, serverVersion, sleep, startBackend, throwawayDatabase } from '../lib/backend.mjs';
import { CITIES, LANGUAGES } from '../lib/feeds.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ITEMS_C = Math.round(100_000 * SCALE);
const ITEMS_D = Math.round(1_000_000 * SCALE);
const BATCH = 100_000;
const SOURCES = 200;
const WRK_ROUNDS = 3;
const WRK_ARGS = ['-t2', '-c64', '-d10s', '--latency'];
const QUERIES = 200;
const WARMUP_QUERIES = 10;
const FEED_PATH = '/api/public/feed?city=essen&limit=12';
const PARTNER_CITIES = ['bochum', 'dortmund', 'duisburg', 'essen', 'gelsenkirchen', 'herne', 'muelheim-an-der-ruhr', 'oberhausen'];
/** Shares as in docs/public-api.md's measurement: de 55 %, en 15 %, tr 10 %, ar 10 %, uk 5 %, ru 5 %. */
const ITEM_LANGUAGES = [
  ['de', 0.55],
  ['en', 0.7],
  ['tr', 0.8],
  ['ar', 0.9],
  ['uk', 0.95],
  ['ru', 1],
];
const TEXTS = 6;

/** wrk and nginx from Debian, installed when missing (as scripts/test.mjs does with Chromium). */
function ensureTools() {
  const missing = [
    ['wrk', 'wrk'],
    ['nginx', 'nginx-light'],
  ].filter(([binary]) => spawnSync('sh', ['-c', `command -v ${binary} || test -x /usr/sbin/${binary}`]).status !== 0);
  if (missing.length === 0) return;
  const packages = missing.map(([, pkg]) => pkg).join(' ');
  if (process.getuid?.() !== 0) throw new Error(`missing ${packages}: run \`sudo apt-get install -y ${packages}\` and try again`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages} >/dev/null`, { stdio: 'inherit' });
}

/** Sources of the three kinds, then `count` approved items numbered from `from`, in batches. */
async function insertItems(db, from, count, log) {
  if (from === 1) {
    await db.query(
      `INSERT INTO sources (type, kind, name, url, cities, auto_approve, active)
       SELECT 'rss', (ARRAY['partner','city','ambassador'])[1 + g % 3], 'Bench source ' || g, 'https://bench.example/' || g || '/feed.xml', '{}', true, false
       FROM generate_series(1, ${SOURCES}) g`,
    );
  }
  const { rows: topicRows } = await db.query(`SELECT slug FROM topics ORDER BY position, slug`);
  const topics = topicRows.map((r) => r.slug);
  const titles = [];
  const sentences = [];
  for (const [code] of ITEM_LANGUAGES) {
    const texts = LANGUAGES[code];
    for (let k = 0; k < TEXTS; k++) {
      titles.push(texts.titles[k].replace('{city}', CITIES[(k * 5) % CITIES.length]));
      sentences.push(texts.sentences[k]);
    }
  }
  const languageCase = `CASE ${ITEM_LANGUAGES.map(([, upTo], i) => `WHEN x.rl < ${upTo} THEN ${i}`).join(' ')} END`;
  for (let start = from; start < from + count; start += BATCH) {
    const end = Math.min(from + count - 1, start + BATCH - 1);
    const began = performance.now();
    await db.query(
      `INSERT INTO items (source_id, key, title, summary, html, url, canonical_url, image_url, author, published_at, fetched_at, content_hash,
                          language, language_confidence, cities, topics, status, pinned, decided_at)
       SELECT src.ids[1 + y.g % src.n], 'bench-' || y.g,
              ($3::text[])[y.li * ${TEXTS} + y.g % ${TEXTS} + 1] || ' (' || y.g || ')',
              ($4::text[])[y.li * ${TEXTS} + (y.g / 7) % ${TEXTS} + 1] || ' ' || ($4::text[])[y.li * ${TEXTS} + (y.g / 3) % ${TEXTS} + 1],
              '<p>' || ($4::text[])[y.li * ${TEXTS} + (y.g / 7) % ${TEXTS} + 1] || '</p><p><a href="https://news.example.org/' || y.g || '" rel="noopener noreferrer nofollow">Mehr</a></p>',
              'https://news.example.org/' || y.g, 'https://news.example.org/' || y.g,
              CASE WHEN y.g % 3 = 0 THEN 'https://news.example.org/img/' || y.g || '.jpg' END, 'Redaktion',
              y.published_at, y.published_at, md5(y.g::text) || md5('x' || y.g),
              (ARRAY[${ITEM_LANGUAGES.map(([code]) => `'${code}'`).join(',')}])[y.li + 1], 0.9,
              CASE WHEN y.rc < 0.2 THEN '{}'::text[] WHEN y.rc < 0.6 THEN ARRAY[($5::text[])[y.c1 + 1]]
                   ELSE ARRAY[($5::text[])[y.c1 + 1], ($5::text[])[(y.c1 + 1 + y.c2) % 8 + 1]] END,
              CASE WHEN y.rt < 0.2 THEN '{}'::text[] WHEN y.rt < 0.6 THEN ARRAY[($6::text[])[y.t1 + 1]]
                   ELSE ARRAY[($6::text[])[y.t1 + 1], ($6::text[])[(y.t1 + 1 + y.t2) % $7::int + 1]] END,
              'approved', y.g <= 3, y.published_at
       FROM (SELECT x.*, ${languageCase} AS li FROM (
               SELECT g, random() AS rl, random() AS rc, random() AS rt, floor(random() * 8)::int AS c1, floor(random() * 7)::int AS c2,
                      floor(random() * $7::int)::int AS t1, floor(random() * ($7::int - 1))::int AS t2, now() - random() * interval '1000 days' AS published_at
               FROM generate_series($1::int, $2::int) g) x) y,
            (SELECT array_agg(id ORDER BY name) AS ids, count(*)::int AS n FROM sources) src`,
      [start, end, titles, sentences, PARTNER_CITIES, topics, topics.length],
    );
    log(`inserted items ${fmt(start)}–${fmt(end)} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  return topics;
}

async function vacuumAnalyze(db) {
  const began = performance.now();
  await db.query('VACUUM ANALYZE items');
  await db.query('VACUUM ANALYZE sources');
  return performance.now() - began;
}

/** Our own nginx: 2 workers, no access log, the body as a static file at the feed's path, with the feed's headers. */
async function startNginx(dir, body) {
  const port = await freePort();
  const www = join(dir, 'www');
  mkdirSync(join(www, 'api', 'public'), { recursive: true });
  writeFileSync(join(www, 'api', 'public', 'feed'), body);
  for (const d of [dir, www, join(www, 'api'), join(www, 'api', 'public')]) chmodSync(d, 0o755);
  chmodSync(join(www, 'api', 'public', 'feed'), 0o644);
  const config = join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = /api/public/feed {
      default_type "application/json; charset=utf-8";
      add_header Access-Control-Allow-Origin "*";
      add_header Cross-Origin-Resource-Policy "cross-origin";
      add_header X-Content-Type-Options "nosniff";
      add_header Cache-Control "public, max-age=30, stale-while-revalidate=300";
      add_header Vary "Accept-Encoding";
    }
  }
}
`,
  );
  const master = spawn('nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  master.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((r) => master.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}${FEED_PATH}`)).ok) break;
    } catch {
      // not yet
    }
    if (master.exitCode !== null || i > 100) {
      master.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await sleep(50);
  }
  const version = spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: nginx/', '');
  return {
    url,
    version,
    cpuSeconds: () => cpuSecondsOfProcesses((name, pid, ppid) => pid === master.pid || ppid === master.pid),
    stop: async () => {
      if (master.exitCode === null && master.signalCode === null) {
        master.kill('SIGQUIT');
        const timer = setTimeout(() => master.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** One wrk run: requests/s, p99 and errors from its report. */
function wrk(url) {
  const result = spawnSync('wrk', [...WRK_ARGS, url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const out = result.stdout;
  const ms = (text) => {
    const [, n, unit] = /([\d.]+)(us|ms|s)/.exec(text);
    return Number(n) * (unit === 'us' ? 0.001 : unit === 'ms' ? 1 : 1000);
  };
  const requests = Number(/(\d+) requests in/.exec(out)[1]);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
    p50: ms(/\s50%\s+(\S+)/.exec(out)[1]),
    p99: ms(/\s99%\s+(\S+)/.exec(out)[1]),
    requests,
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (/Socket errors: (.*)/.exec(out)?.[1].match(/\d+/g) ?? []).reduce((s, n) => s + Number(n), 0),
  };
}

/** Requests/s, p99 and CPU per request, the feed and nginx taking turns. */
async function throughput(backend, nginx, log) {
  const runs = { feed: [], nginx: [] };
  for (let round = 1; round <= WRK_ROUNDS; round++) {
    // One request first: the page is cached (a page lives at most 60 s) and its URL known to the fast path.
    const warm = await fetch(`${backend.url}${FEED_PATH}`);
    await warm.arrayBuffer();
    for (const [name, target, cpu] of [
      ['feed', backend.url, () => backend.cpuSeconds()],
      ['nginx', nginx.url, () => nginx.cpuSeconds()],
    ]) {
      const before = cpu();
      const result = wrk(`${target}${FEED_PATH}`);
      result.cpuUsPerRequest = ((cpu() - before) / result.requests) * 1e6;
      runs[name].push(result);
      log(`round ${round}, ${name}: ${fmt(result.rps)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${result.cpuUsPerRequest.toFixed(0)} µs CPU/request, ${result.errors} errors`);
      await sleep(1000);
    }
  }
  return runs;
}

/** A cursor as the feed gives out: base64url of [pinned, published time to the microsecond, id]. */
function cursorAt(date) {
  const micro = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return Buffer.from(JSON.stringify([0, date.toISOString().replace(/Z$/, `${micro}Z`), randomUUID()])).toString('base64url');
}

/** N uncached pages (distinct URLs, each with a cursor of its own), one after another. */
async function filteredQueries(backend, topics, countFeedLines) {
  const languages = ITEM_LANGUAGES.map(([code]) => code);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const urls = new Set();
  while (urls.size < WARMUP_QUERIES + QUERIES) {
    const daysBack = 30 + Math.random() * 900;
    const cursor = cursorAt(new Date(Date.now() - daysBack * 86_400_000));
    urls.add(`/api/public/feed?city=${pick(PARTNER_CITIES)}&topic=${pick(topics)}&lang=${pick(languages)}&limit=12&cursor=${cursor}`);
  }
  const list = [...urls];
  const timings = [];
  let items = 0;
  let fullPages = 0;
  let viaFastify = 0;
  const linesBefore = countFeedLines();
  for (const [i, url] of list.entries()) {
    const began = performance.now();
    const response = await fetch(`${backend.url}${url}`);
    const body = await response.json();
    const ms = performance.now() - began;
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
    // The fast path answers without X-Request-Id; every one of these went through Fastify and the controller.
    if (response.headers.get('x-request-id')) viaFastify++;
    if (i < WARMUP_QUERIES) continue;
    timings.push(ms);
    items += body.items.length;
    if (body.items.length === 12) fullPages++;
  }
  timings.sort((a, b) => a - b);
  return {
    distinctUrls: urls.size,
    viaFastify,
    loggedRequests: countFeedLines() - linesBefore,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    p99: percentile(timings, 99),
    max: timings.at(-1),
    items,
    fullPages,
  };
}

export async function run({ root, log }) {
  ensureTools();
  const server = await serverVersion();
  const database = await throwawayDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'wr-bench-feed-'));
  const db = new pg.Client({ connectionString: database.url });
  // The access log of feed requests that went through Fastify: how many, and Fastify's own responseTime.
  let feedLines = 0;
  const feedRequestIds = new Set();
  const serverTimes = [];
  const env = { DATABASE_URL: database.url, SCHEDULER_ENABLED: 'false', PUBLISHER_ENABLED: 'false', LOG_LEVEL: 'info' };
  const onLine = (line) => {
    if (line.includes('"msg":"incoming request"') && line.includes('"url":"/api/public/feed')) {
      feedLines++;
      feedRequestIds.add(JSON.parse(line).reqId);
    } else if (line.includes('"msg":"request completed"')) {
      const entry = JSON.parse(line);
      if (feedRequestIds.delete(entry.reqId)) serverTimes.push(entry.responseTime);
    }
  };
  let backend;
  let nginx;
  try {
    // The first start runs the migrations (and writes the taxonomy); the items go in afterwards.
    backend = await startBackend(root, { env, onLine });
    await db.connect();
    const topics = await insertItems(db, 1, ITEMS_C, log);
    const vacuumC = await vacuumAnalyze(db);
    log(`VACUUM ANALYZE after ${fmt(ITEMS_C)} items: ${(vacuumC / 1000).toFixed(1)} s`);

    // (c)
    const first = await fetch(`${backend.url}${FEED_PATH}`);
    const body = Buffer.from(await first.arrayBuffer());
    const page = JSON.parse(body.toString('utf8'));
    if (first.status !== 200 || page.items.length !== 12) throw new Error(`the feed answered ${first.status} with ${page.items?.length} items`);
    const second = await fetch(`${backend.url}${FEED_PATH}`);
    await second.arrayBuffer();
    const fastPath = !second.headers.get('x-request-id');
    nginx = await startNginx(dir, body);
    const fromNginx = Buffer.from(await (await fetch(`${nginx.url}${FEED_PATH}`)).arrayBuffer());
    if (!fromNginx.equals(body)) throw new Error('nginx does not serve the same body');
    const runs = await throughput(backend, nginx, log);
    const nginxVersion = nginx.version;
    await nginx.stop();
    nginx = undefined;

    // (d)
    await insertItems(db, ITEMS_C + 1, ITEMS_D - ITEMS_C, log);
    const vacuumD = await vacuumAnalyze(db);
    const { rows: counts } = await db.query(`SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, pg_size_pretty(pg_total_relation_size('items')) AS size FROM items`);
    log(`VACUUM ANALYZE after ${fmt(ITEMS_D)} items: ${(vacuumD / 1000).toFixed(1)} s; ${fmt(counts[0].approved)} approved, items table with indexes ${counts[0].size}`);
    // A fresh process: an empty page cache, and the planner statistics read anew.
    await backend.stop();
    backend = await startBackend(root, { env, onLine });
    serverTimes.length = 0;
    const queries = await filteredQueries(backend, topics, () => feedLines);
    await sleep(500);
    const inServer = serverTimes.slice(WARMUP_QUERIES).sort((a, b) => a - b);
    queries.serverP50 = percentile(inServer, 50);
    queries.serverP95 = percentile(inServer, 95);
    log(
      `uncached city + topic + language + deep cursor: p50 ${queries.p50.toFixed(1)} ms, p95 ${queries.p95.toFixed(1)} ms, p99 ${queries.p99.toFixed(1)} ms, max ${queries.max.toFixed(1)} ms; ` +
        `${queries.distinctUrls} distinct URLs, ${queries.viaFastify} through Fastify, ${queries.loggedRequests} logged; ${queries.fullPages} full pages; ` +
        `in the server (Fastify responseTime, ${inServer.length} logged): p50 ${queries.serverP50.toFixed(1)} ms, p95 ${queries.serverP95.toFixed(1)} ms`,
    );

    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const feedRps = median(runs.feed.map((r) => r.rps));
    const nginxRps = median(runs.nginx.map((r) => r.rps));
    const ratio = feedRps / nginxRps;
    const pass = (ok) => (ok ? '✅' : '❌');
    const row = (name, rs) =>
      `| ${name} | ${rs.map((r) => fmt(r.rps)).join(' · ')} | **${fmt(median(rs.map((r) => r.rps)))}** | ${rs.map((r) => r.p99.toFixed(1)).join(' · ')} ms | ${rs.map((r) => r.cpuUsPerRequest.toFixed(0)).join(' · ')} µs | ${rs.reduce((s, r) => s + r.errors, 0)} |`;
    return [
      '## Public feed: cached throughput against nginx, uncached filtered queries',
      '',
      `The built backend (\`node dist/backend/main.js\`, \`LOG_LEVEL=info\`, scheduler off) on a throwaway database of the PostgreSQL ${server.version} server on this machine (autovacuum ${server.autovacuum}); items put in with \`INSERT … SELECT generate_series\` after the backend ran its migrations: ${SOURCES} sources of the three kinds, approved items published over the last 1,000 days, languages de 55 %, en 15 %, tr 10 %, ar 10 %, uk 5 %, ru 5 %, 0–2 of the 8 partner cities and 0–2 of the ${topics.length} topics each (none for a fifth of the items), 3 pinned; \`VACUUM ANALYZE items\` after each load.`,
      '',
      `### (c) ${fmt(ITEMS_C)} approved items: \`GET ${FEED_PATH}\` at 64 connections`,
      '',
      `\`wrk ${WRK_ARGS.join(' ')}\` on this 2-core machine (wrk shares the cores with the server), ${WRK_ROUNDS} rounds, the feed and nginx taking turns, one request to the feed before each round (the page is then cached${fastPath ? ' and its URL served by the fast path ahead of Fastify: no `X-Request-Id` on the answer' : ''}). nginx ${nginxVersion}: Debian's package, a config of our own (2 workers, \`access_log off\`, \`sendfile on\`), serving the same ${fmt(body.length)}-byte body (checked byte for byte) as a static file with the feed's CORS, caching and \`Vary\` headers. Neither side compresses (wrk sends no \`Accept-Encoding\`). CPU per request: the server's processes' CPU time during the run ÷ requests.`,
      '',
      '| server | requests/s per round | median | p99 per round | CPU per request | errors |',
      '|---|---|---|---|---|---|',
      row('Welcome Ruhr feed', runs.feed),
      row('nginx, static file', runs.nginx),
      '',
      `**Feed ÷ nginx (medians): ${(ratio * 100).toFixed(0)} %** ${pass(ratio >= 0.5)} (target ≥ 50 %).`,
      '',
      `### (d) ${fmt(ITEMS_D)} approved items: uncached city + topic + language with a deep cursor`,
      '',
      `${QUERIES} requests one after the other (after ${WARMUP_QUERIES} unmeasured ones) to a backend started after \`VACUUM ANALYZE\`, each \`?city=…&topic=…&lang=…&limit=12&cursor=…\` with a random partner city, topic and language and a cursor of its own at a random point 30–930 days back (a cursor as the feed gives them out: pinned, time to the microsecond, id), so every URL and every cache key is distinct ("uncached" means the portal's response cache; PostgreSQL's buffers and the operating system's page cache are warm after \`VACUUM ANALYZE\`, as on a server that has been running): ${queries.distinctUrls} distinct URLs, ${queries.viaFastify} of ${WARMUP_QUERIES + QUERIES} answered through Fastify and the controller (\`X-Request-Id\` present: not the fast path), ${queries.loggedRequests} access-logged. Measured in the client: request sent until the JSON body is read, over HTTP on localhost; the server's own view (Fastify's \`responseTime\` in the access log, parsing, validation, the queries, rendering) beside it. ${queries.fullPages} of ${QUERIES} pages were full (12 items), ${fmt(queries.items)} items in all.`,
      '',
      '| query | p50 | **p95** | p99 | slowest | in the server: p50 / p95 | target |',
      '|---|---|---|---|---|---|---|',
      `| city + topic + language + deep cursor, uncached, ${fmt(counts[0].approved)} approved items (items table with indexes: ${counts[0].size}) | ${queries.p50.toFixed(1)} ms | **${queries.p95.toFixed(1)} ms** ${pass(queries.p95 < 20)} | ${queries.p99.toFixed(1)} ms | ${queries.max.toFixed(1)} ms | ${queries.serverP50.toFixed(1)} / ${queries.serverP95.toFixed(1)} ms | p95 < 20 ms |`,
      '',
      `Loading: ${fmt(ITEMS_D)} items inserted in batches of ${fmt(BATCH)} with every index in place; \`VACUUM ANALYZE\` took ${(vacuumC / 1000).toFixed(1)} s after ${fmt(ITEMS_C)} items and ${(vacuumD / 1000).toFixed(1)} s after ${fmt(ITEMS_D)}. This server runs with autovacuum off; on one with autovacuum on, it does this work on its own.`,
    ].join('\n');
  } finally {
    await nginx?.stop();
    await backend?.stop();
    await db.end().catch(() => undefined);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
