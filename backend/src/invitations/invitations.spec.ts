import type { InvitationDto, InvitationPreviewDto, UserDto } from '@welcome-ruhr/contracts';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { OutboxWorker } from '../mail/outbox-worker';
import { TestSmtpServer } from '../mail/testing/smtp-test-server';
import { newUser } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { InvitationEntity } from './invitation.entity';

describe('invitations', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: { authorization: string };
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url, SCHEDULER_ENABLED: 'false', PUBLIC_URL: 'https://portal.welcome-ruhr.test', INVITATION_VALID_HOURS: '48' });
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const invite = (payload: object, headers = admin) => t.app.inject({ method: 'POST', url: '/api/invitations', headers, payload });
  /** The token of the newest invitation mail to `email`, read from the mail as the invitee would. */
  const tokenFromMail = async (email: string) => {
    await t.app.get(OutboxWorker).sendDue();
    const mail = smtp.to(email).at(-1);
    const token = mail?.text.match(/https:\/\/portal\.welcome-ruhr\.test\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
    if (!token) throw new Error(`no invitation link in the mail to ${email}`);
    return token;
  };
  const accept = (token: string, password = 'a-long-password-1') => t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password } });

  it('invites by e-mail; the link shows the invitation, sets the password once, and the new user can sign in', async () => {
    const created = await invite({ email: 'Neue.Moderatorin@Bochum.example', name: 'Neue Moderatorin', role: 'moderator', cities: ['bochum', 'herne'] });
    expect(created.statusCode).toBe(201);
    const invitation = created.json<InvitationDto>();
    expect(invitation).toMatchObject({ email: 'neue.moderatorin@bochum.example', role: 'moderator', cities: ['bochum', 'herne'], status: 'pending', language: 'de' });
    const hours = (new Date(invitation.expiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    const token = await tokenFromMail('neue.moderatorin@bochum.example');
    const [mail] = smtp.to('neue.moderatorin@bochum.example');
    expect(mail!.subject).toBe('Ihre Einladung zu Welcome Ruhr');
    expect(mail!.text).toContain('als Moderator*in für Bochum, Herne');
    expect(mail!.html).toContain(`href="https://portal.welcome-ruhr.test/invitations/${token}"`);
    // Only the hash of the token is stored.
    const stored = await t.dataSource.getRepository(InvitationEntity).findOneByOrFail({ id: invitation.id });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<InvitationPreviewDto>()).toMatchObject({ email: 'neue.moderatorin@bochum.example', name: 'Neue Moderatorin', role: 'moderator', cities: ['bochum', 'herne'] });

    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(201);
    const user = accepted.json<UserDto>();
    expect(user).toMatchObject({ email: 'neue.moderatorin@bochum.example', role: 'moderator', cities: ['bochum', 'herne'], active: true });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neue.moderatorin@bochum.example', password: 'a-long-password-1' } });
    expect(login.statusCode).toBe(200);

    const second = await accept(token, 'another-password-2');
    expect(second.statusCode).toBe(404);
    expect(second.json().message).toBe('This invitation was used already. Sign in with your e-mail address and password.');
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/invitations', headers: admin })).json<InvitationDto[]>();
    expect(list.find((i) => i.id === invitation.id)).toMatchObject({ status: 'accepted' });
    expect(await t.dataSource.getRepository(AuditEntryEntity).exists({ where: { action: 'invitation.accept', entityId: invitation.id, actorId: user.id } })).toBe(true);
  });

  it('creates the ambassador profile for an invited ambassador, and writes in English when asked', async () => {
    await invite({ email: 'ambassador@example.org', name: 'Iryna', role: 'ambassador', cities: ['dortmund'], language: 'en' });
    const token = await tokenFromMail('ambassador@example.org');
    expect(smtp.to('ambassador@example.org')[0]!.subject).toBe('Your invitation to Welcome Ruhr');
    const user = (await accept(token)).json<UserDto>();
    expect(user.ambassadorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets a link work only until it expires', async () => {
    await invite({ email: 'late@example.org', name: 'Late', role: 'moderator', cities: ['essen'] });
    const token = await tokenFromMail('late@example.org');
    await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.org'`);
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.statusCode).toBe(404);
    expect(preview.json().message).toBe('This invitation has expired. Ask an admin to invite you again.');
    expect((await accept(token)).statusCode).toBe(404);
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'late@example.org'`)).toEqual([]);
  });

  it('accepts a link clicked twice at the same time only once', async () => {
    await invite({ email: 'double@example.org', name: 'Double', role: 'moderator', cities: ['essen'] });
    const token = await tokenFromMail('double@example.org');
    const results = await Promise.all([accept(token), accept(token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'double@example.org'`)).toEqual([{ n: 1 }]);
  });

  it('replaces an open invitation to the same address; the old link stops working', async () => {
    await invite({ email: 'twice@example.org', name: 'Twice', role: 'moderator', cities: ['essen'] });
    const first = await tokenFromMail('twice@example.org');
    await invite({ email: 'twice@example.org', name: 'Twice', role: 'ambassador', cities: ['essen'] });
    const second = await tokenFromMail('twice@example.org');
    expect(second).not.toBe(first);
    const old = await accept(first);
    expect(old.statusCode).toBe(404);
    expect(old.json().message).toMatch(/withdrawn or replaced/);
    expect((await accept(second)).json<UserDto>().role).toBe('ambassador');
  });

  it('lets an admin withdraw an invitation', async () => {
    const { id } = (await invite({ email: 'withdrawn@example.org', name: 'W', role: 'moderator', cities: ['essen'] })).json<InvitationDto>();
    const token = await tokenFromMail('withdrawn@example.org');
    const revoked = await t.app.inject({ method: 'POST', url: `/api/invitations/${id}/revoke`, headers: admin });
    expect(revoked.json<InvitationDto>().status).toBe('revoked');
    expect((await accept(token)).statusCode).toBe(404);
  });

  it('refuses an address that has a user, bad fields, unknown links and non-admins', async () => {
    const existing = await newUser(t.dataSource, { role: 'moderator' });
    const taken = await invite({ email: existing.email.toUpperCase(), name: 'X', role: 'moderator' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields).toEqual([{ field: 'email', problem: 'email belongs to an existing user' }]);
    for (const [payload, field, problem] of [
      [{ email: 'nope', name: 'X', role: 'moderator' }, 'email', 'email must be an e-mail address'],
      [{ email: 'a@example.org', name: '', role: 'moderator' }, 'name', 'name must be 1 to 200 characters long'],
      [{ email: 'a@example.org', name: 'X', role: 'root' }, 'role', 'role must be one of admin, moderator, ambassador'],
      [{ email: 'a@example.org', name: 'X', role: 'moderator', cities: ['paris'] }, 'cities', 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr'],
      [{ email: 'a@example.org', name: 'X', role: 'moderator', language: 'fr' }, 'language', 'language must be one of de, en'],
    ] as const) {
      const response = await invite(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toContainEqual({ field, problem });
    }
    const moderator = (await t.signIn('moderator')).headers;
    expect((await invite({ email: 'b@example.org', name: 'X', role: 'admin' }, moderator)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations', headers: moderator })).statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/invitations/${'A'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('This invitation link is not valid. Check that you copied all of it.');
    expect((await accept('short')).statusCode).toBe(404);

    await invite({ email: 'weak@example.org', name: 'Weak', role: 'moderator', cities: ['essen'] });
    const token = await tokenFromMail('weak@example.org');
    const weak = await accept(token, 'short');
    expect(weak.json().fields).toEqual([{ field: 'password', problem: 'password must be at least 10 characters long' }]);
    // A refused password leaves the link usable.
    expect((await accept(token)).statusCode).toBe(201);
  });

  it('frees the link again when the account cannot be created', async () => {
    await invite({ email: 'race@example.org', name: 'Race', role: 'moderator', cities: ['essen'] });
    const token = await tokenFromMail('race@example.org');
    // Someone created the account by the scriptable path meanwhile.
    await newUser(t.dataSource, { email: 'race@example.org', role: 'moderator' });
    const refused = await accept(token);
    expect(refused.statusCode).toBe(409);
    const row = await t.dataSource.getRepository(InvitationEntity).findOneByOrFail({ email: 'race@example.org' });
    expect(row.acceptedAt).toBeNull();
  });
});
