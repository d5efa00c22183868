import { contactBody } from '../contact-requests/testing';
import { newUser } from '../testing/factories';
import { createTestApp, twoReplicas, type TestApp } from '../testing/test-app';
import { RateLimitEntity } from './rate-limit.entity';
import { RateLimiters } from './rate-limiters';

describe('rate limiters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('counts in the rate_limits table on a PostgreSQL server, under hashed keys, and in memory on the embedded database (one process)', async () => {
    const failed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'where@essen.de', password: 'wrong-one' }, remoteAddress: '10.4.0.1' });
    expect(failed.statusCode).toBe(401);
    const stored = await t.dataSource.getRepository(RateLimitEntity).find();
    expect(stored.map((row) => row.key.split(':')[0]).sort()).toEqual(t.databaseUrl ? ['login-account', 'login-address'] : []);
    expect(stored.every((row) => row.points === 1)).toBe(true);
    // Keys are HMACs: neither the e-mail nor the client address is stored.
    expect(JSON.stringify(stored)).not.toMatch(/where@essen\.de|10\.4\.0\.1/);
    expect(t.app.get(RateLimiters).shared).toBe(t.databaseUrl !== null);
  });
});

// Two replicas share counters only through a PostgreSQL server; an in-memory PGlite belongs to one app,
// and the embedded database keeps its counters in memory (one process). So this runs with DATABASE_URL only.
if (process.env['DATABASE_URL']) {
  describe('throttles shared by two replicas on one PostgreSQL database', () => {
    const replicas = twoReplicas();

    const login = (t: TestApp, email: string, password: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
    const ask = (t: TestApp, email: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/public/contact-requests', payload: contactBody({ email }), remoteAddress: ip });

    it('counts failed sign-ins for one account on both replicas: the 6th is refused by either', async () => {
      await newUser(replicas.first.dataSource, { email: 'shared-target@essen.de' });
      for (let i = 0; i < 5; i++) {
        const replica = i % 2 === 0 ? replicas.first : replicas.second;
        expect((await login(replica, 'shared-target@essen.de', `guess-${i}`, `10.2.0.${i}`)).statusCode).toBe(401);
      }
      for (const replica of [replicas.first, replicas.second]) {
        const blocked = await login(replica, 'shared-target@essen.de', 'correct-horse-battery', '10.2.0.99');
        expect(blocked.statusCode).toBe(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        expect(blocked.json().message).toMatch(/Try again in \d+ seconds/);
      }
    });

    it('counts contact requests per e-mail address on both replicas: the 6th is refused by either', async () => {
      const email = 'shared-flood@example.org';
      for (let i = 0; i < 5; i++) {
        const replica = i % 2 === 0 ? replicas.first : replicas.second;
        expect((await ask(replica, email, `10.3.0.${i}`)).statusCode).toBe(202);
      }
      for (const replica of [replicas.first, replicas.second]) {
        const refused = await ask(replica, email, '10.3.0.99');
        expect(refused.statusCode).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.json().message).toMatch(/Too many questions from this e-mail address/);
      }
    });

    it('keeps sign-ins and contact requests working, and still limited, in memory while the counter table cannot be reached', async () => {
      const t = replicas.first;
      await newUser(t.dataSource, { email: 'table-gone@essen.de' });
      // The counters' statements fail, as with a database that is down; sign-in and contact requests still reach theirs.
      await t.dataSource.query('ALTER TABLE rate_limits RENAME TO rate_limits_away');
      try {
        for (let i = 0; i < 5; i++) expect((await login(t, 'table-gone@essen.de', `guess-${i}`, `10.5.0.${i}`)).statusCode).toBe(401);
        const blocked = await login(t, 'table-gone@essen.de', 'correct-horse-battery', '10.5.0.99');
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json().message).toMatch(/Try again in \d+ seconds/);

        const email = 'table-gone@example.org';
        for (let i = 0; i < 5; i++) expect((await ask(t, email, `10.6.0.${i}`)).statusCode).toBe(202);
        const refused = await ask(t, email, '10.6.0.99');
        expect(refused.statusCode).toBe(429);
        expect(refused.json().message).toMatch(/Too many questions from this e-mail address/);
      } finally {
        await t.dataSource.query('ALTER TABLE rate_limits_away RENAME TO rate_limits');
      }
    });

    it('deletes counters whose window has ended, and keeps the others', async () => {
      const repository = replicas.first.dataSource.getRepository(RateLimitEntity);
      await repository.insert([
        { key: 'test:ended', points: 3, expire: String(Date.now() - 1000) },
        { key: 'test:running', points: 3, expire: String(Date.now() + 60_000) },
      ]);
      expect(await replicas.second.app.get(RateLimiters).purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(await repository.existsBy({ key: 'test:ended' })).toBe(false);
      expect(await repository.existsBy({ key: 'test:running' })).toBe(true);
    });
  });
}
