import { afterAll, beforeAll } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, Role } from '@welcome-ruhr/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../app/create-app';
import { loadConfig, type AppConfig } from '../config/app-config';
import { createFreshDatabase } from '../database/fresh-database';
import { newUser } from './factories';

export const TEST_SECRET_KEY = 'test-secret-key-that-is-long-enough-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  config: AppConfig;
  /** The PostgreSQL server database this app uses; null on the embedded database. */
  databaseUrl: string | null;
  /** Signs in a new user of that role (a fresh one each call) and returns its bearer header. */
  signIn(role: Role, fields?: { cities?: string[] }): Promise<{ headers: { authorization: string }; login: LoginResponse }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Another test app whose database this one shares, as a second replica would (PostgreSQL server only:
   * an in-memory PGlite belongs to one app). The first app drops the database when it closes.
   */
  sameDatabaseAs?: TestApp;
}

/**
 * The whole backend on a database of its own: an in-memory PGlite, or with DATABASE_URL a
 * throwaway database on that server. Real migrations; HTTP through Fastify's inject.
 */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wr-test-'));
  const serverUrl = process.env['DATABASE_URL'] || null;
  if (options.sameDatabaseAs && !options.sameDatabaseAs.databaseUrl) throw new Error('sameDatabaseAs needs a PostgreSQL server (DATABASE_URL)');
  const fresh = serverUrl && !options.sameDatabaseAs ? await createFreshDatabase(serverUrl) : null;
  const databaseUrl = options.sameDatabaseAs?.databaseUrl ?? fresh?.url ?? null;
  const config = loadConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    STATIC_DIR: join(dataDir, 'static'),
    // Timed work (feed fetches, publishing, mail) runs only where a test asks for it.
    SCHEDULER_ENABLED: 'false',
    ...env,
  });
  const app = await createApp(config, {
    database: { url: databaseUrl, dataDir: null },
    logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);

  return {
    app,
    dataSource,
    config,
    databaseUrl,
    async signIn(role, fields = {}) {
      const password = 'correct-horse-battery';
      const user = await newUser(dataSource, { role, cities: fields.cities ?? (role === 'admin' ? [] : ['essen']), password });
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const login = response.json<LoginResponse>();
      return { headers: { authorization: `Bearer ${login.accessToken}` }, login };
    },
    async close() {
      await app.close();
      await fresh?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two apps on one PostgreSQL database, as two replicas of the backend are (server only). Call inside a
 * describe: the apps start before its tests and close after them; read them from the object in a test.
 */
export function twoReplicas(env: Record<string, string> = {}): { first: TestApp; second: TestApp } {
  const replicas = {} as { first: TestApp; second: TestApp };
  beforeAll(async () => {
    replicas.first = await createTestApp(env);
    replicas.second = await createTestApp(env, { sameDatabaseAs: replicas.first });
  });
  afterAll(async () => {
    await replicas.second?.close();
    await replicas.first?.close();
  });
  return replicas;
}
