import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGLITE_START_PARAMS } from './pglite-pool';

/**
 * Creating an embedded database (initdb) leaves several hundred MB that the process never returns.
 * So a new database is created by a short-lived child process, and the server opens it afterwards.
 */
export function ensureEmbeddedDatabase(pgliteDir: string): void {
  if (existsSync(join(pgliteDir, 'PG_VERSION'))) return;
  mkdirSync(pgliteDir, { recursive: true });
  // Resolved from the running script, so it works from the webpack bundle as from sources.
  const pglite = createRequire(process.argv[1] ?? join(process.cwd(), 'index.js')).resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)}).PGlite.create({ dataDir: process.argv[1], startParams: JSON.parse(process.argv[2]) })
    .then((db) => db.close()).catch((e) => { console.error(e && e.message || e); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, pgliteDir, JSON.stringify(PGLITE_START_PARAMS)], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Could not create the embedded database in ${pgliteDir}: ${result.stderr || result.error?.message}`);
  }
}
