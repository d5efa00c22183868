import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'wr-config-'));

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.facebookGraphUrl).toBe('https://graph.facebook.com');
    expect(config.fetchAllowPrivateHosts).toEqual([]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a URL starting with postgres: or postgresql:'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-1' }, 'ADMIN_EMAIL must be an e-mail address'],
    [{ ADMIN_EMAIL: 'a@b.de', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 10 characters long'],
    [{ ADMIN_EMAIL: 'a@b.de' }, 'ADMIN_PASSWORD must be set together with ADMIN_EMAIL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL must be a URL starting with smtp: or smtps:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY must be at least 32 characters long'],
  ])('refuses %j with a line naming the variable', (env, expected) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(expected);
  });

  it('generates SECRET_KEY into DATA_DIR once and keeps it', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).secretKey;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).secretKey).toBe(first);
  });

  it('splits FETCH_ALLOW_PRIVATE_HOSTS and lower-cases the admin e-mail', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      FETCH_ALLOW_PRIVATE_HOSTS: ' 127.0.0.1, Feeds.Local ,',
      ADMIN_EMAIL: 'Admin@Example.ORG',
      ADMIN_PASSWORD: 'long-enough-1',
    });
    expect(config.fetchAllowPrivateHosts).toEqual(['127.0.0.1', 'feeds.local']);
    expect(config.adminEmail).toBe('admin@example.org');
  });
});
