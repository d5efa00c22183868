import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGLITE_NODE_FLAGS, PGLITE_START_PARAMS } from './pglite-pool';

/**
 * Creating an embedded database leaves several hundred MB that the process never returns, so a short-lived
 * child process creates it and the server opens it afterwards. The child unpacks the empty database that the
 * build prepared (`dist/pglite-seed/seed.tar.gz`, see backend/scripts/pglite-seed.cjs) when there is one —
 * much faster than initdb — and runs initdb otherwise.
 */
export function ensureEmbeddedDatabase(pgliteDir: string, seedFile: string | null = defaultSeedFile()): void {
  if (existsSync(join(pgliteDir, 'PG_VERSION'))) return;
  mkdirSync(pgliteDir, { recursive: true });
  // Resolved from the running script, so it works from the webpack bundle as from sources.
  const pglite = createRequire(process.argv[1] ?? join(process.cwd(), 'index.js')).resolve('@electric-sql/pglite');
  const script = `const { readFileSync, existsSync } = require('node:fs');
    const [dataDir, params, seed] = process.argv.slice(1);
    const loadDataDir = seed && existsSync(seed) ? new Blob([readFileSync(seed)]) : undefined;
    require(${JSON.stringify(pglite)}).PGlite.create({ dataDir, startParams: JSON.parse(params), loadDataDir })
      .then((db) => db.close()).catch((e) => { console.error(e && e.message || e); process.exit(1); });`;
  const result = spawnSync(process.execPath, [...PGLITE_NODE_FLAGS, '-e', script, pgliteDir, JSON.stringify(PGLITE_START_PARAMS), seedFile ?? ''], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Could not create the embedded database in ${pgliteDir}: ${result.stderr || result.error?.message}`);
  }
}

/** Next to the built backend: dist/backend/main.js → dist/pglite-seed/seed.tar.gz. */
function defaultSeedFile(): string | null {
  return process.argv[1] ? join(process.argv[1], '..', '..', 'pglite-seed', 'seed.tar.gz') : null;
}
