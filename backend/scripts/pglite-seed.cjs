// Builds dist/pglite-seed/seed.tar.gz: an empty, initialised embedded database. A first start unpacks it
// (≈ 1.5 s) instead of running initdb (≈ 4–5 s); see backend/src/database/embedded-init.ts.
const { PGlite } = require('@electric-sql/pglite');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

(async () => {
  const out = join(__dirname, '..', '..', 'dist', 'pglite-seed');
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'seed.tar.gz'), Buffer.from(await dump.arrayBuffer()));
  console.log(`wrote ${join(out, 'seed.tar.gz')}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
