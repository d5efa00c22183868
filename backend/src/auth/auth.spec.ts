import type { LoginResponse, UserDto } from '@welcome-ruhr/contracts';
import { UserEntity } from '../users/user.entity';
import { newUser } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs in, returns a short-lived token and the user, and sets an httpOnly SameSite refresh cookie', async () => {
    const user = await newUser(t.dataSource, { email: 'mod@essen.de', role: 'moderator', cities: ['essen'] });
    const response = await login('MOD@essen.de', 'correct-horse-battery');
    expect(response.statusCode).toBe(200);
    const body = response.json<LoginResponse>();
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({ id: user.id, email: 'mod@essen.de', role: 'moderator', cities: ['essen'], ambassadorId: null });
    expect(JSON.stringify(body)).not.toContain('password');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^wr_refresh=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/auth');

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json<UserDto>().email).toBe('mod@essen.de');
    const lastLogin = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    expect(lastLogin.lastLoginAt).toBeInstanceOf(Date);
  });

  it('gives an ambassador the ambassadorId that public endpoints use', async () => {
    const { login: signedIn } = await t.signIn('ambassador', { cities: ['dortmund'] });
    expect(signedIn.user.ambassadorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    await newUser(t.dataSource, { email: 'wrong@essen.de' });
    const wrong = await login('wrong@essen.de', 'nope-nope-nope', '10.0.0.2');
    const unknown = await login('nobody@essen.de', 'nope-nope-nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('names the field when the body is invalid, and answers malformed JSON with 400', async () => {
    const invalid = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x', password: 'y' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields).toEqual([{ field: 'email', problem: 'email must be an e-mail address' }]);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('throttles repeated failures for one account with 429 and Retry-After, even with the right password', async () => {
    await newUser(t.dataSource, { email: 'target@essen.de' });
    for (let i = 0; i < 5; i++) expect((await login('target@essen.de', 'guess-' + i, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login('target@essen.de', 'correct-horse-battery', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().message).toMatch(/Try again in \d+ seconds/);
  });

  it('throttles repeated failures from one address across accounts', async () => {
    for (let i = 0; i < 20; i++) await login(`spray-${i}@essen.de`, 'whatever-1', '10.9.9.9');
    const blocked = await login('spray-new@essen.de', 'whatever-1', '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    const otherAddress = await login('spray-new@essen.de', 'whatever-1', '10.9.9.10');
    expect(otherAddress.statusCode).toBe(401);
  });

  it('refreshes with the cookie, rotating it, and refuses the old cookie afterwards', async () => {
    await newUser(t.dataSource, { email: 'refresh@essen.de' });
    const first = await login('refresh@essen.de', 'correct-horse-battery', '10.2.0.1');
    const cookie = first.cookies.find((c) => c.name === 'wr_refresh')!.value;
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { wr_refresh: cookie } });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<LoginResponse>().user.email).toBe('refresh@essen.de');
    const next = refreshed.cookies.find((c) => c.name === 'wr_refresh')!.value;
    expect(next).not.toBe(cookie);
    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { wr_refresh: cookie } });
    expect(reused.statusCode).toBe(401);
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/refresh' });
    expect(none.statusCode).toBe(401);
  });

  it('logout ends the session: the access token and the cookie stop working', async () => {
    await newUser(t.dataSource, { email: 'logout@essen.de' });
    const signedIn = await login('logout@essen.de', 'correct-horse-battery', '10.3.0.1');
    const token = signedIn.json<LoginResponse>().accessToken;
    const cookie = signedIn.cookies.find((c) => c.name === 'wr_refresh')!.value;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { wr_refresh: cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/wr_refresh=;/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { wr_refresh: cookie } })).statusCode).toBe(401);
  });

  it('refuses forged and expired-looking tokens', async () => {
    const { login: signedIn } = await t.signIn('moderator');
    const [header, payload] = signedIn.accessToken.split('.');
    const forged = `${header}.${payload}.AAAA`;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${forged}` } });
    expect(me.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end, this one goes on', async () => {
    await newUser(t.dataSource, { email: 'change@essen.de' });
    const a = (await login('change@essen.de', 'correct-horse-battery', '10.4.0.1')).json<LoginResponse>();
    const b = (await login('change@essen.de', 'correct-horse-battery', '10.4.0.2')).json<LoginResponse>();
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    const wrongCurrent = await t.app.inject({
      method: 'POST', url: '/api/auth/change-password', headers: bearer(a.accessToken),
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().fields).toEqual([{ field: 'currentPassword', problem: 'currentPassword is wrong' }]);

    const tooShort = await t.app.inject({
      method: 'POST', url: '/api/auth/change-password', headers: bearer(a.accessToken),
      payload: { currentPassword: 'correct-horse-battery', newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().fields[0].field).toBe('newPassword');

    const changed = await t.app.inject({
      method: 'POST', url: '/api/auth/change-password', headers: bearer(a.accessToken),
      payload: { currentPassword: 'correct-horse-battery', newPassword: 'a-brand-new-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(a.accessToken) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(b.accessToken) })).statusCode).toBe(401);
    expect((await login('change@essen.de', 'correct-horse-battery', '10.4.0.3')).statusCode).toBe(401);
    expect((await login('change@essen.de', 'a-brand-new-password', '10.4.0.3')).statusCode).toBe(200);
  });
});
