import type { UserDto } from '@welcome-ruhr/contracts';
import { newUser } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('users', () => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const create = (payload: object, headers = admin) => t.app.inject({ method: 'POST', url: '/api/users', headers, payload });

  it('lets an admin create a moderator scoped to cities, who can then sign in', async () => {
    const response = await create({ email: 'Neu@Bochum.de', password: 'long-password-1', name: 'Neue Moderatorin', role: 'moderator', cities: ['bochum', 'herne', 'bochum'] });
    expect(response.statusCode).toBe(201);
    const user = response.json<UserDto>();
    expect(user).toMatchObject({ email: 'neu@bochum.de', role: 'moderator', cities: ['bochum', 'herne'], active: true, ambassadorId: null });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neu@bochum.de', password: 'long-password-1' } });
    expect(login.statusCode).toBe(200);
  });

  it('creates the ambassador record with an ambassador', async () => {
    const response = await create({ email: 'amb@dortmund.de', password: 'long-password-1', name: 'Ayşe', role: 'ambassador', cities: ['dortmund'] });
    expect(response.json<UserDto>().ambassadorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ password: 'long-password-1', name: 'X', role: 'moderator' }, 'email', 'email must be an e-mail address'],
    [{ email: 'a@b.de', password: 'short', name: 'X', role: 'moderator' }, 'password', 'password must be at least 10 characters long'],
    [{ email: 'a@b.de', password: 'long-password-1', name: 'X', role: 'superuser' }, 'role', 'role must be one of admin, moderator, ambassador'],
    [{ email: 'a@b.de', password: 'long-password-1', name: 'X', role: 'moderator', cities: ['koeln'] }, 'cities', 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr'],
    [{ email: 'a@b.de', password: 'long-password-1', name: '', role: 'moderator' }, 'name', 'name must not be empty'],
    [{ email: 'a@b.de', password: 'long-password-1', name: 'X', role: 'moderator', isAdmin: true }, 'isAdmin', 'property isAdmin should not exist'],
  ])('refuses %j with a 400 naming %s', async (payload, field, problem) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().fields).toContainEqual({ field, problem });
  });

  it('refuses a second user with the same e-mail (any case) and keeps the first', async () => {
    await create({ email: 'dup@essen.de', password: 'long-password-1', name: 'First', role: 'moderator', cities: ['essen'] });
    const again = await create({ email: 'DUP@essen.de', password: 'long-password-1', name: 'Second', role: 'ambassador' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual([{ field: 'email', problem: 'email is taken by another user' }]);
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=dup@', headers: admin });
    expect(list.json<UserDto[]>().map((u) => u.name)).toEqual(['First']);
  });

  it('filters by role, city and text', async () => {
    await newUser(t.dataSource, { name: 'Filter Gelsen', role: 'ambassador', cities: ['gelsenkirchen'] });
    await newUser(t.dataSource, { name: 'Filter Oberhausen', role: 'moderator', cities: ['oberhausen'] });
    const byCity = await t.app.inject({ method: 'GET', url: '/api/users?city=gelsenkirchen', headers: admin });
    expect(byCity.json<UserDto[]>().map((u) => u.name)).toEqual(['Filter Gelsen']);
    const byRole = await t.app.inject({ method: 'GET', url: '/api/users?role=moderator&q=filter', headers: admin });
    expect(byRole.json<UserDto[]>().map((u) => u.name)).toEqual(['Filter Oberhausen']);
    const badCity = await t.app.inject({ method: 'GET', url: '/api/users?city=paris', headers: admin });
    expect(badCity.statusCode).toBe(400);
    expect(badCity.json().fields[0].field).toBe('city');
  });

  it('deactivating a user stops their tokens at once; reactivating lets them sign in again', async () => {
    const { headers, login } = await t.signIn('moderator');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/users/${login.user.id}`, headers: admin, payload: { active: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json<UserDto>().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: login.user.email, password: 'correct-horse-battery' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/deactivated/);
    await t.app.inject({ method: 'PATCH', url: `/api/users/${login.user.id}`, headers: admin, payload: { active: true } });
    const back = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: login.user.email, password: 'correct-horse-battery' } });
    expect(back.statusCode).toBe(200);
  });

  it('edits role and cities; an admin cannot lock themself out', async () => {
    const user = await newUser(t.dataSource, { role: 'moderator', cities: ['essen'] });
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin, payload: { role: 'ambassador', cities: ['herne'] } });
    expect(edited.json<UserDto>()).toMatchObject({ role: 'ambassador', cities: ['herne'] });
    expect(edited.json<UserDto>().ambassadorId).not.toBeNull();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin });
    const self = await t.app.inject({ method: 'PATCH', url: `/api/users/${me.json<UserDto>().id}`, headers: admin, payload: { active: false } });
    expect(self.statusCode).toBe(409);
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/users/00000000-0000-4000-8000-000000000000', headers: admin, payload: { name: 'x' } });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps roles apart: only admins create; moderators list only the people of their cities', async () => {
    const moderator = await t.signIn('moderator', { cities: ['duisburg'] });
    const ambassador = await t.signIn('ambassador', { cities: ['duisburg'] });
    await newUser(t.dataSource, { name: 'Duisburg Ambassador', role: 'ambassador', cities: ['duisburg'] });
    await newUser(t.dataSource, { name: 'Bottrop Ambassador', role: 'ambassador', cities: ['bottrop'] });

    expect((await create({ email: 'x@y.de', password: 'long-password-1', name: 'X', role: 'admin' }, moderator.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: ambassador.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);

    const seen = (await t.app.inject({ method: 'GET', url: '/api/users', headers: moderator.headers })).json<UserDto[]>();
    expect(seen.length).toBeGreaterThan(0);
    for (const user of seen) {
      expect(user.cities).toContain('duisburg');
      expect(user.role).not.toBe('admin');
    }
    expect(seen.map((u) => u.name)).toContain('Duisburg Ambassador');
    expect(seen.map((u) => u.name)).not.toContain('Bottrop Ambassador');
  });
});
