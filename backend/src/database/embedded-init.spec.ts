import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEmbeddedDatabase } from './embedded-init';

describe('creating the embedded database', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wr-embedded-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('unpacks a seed into a new data folder, which then opens as a working database', async () => {
    const seedDb = await PGlite.create();
    await seedDb.exec('CREATE TABLE seed_marker (id int)');
    const dump = await seedDb.dumpDataDir('gzip');
    await seedDb.close();
    const seed = join(tempDir(), 'seed.tar.gz');
    writeFileSync(seed, Buffer.from(await dump.arrayBuffer()));

    const dataDir = join(tempDir(), 'pglite');
    ensureEmbeddedDatabase(dataDir, seed);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    const db = await PGlite.create({ dataDir });
    const tables = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'seed_marker'`);
    expect(tables.rows[0].n).toBe(1);
    await db.close();
  }, 60_000);

  it('leaves an existing database alone', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    ensureEmbeddedDatabase(dataDir, '/does/not/exist.tar.gz');
    expect(existsSync(join(dataDir, 'base'))).toBe(false);
  });

  it('says which folder failed when it cannot be created', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => ensureEmbeddedDatabase(join(file, 'pglite'), null)).toThrow(/not-a-folder/);
  });
});
