import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../testing/test-app';
import { BODY_LIMIT_BYTES } from './create-app';

describe('the served application', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A stand-in build of the dashboard and widgets, so static serving is tested without building them.
    const staticDir = join(require('node:os').tmpdir(), `wr-static-${process.pid}`);
    mkdirSync(join(staticDir, 'dashboard', 'browser'), { recursive: true });
    mkdirSync(join(staticDir, 'widgets'), { recursive: true });
    writeFileSync(join(staticDir, 'dashboard', 'browser', 'index.html'), '<!doctype html><title>Dashboard</title>');
    writeFileSync(join(staticDir, 'dashboard', 'browser', 'main-ABC12345.js'), 'console.log(1)');
    mkdirSync(join(staticDir, 'dashboard', 'browser', 'i18n'), { recursive: true });
    writeFileSync(join(staticDir, 'dashboard', 'browser', 'i18n', 'de.json'), '{}');
    writeFileSync(join(staticDir, 'widgets', 'feed.js'), 'export {}');
    t = await createTestApp({ STATIC_DIR: staticDir, ADMIN_EMAIL: 'first@example.org', ADMIN_PASSWORD: 'first-admin-password' });
  });
  afterAll(() => t.close());

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'first@example.org', password: 'first-admin-password' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('admin');
  });

  it('reports the database state on /api/health', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('ok');
    expect(response.json().details.database).toMatchObject({
      status: 'up',
      driver: process.env['DATABASE_URL'] ? 'postgres' : 'pglite',
    });
  });

  it('sends security headers and a request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]+$/);
  });

  it('serves the dashboard at / and its index for deep links, but a JSON 404 for unknown API paths', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>Dashboard</title>');
    const deep = await t.app.inject({ method: 'GET', url: '/users?role=admin' });
    expect(deep.body).toContain('<title>Dashboard</title>');
    const asset = await t.app.inject({ method: 'GET', url: '/main-ABC12345.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const texts = await t.app.inject({ method: 'GET', url: '/i18n/de.json' });
    expect(texts.headers['cache-control']).toBe('no-cache');
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });

  it('serves widget scripts to any origin', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/widgets/feed.js', headers: { origin: 'https://www.essen.de' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('does not open private endpoints to other origins', async () => {
    const response = await t.app.inject({ method: 'OPTIONS', url: '/api/users', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses bodies over the limit with 413 and a readable message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/too large/i);
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/health']));
    expect(document.components.schemas.CreateUserDto.required).toEqual(expect.arrayContaining(['email', 'password', 'name', 'role']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
  });
});
