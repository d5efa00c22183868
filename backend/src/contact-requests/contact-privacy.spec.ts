import type { ContactDataErasure, ContactDataExport, ContactRequestDto } from '@welcome-ruhr/contracts';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { MailService } from '../mail/mail.service';
import { composeMail } from '../mail/mail-template';
import { OutboxMessageEntity } from '../mail/outbox-message.entity';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ContactPrivacyService, emailDigest } from './contact-privacy.service';
import { ContactReplyEntity } from './contact-reply.entity';
import { ContactRequestEntity } from './contact-request.entity';
import { newAmbassador, newContactRequest, signInAs } from './testing';

const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

describe('contact requests: privacy', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false', CONTACT_RETENTION_DAYS: '30' });
    const signedIn = await t.signIn('admin');
    admin = signedIn.headers;
    adminId = signedIn.login.user.id;
  });
  afterAll(() => t.close());

  it('deletes only requests closed longer ago than CONTACT_RETENTION_DAYS, with their replies and mails', async () => {
    const oldClosed = await newContactRequest(t.dataSource, { status: 'closed', closedAt: daysAgo(31), createdAt: daysAgo(60) });
    const recentlyClosed = await newContactRequest(t.dataSource, { status: 'closed', closedAt: daysAgo(29) });
    const oldOpen = await newContactRequest(t.dataSource, { status: 'answered', answeredAt: daysAgo(200), createdAt: daysAgo(200) });
    const oldNew = await newContactRequest(t.dataSource, { status: 'new', createdAt: daysAgo(400) });
    await t.dataSource.getRepository(ContactReplyEntity).save({ contactRequestId: oldClosed.id, authorId: null, authorName: 'Iryna', message: 'Antwort' });
    await t.app.get(MailService).enqueue([{ kind: 'contact.reply', to: oldClosed.email, language: 'de', contactRequestId: oldClosed.id, ...composeMail('de', 'Antwort', [{ paragraph: 'x' }]) }]);

    const privacy = t.app.get(ContactPrivacyService);
    expect(await privacy.purgeClosed()).toBe(1);
    const left = (await t.dataSource.getRepository(ContactRequestEntity).find()).map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining([recentlyClosed.id, oldOpen.id, oldNew.id]));
    expect(left).not.toContain(oldClosed.id);
    expect(await t.dataSource.getRepository(ContactReplyEntity).count({ where: { contactRequestId: oldClosed.id } })).toBe(0);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).count({ where: { toAddress: oldClosed.email } })).toBe(0);
    const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'contact_request.purge' });
    expect(audit.after).toMatchObject({ deleted: 1 });

    // Run again (another replica, the next hour): nothing left to delete; two days later the next one goes.
    expect(await privacy.purgeClosed()).toBe(0);
    expect(await privacy.purgeClosed(new Date(Date.now() + 2 * DAY_MS))).toBe(1);
    expect(await t.dataSource.getRepository(ContactRequestEntity).exists({ where: { id: recentlyClosed.id } })).toBe(false);
  });

  it('exports everything about an e-mail address, and records who exported it', async () => {
    const { ambassador } = await newAmbassador(t.dataSource, { displayName: 'Mehmet' });
    const first = await newContactRequest(t.dataSource, { email: 'olena@example.org', ambassadorId: ambassador.id, routedTo: 'ambassador', message: 'Перше питання' });
    const second = await newContactRequest(t.dataSource, { email: 'olena@example.org', city: 'herne', message: 'Друге питання' });
    const other = await newContactRequest(t.dataSource, { email: 'someone-else@example.org' });
    await t.dataSource.getRepository(ContactReplyEntity).save({ contactRequestId: first.id, authorId: null, authorName: 'Mehmet', message: 'Відповідь' });
    await t.app.get(MailService).enqueue([{ kind: 'contact.reply', to: 'Olena@example.org', language: 'uk', contactRequestId: first.id, ...composeMail('uk', 'Відповідь', [{ paragraph: 'Відповідь' }]) }]);

    const response = await t.app.inject({ method: 'GET', url: '/api/contact-requests/export?email=OLENA@example.org', headers: admin });
    expect(response.statusCode).toBe(200);
    const data = response.json<ContactDataExport>();
    expect(data.email).toBe('olena@example.org');
    expect(data.contactRequests.map((r: ContactRequestDto) => r.message)).toEqual(['Перше питання', 'Друге питання']);
    expect(data.contactRequests[0]).toMatchObject({ email: 'olena@example.org', ambassador: { id: ambassador.id, displayName: 'Mehmet' }, replies: [{ authorName: 'Mehmet', message: 'Відповідь' }] });
    expect(data.contactRequests.map((r) => r.id)).not.toContain(other.id);
    expect(data.mails).toEqual([expect.objectContaining({ to: 'olena@example.org', subject: 'Відповідь' })]);
    expect(data.contactRequests.map((r) => r.id)).toEqual([first.id, second.id]);

    const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'contact_request.export' });
    expect(audit).toMatchObject({ actorId: adminId, entityType: 'contact_email', entityId: emailDigest('olena@example.org'), after: { contactRequests: 2, mails: 1 } });
    expect(JSON.stringify(audit)).not.toContain('olena@');
  });

  it('erases every request of an address and every mail to it, and nothing else', async () => {
    const mine = await newContactRequest(t.dataSource, { email: 'erase-me@example.org' });
    const mineToo = await newContactRequest(t.dataSource, { email: 'erase-me@example.org', status: 'closed', closedAt: new Date() });
    const other = await newContactRequest(t.dataSource, { email: 'keep-me@example.org' });
    await t.app.get(MailService).enqueue([
      { kind: 'invitation', to: 'erase-me@example.org', language: 'de', ...composeMail('de', 'unrelated', [{ paragraph: 'x' }]) },
      { kind: 'contact.reply', to: 'keep-me@example.org', language: 'de', contactRequestId: other.id, ...composeMail('de', 'keep', [{ paragraph: 'x' }]) },
    ]);

    const response = await t.app.inject({ method: 'DELETE', url: '/api/contact-requests?email=Erase-Me@example.org', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json<ContactDataErasure>()).toEqual({ email: 'erase-me@example.org', contactRequests: 2, mails: 1 });
    const requests = t.dataSource.getRepository(ContactRequestEntity);
    expect(await requests.exists({ where: { id: mine.id } })).toBe(false);
    expect(await requests.exists({ where: { id: mineToo.id } })).toBe(false);
    expect(await requests.exists({ where: { id: other.id } })).toBe(true);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).count({ where: { toAddress: 'keep-me@example.org' } })).toBe(1);
    const exported = (await t.app.inject({ method: 'GET', url: '/api/contact-requests/export?email=erase-me@example.org', headers: admin })).json<ContactDataExport>();
    expect(exported).toMatchObject({ contactRequests: [], mails: [] });
    const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'contact_request.erase' });
    expect(audit).toMatchObject({ actorId: adminId, entityId: emailDigest('erase-me@example.org'), after: { contactRequests: 2, mails: 1 } });
  });

  it('keeps export and erasure to admins and checks the address', async () => {
    const moderator = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
    const { user } = await newAmbassador(t.dataSource);
    const ambassador = await signInAs(t, user);
    for (const headers of [moderator, ambassador]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/contact-requests/export?email=a@example.org', headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/contact-requests?email=a@example.org', headers })).statusCode).toBe(403);
    }
    for (const url of ['/api/contact-requests/export', '/api/contact-requests/export?email=not-an-address']) {
      const response = await t.app.inject({ method: 'GET', url, headers: admin });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toContainEqual({ field: 'email', problem: 'email must be an e-mail address' });
    }
    const erase = await t.app.inject({ method: 'DELETE', url: '/api/contact-requests', headers: admin });
    expect(erase.statusCode).toBe(400);
    expect(await t.dataSource.getRepository(ContactRequestEntity).count()).toBeGreaterThan(0);
  });
});
