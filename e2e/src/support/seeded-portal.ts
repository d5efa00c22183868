import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './server';

export interface SeedSource {
  name: string;
  kind?: 'ambassador' | 'partner' | 'city';
  cities?: string[];
}

export interface SeedItem {
  /** Index into the sources. */
  source: number;
  title: string;
  summary?: string;
  html?: string;
  url?: string | null;
  imageUrl?: string | null;
  publishedAt: string;
  language?: string | null;
  cities?: string[];
  topics?: string[];
  pinned?: boolean;
}

export interface Seed {
  sources: SeedSource[];
  items: SeedItem[];
}

function runSeeder(target: { dataDir?: string; databaseUrl?: string }, seed: Seed): void {
  const result = spawnSync(process.execPath, [join(__dirname, 'seed-feed.mjs')], { input: JSON.stringify({ target, seed }), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr || result.error?.message}`);
}

/**
 * The built portal with exactly these approved items. On the embedded database the server is started
 * once (migrations), stopped, seeded and started again, since PGlite has one process at a time; with
 * DATABASE_URL the running server's own database is seeded.
 */
export async function startSeededPortal(seed: Seed, env: Record<string, string> = {}): Promise<RunningServer> {
  if (process.env['DATABASE_URL']) {
    const server = await startServer(env);
    // server.ts names the database after this process and the server's port.
    const url = new URL(process.env['DATABASE_URL']);
    url.pathname = `/wr_e2e_${process.pid}_${new URL(server.url).port}`;
    runSeeder({ databaseUrl: url.toString() }, seed);
    return server;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'wr-e2e-seeded-'));
  const migrated = await startServer({ ...env, DATA_DIR: dataDir });
  await migrated.stop();
  runSeeder({ dataDir }, seed);
  const server = await startServer({ ...env, DATA_DIR: dataDir });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
