// Shared by the benchmark suites: start and stop the built backend (`node dist/backend/main.js`) as a
// child process, read its memory from /proc, make a throwaway PostgreSQL database, call the API.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const ADMIN = { email: 'admin@example.org', password: 'bench-password-1' };
export const SECRET_KEY = 'bench-secret-key-that-is-long-enough-0123456789';
export const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Children still running when this process exits (an exception escaped every finally) are killed. */
const living = new Set();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/** kB → MB from /proc/<pid>/status (VmRSS now, VmHWM the peak so far). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

/** CPU seconds (user + system) the process used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Starts the built backend and waits for /api/health. `dataDir`: the embedded database's directory
 * (a fresh temporary one when not given; removed at stop unless it was given). Output is kept (the last
 * lines) and shown if the backend fails to start; `onLine` sees every line.
 */
export async function startBackend(root, { env = {}, dataDir, onLine } = {}) {
  const port = await freePort();
  const ownDir = !dataDir;
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'wr-bench-'));
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      SECRET_KEY,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  living.add(child);
  const output = [];
  const reader = () => {
    let rest = '';
    return (chunk) => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop();
      for (const line of lines.filter(Boolean)) {
        onLine?.(line);
        output.push(line);
      }
      if (output.length > 40) output.splice(0, output.length - 40);
    };
  };
  child.stdout.on('data', reader());
  child.stderr.on('data', reader());
  const exited = new Promise((r) => child.once('exit', r)).then(() => living.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || child.signalCode !== null || performance.now() - startedAt > 60_000) {
      child.kill('SIGKILL');
      await exited;
      if (ownDir) rmSync(dir, { recursive: true, force: true });
      throw new Error(`the backend did not start:\n${output.join('\n')}`);
    }
    await sleep(50);
  }
  return {
    url,
    pid: child.pid,
    dataDir: dir,
    output,
    memory: () => memoryOf(child.pid),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    alive: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM (SIGKILL after 15 s), then the data directory goes if it was ours. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database of its own on the PostgreSQL server, dropped by `drop()`. */
export async function throwawayDatabase(serverUrl = SERVER_URL) {
  const name = `wr_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function serverVersion(serverUrl = SERVER_URL) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version') AS v, current_setting('autovacuum') AS av`);
    return { version: rows[0].v.split(' ')[0], autovacuum: rows[0].av };
  } finally {
    await client.end();
  }
}

export async function api(base, method, path, body, token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response.status === 204 ? null : response.json();
}

export async function adminToken(base) {
  return (await api(base, 'POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).accessToken;
}

/** Runs `work(item)` for every item with at most `limit` at once. */
export async function pool(items, limit, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Busy and total CPU time of the whole machine (all cores) so far, in seconds, from /proc/stat. */
export function machineCpu() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / 100, total: (busy + idle + iowait) / 100 };
}

/** CPU seconds of every process for which `match(name, pid, ppid)` holds, from /proc. */
export function cpuSecondsOfProcesses(match) {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = /\((.*)\)/.exec(stat)?.[1] ?? '';
      const fields = stat.split(') ')[1].split(' ');
      if (!match(name, Number(pid), Number(fields[1]))) continue;
      sum += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}
