/**
 * Database tools: `generate <Name>` writes a migration for what the entities add to the migrated schema,
 * `check` fails when the entities and the migrations disagree (CI runs it), `migrate` applies migrations
 * to DATABASE_URL (or the embedded database in DATA_DIR).
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { createFreshDatabase } from '../src/database/fresh-database';

/** Runs every migration on an empty database (in memory, or a throwaway one on the server) and diffs. */
async function pendingSchemaChanges(serverUrl: string | null) {
  const fresh = serverUrl ? await createFreshDatabase(serverUrl, 'wr_drift') : null;
  const dataSource = createDataSource({ url: fresh?.url ?? null, dataDir: null });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    await dataSource.destroy();
    await fresh?.drop();
  }
}

function q(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function generate(name: string) {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('The migration name must be PascalCase, e.g. AddSources');
  const log = await pendingSchemaChanges(null);
  if (log.upQueries.length === 0) {
    console.log('No changes: the entities match the migrations.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const up = log.upQueries.map((s) => `    await queryRunner.query(${q(s.query)});`).join('\n');
  const down = [...log.downQueries].reverse().map((s) => `    await queryRunner.query(${q(s.query)});`).join('\n');
  const dir = resolve(__dirname, '../src/database/migrations');
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(dir, `${file}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  const indexPath = join(dir, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(\/\*\* Every migration)/, `import { ${className} } from './${file}';\n$1`)
    .replace(/export const MIGRATIONS = \[([\s\S]*?)\];/, (_m, list: string) => {
      const items = list.split(',').map((s) => s.trim()).filter(Boolean);
      return `export const MIGRATIONS = [${[...items, className].join(', ')}];`;
    });
  writeFileSync(indexPath, index);
  console.log(`Wrote src/database/migrations/${file}.ts (${log.upQueries.length} statements). Review it before committing.`);
}

async function check() {
  const log = await pendingSchemaChanges(process.env['DATABASE_URL'] || null);
  if (log.upQueries.length > 0) {
    console.error('The entities and the migrations disagree. Missing from the migrations:');
    for (const s of log.upQueries) console.error('  ' + s.query);
    console.error('Run `npm run db:generate -- Name` and review the new migration.');
    process.exit(1);
  }
  console.log('Migration drift check: entities and migrations agree.');
}

async function migrate() {
  const url = process.env['DATABASE_URL'] || null;
  const dataDir = resolve(process.env['DATA_DIR'] || './data');
  if (!url) mkdirSync(dataDir, { recursive: true });
  const dataSource = createDataSource({ url, dataDir });
  await dataSource.initialize();
  const done = await dataSource.runMigrations({ transaction: 'each' });
  console.log(`Applied ${done.length} migration(s).`);
  await dataSource.destroy();
}

const [command, arg] = process.argv.slice(2);
const run = command === 'generate' ? generate(arg ?? '') : command === 'check' ? check() : command === 'migrate' ? migrate() : null;
if (!run) {
  console.error('Usage: db.ts generate <Name> | check | migrate');
  process.exit(2);
}
run.catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
