import { DataSource, type DataSourceOptions } from 'typeorm';
import { join } from 'node:path';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ensureEmbeddedDatabase } from './embedded-init';
import { serializedPGliteDriver } from './pglite-pool';

export interface DatabaseTarget {
  /** A PostgreSQL server; null means the embedded PGlite. */
  url: string | null;
  /** Where PGlite keeps its files; null keeps it in memory (tests). */
  dataDir: string | null;
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install (PGlite has none).
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
  };
  if (target.url) {
    return { ...common, url: target.url, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  const pgliteDir = target.dataDir ? join(target.dataDir, 'pglite') : undefined;
  if (pgliteDir) ensureEmbeddedDatabase(pgliteDir);
  return {
    ...common,
    driver: serializedPGliteDriver({ dataDir: pgliteDir }),
  } as DataSourceOptions;
}

export function driverName(target: DatabaseTarget): 'postgres' | 'pglite' {
  return target.url ? 'postgres' : 'pglite';
}

export function createDataSource(target: DatabaseTarget): DataSource {
  return new DataSource(dataSourceOptions(target));
}
