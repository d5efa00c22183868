// Time from starting the built backend (`node dist/backend/main.js`, what `npm start` runs after its
// build) to the first healthy /api/health on the embedded database, and its resident memory when idle.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const rssMbOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** Starts the backend and resolves once /api/health answers 200. */
async function startOnce(root, dataDir, { idleMs = 3000 } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'bench-password-1' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('backend exited during start');
    await new Promise((r) => setTimeout(r, 20));
  }
  const healthyMs = performance.now() - started;
  // Resident memory once a second while the process idles.
  const samples = [];
  for (let at = 1000; at <= idleMs; at += 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    samples.push({ at, rssMb: rssMbOf(child.pid) });
  }
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { healthyMs, rssMb: samples.find((s) => s.at === 3000).rssMb, samples };
}

const SETTLE_MS = 120_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ root, log }) {
  const fresh = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'wr-bench-'));
    fresh.push(await startOnce(root, dataDir)); // empty data dir: creates the database and runs migrations
    warm.push(await startOnce(root, dataDir)); // the usual restart
    rmSync(dataDir, { recursive: true, force: true });
    log(`run ${i + 1}: fresh ${fresh.at(-1).healthyMs.toFixed(0)} ms, restart ${warm.at(-1).healthyMs.toFixed(0)} ms, idle ${warm.at(-1).rssMb.toFixed(0)} MB`);
  }
  // One long idle: V8 keeps the young generation it grew while starting until its memory reducer runs.
  const settleDir = mkdtempSync(join(tmpdir(), 'wr-bench-'));
  await startOnce(root, settleDir);
  const long = await startOnce(root, settleDir, { idleMs: SETTLE_MS });
  rmSync(settleDir, { recursive: true, force: true });
  const settled = long.samples.at(-1).rssMb;
  // The first sample from which on every sample stays within 5 MB of the last.
  const firstSettled = long.samples.find((_, i) => long.samples.slice(i).every((s) => s.rssMb <= settled + 5));
  log(`settled idle: ${settled.toFixed(0)} MB (from ${(firstSettled.at / 1000).toFixed(0)} s after healthy)`);

  const mark = (ok) => (ok ? '✅' : '❌');
  const row = (label, xs, target) => {
    const healthy = median(xs.map((x) => x.healthyMs));
    const idle = median(xs.map((x) => x.rssMb));
    return `| ${label} | ${healthy.toFixed(0)} ms ${mark(healthy < 5000)} | ${Math.max(...xs.map((x) => x.healthyMs)).toFixed(0)} ms | ${idle.toFixed(0)} MB ${mark(idle < 200)} | ${target} |`;
  };
  return [
    '## Start-up and idle memory (embedded database)',
    '',
    `Median of ${RUNS} starts of the built backend until \`/api/health\` answers 200; resident memory (VmRSS) 3 s after that, idle.`,
    '',
    '| start | time to healthy (median) | slowest | idle memory 3 s after healthy (median) | target |',
    '|---|---|---|---|---|',
    row('first start (empty DATA_DIR: database created, migrations run)', fresh, 'healthy < 5 s, idle < 200 MB'),
    row('restart (existing DATA_DIR)', warm, 'healthy < 5 s, idle < 200 MB'),
    '',
    `Idle for longer (one restart only, as it takes ${SETTLE_MS / 1000} s; sampled every second): ${long.samples[2].rssMb.toFixed(0)} MB after 3 s, ` +
      `**${settled.toFixed(1)} MB** from ${(firstSettled.at / 1000).toFixed(0)} s on ${mark(settled < 200)} — V8 keeps the young generation it grew ` +
      'while starting (module loading, migrations, the embedded database) until its memory reducer sees the process idle, then hands it back.',
  ].join('\n');
}
