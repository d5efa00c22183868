import { Logger } from '@nestjs/common';
import { createDataSource } from './data-source';
import { connectWithRetry } from './connect';
import { createFreshDatabase } from './fresh-database';

const serverUrl = process.env['DATABASE_URL'] || null;

describe('database', () => {
  it('has migrations that produce exactly the schema the entities describe (drift check)', async () => {
    const fresh = serverUrl ? await createFreshDatabase(serverUrl) : null;
    const dataSource = createDataSource({ url: fresh?.url ?? null, dataDir: null });
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await fresh?.drop();
    }
  });

  it('retries an unreachable server with backoff, logs each attempt, then fails with the reason', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const dataSource = createDataSource({ url: 'postgres://postgres@127.0.0.1:1/none', dataDir: null });
    const started = Date.now();
    await expect(connectWithRetry(dataSource, { attempts: 3, firstDelayMs: 50, maxDelayMs: 100 }, logger)).rejects.toThrow(
      /Database unreachable after 3 attempts: .*ECONNREFUSED/,
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/attempt 1 of 3.*retrying in 50 ms/);
    expect(warnings[1]).toMatch(/retrying in 100 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('keeps concurrent transactions apart (the embedded pool hands out its one connection in turn)', async () => {
    const fresh = serverUrl ? await createFreshDatabase(serverUrl) : null;
    const dataSource = createDataSource({ url: fresh?.url ?? null, dataDir: null });
    await dataSource.initialize();
    try {
      await dataSource.query('CREATE TABLE counter (n int NOT NULL)');
      await dataSource.query('INSERT INTO counter VALUES (0)');
      // Read-modify-write in each transaction: interleaved statements would lose increments.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          dataSource.transaction(async (manager) => {
            const [{ n }] = await manager.query('SELECT n FROM counter FOR UPDATE');
            await new Promise((resolve) => setTimeout(resolve, 1));
            await manager.query('UPDATE counter SET n = $1', [n + 1]);
          }),
        ),
      );
      const [{ n }] = await dataSource.query('SELECT n FROM counter');
      expect(n).toBe(20);
    } finally {
      await dataSource.destroy();
      await fresh?.drop();
    }
  });
});
