import type { OutboxListDto, OutboxMessageDto } from '@welcome-ruhr/contracts';
import { MailTransport } from './mail-transport';
import { composeMail, escapeHtml } from './mail-template';
import { MailService } from './mail.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { isPermanent, MAX_ATTEMPTS, MAX_RETRY_SECONDS, retryDelaySeconds } from './outbox-policy';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { freePort, TestSmtpServer } from './testing/smtp-test-server';
import { createTestApp, type TestApp } from '../testing/test-app';

const HOUR_MS = 3600 * 1000;

function mail(to: string, subject = 'Test', extra: Partial<Parameters<MailService['enqueue']>[0][number]> = {}) {
  return { kind: 'test', to, language: 'de', ...composeMail('de', subject, [{ paragraph: `Hallo ${to}` }]), ...extra };
}

describe('mail: templates and retry policy', () => {
  it('escapes everything a person typed in the HTML part and keeps it verbatim in the text part', () => {
    const content = composeMail('ar', 'Betreff', [
      { paragraph: '<script>alert(1)</script> & "quotes"' },
      { quote: "line 1\n<img src=x onerror=alert('x')>" },
      { link: { href: 'https://portal.example/inbox/1?a=1&b=2', label: 'Öffnen <jetzt>' } },
    ]);
    expect(content.text).toContain('<script>alert(1)</script> & "quotes"');
    expect(content.text).toContain("> <img src=x onerror=alert('x')>");
    expect(content.html).not.toMatch(/<script|<img/);
    expect(content.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(content.html).toContain('href="https://portal.example/inbox/1?a=1&amp;b=2"');
    expect(content.html).toContain('<html lang="ar" dir="rtl">');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('waits longer after each failure, never more than 6 hours, and tells permanent refusals', () => {
    const noJitter = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, noJitter))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(MAX_ATTEMPTS, noJitter)).toBe(MAX_RETRY_SECONDS);
    expect(retryDelaySeconds(40, () => 1)).toBeLessThanOrEqual(MAX_RETRY_SECONDS * 1.1);
    expect(isPermanent({ responseCode: 550, message: 'no such user' })).toBe(true);
    expect(isPermanent({ responseCode: 451, message: 'try later' })).toBe(false);
    expect(isPermanent({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe(false);
  });
});

describe('mail: without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('keeps every mail waiting in the outbox and shows it to admins only', async () => {
    const ids = await t.app.get(MailService).enqueue([mail('Wartend@Example.org', 'Wartet')]);
    expect(await t.app.get(OutboxWorker).sendDue(new Date(Date.now() + 24 * HOUR_MS))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const admin = (await t.signIn('admin')).headers;
    const list = await t.app.inject({ method: 'GET', url: '/api/mail/outbox?status=waiting', headers: admin });
    expect(list.statusCode).toBe(200);
    const body = list.json<OutboxListDto>();
    expect(body.smtpConfigured).toBe(false);
    expect(body.items).toEqual([expect.objectContaining({ id: ids[0], to: 'wartend@example.org', subject: 'Wartet', status: 'waiting', attempts: 0 })]);
    expect(body.items[0]).not.toHaveProperty('text');
    const moderator = (await t.signIn('moderator')).headers;
    expect((await t.app.inject({ method: 'GET', url: '/api/mail/outbox', headers: moderator })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'GET', url: '/api/mail/outbox?status=lost', headers: admin });
    expect(bad.json().fields).toEqual([{ field: 'status', problem: 'status must be one of waiting, sent, failed' }]);
  });

  it('deletes sent and failed mails after MAIL_OUTBOX_RETENTION_DAYS, never waiting ones', async () => {
    const repository = t.dataSource.getRepository(OutboxMessageEntity);
    const [oldSent, newSent, oldFailed, waiting] = await t.app.get(MailService).enqueue([mail('a@example.org'), mail('b@example.org'), mail('c@example.org'), mail('d@example.org')]);
    const longAgo = new Date(Date.now() - 31 * 24 * HOUR_MS);
    await repository.update({ id: oldSent }, { sentAt: longAgo });
    await repository.update({ id: newSent }, { sentAt: new Date() });
    await repository.update({ id: oldFailed }, { failedAt: longAgo });
    await repository.update({ id: waiting }, { nextAttemptAt: longAgo });
    expect(await t.app.get(OutboxService).purge()).toBe(2);
    const left = (await repository.find()).map((m) => m.id);
    expect(left).toEqual(expect.arrayContaining([newSent, waiting]));
    expect(left).not.toContain(oldSent);
    expect(left).not.toContain(oldFailed);
  });
});

describe('mail: through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let worker: OutboxWorker;
  let admin: { authorization: string };
  const later = (hours: number) => new Date(Date.now() + hours * HOUR_MS);

  beforeAll(async () => {
    // The server is down at first: the port is free and nothing listens.
    smtp = await TestSmtpServer.start(await freePort());
    await smtp.stop();
    t = await createTestApp({ SMTP_URL: smtp.url, SCHEDULER_ENABLED: 'false', MAIL_FROM: 'Welcome Ruhr <portal@welcome-ruhr.test>' });
    worker = t.app.get(OutboxWorker);
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('keeps mails while the server is down and delivers each exactly once when it is back', async () => {
    const service = t.app.get(MailService);
    const recipients = ['one@example.org', 'two@example.org', 'three@example.org'];
    const ids = await service.enqueue(recipients.map((to) => mail(to, `Down ${to}`)));

    expect(await worker.sendDue()).toEqual({ sent: 0, retrying: 3, failed: 0 });
    const waiting = (await t.app.inject({ method: 'GET', url: '/api/mail/outbox?status=waiting', headers: admin })).json<OutboxListDto>();
    const mine = waiting.items.filter((m) => ids.includes(m.id));
    expect(mine).toHaveLength(3);
    for (const item of mine) {
      expect(item.attempts).toBe(1);
      expect(item.lastError).toMatch(/ECONNREFUSED/);
      expect(new Date(item.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() + 20_000);
    }
    // Not due yet: a second round now sends nothing and does not count an attempt.
    expect(await worker.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await worker.sendDue(later(0.05))).toEqual({ sent: 0, retrying: 3, failed: 0 });

    await smtp.listen();
    expect(await worker.sendDue(later(1))).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(smtp.mails.map((m) => m.envelopeTo[0]).sort()).toEqual([...recipients].sort());
    expect(smtp.mails.map((m) => m.subject).sort()).toEqual(recipients.map((to) => `Down ${to}`).sort());
    const sent = (await t.app.inject({ method: 'GET', url: '/api/mail/outbox?status=sent', headers: admin })).json<OutboxListDto>();
    expect(sent.items.filter((m) => ids.includes(m.id)).map((m) => m.attempts)).toEqual([3, 3, 3]);
    expect(sent.items.every((m) => m.lastError === null && m.sentAt !== null)).toBe(true);
    expect(await worker.sendDue(later(48))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(3);
  });

  it('never sends a mail twice when two workers (replicas) run at the same time', async () => {
    smtp.mails.length = 0;
    const recipients = Array.from({ length: 45 }, (_, i) => `parallel-${i}@example.org`);
    await t.app.get(MailService).enqueue(recipients.map((to) => mail(to)));
    const transport = t.app.get(MailTransport);
    const other = new OutboxWorker(t.dataSource, transport, { schedulerEnabled: false });
    const [a, b] = await Promise.all([worker.sendDue(), other.sendDue()]);
    expect(a.sent + b.sent).toBe(45);
    expect(smtp.mails.map((m) => m.envelopeTo[0]).sort()).toEqual([...recipients].sort());
  });

  it('gives up on a permanent refusal at once; an admin retry sends it once the address works', async () => {
    smtp.mails.length = 0;
    smtp.refuse.add('nobody@example.org');
    const [id] = await t.app.get(MailService).enqueue([mail('nobody@example.org', 'Refused')]);
    expect(await worker.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = (await t.app.inject({ method: 'GET', url: '/api/mail/outbox?status=failed', headers: admin })).json<OutboxListDto>();
    expect(failed.items).toEqual([expect.objectContaining({ id, status: 'failed', attempts: 1, nextAttemptAt: null })]);
    expect(failed.items[0]!.lastError).toMatch(/550/);

    smtp.refuse.delete('nobody@example.org');
    const retried = await t.app.inject({ method: 'POST', url: `/api/mail/outbox/${id}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json<OutboxMessageDto>()).toMatchObject({ status: 'waiting', attempts: 0 });
    expect(await worker.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.to('nobody@example.org')).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url: `/api/mail/outbox/${id}/retry`, headers: admin })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/mail/outbox/6f1c3c43-0000-4000-8000-000000000000/retry', headers: admin })).statusCode).toBe(404);
  });

  it('gives up after the last attempt', async () => {
    await smtp.stop();
    const [id] = await t.app.get(MailService).enqueue([mail('patient@example.org')]);
    await t.dataSource.getRepository(OutboxMessageEntity).update({ id }, { attempts: MAX_ATTEMPTS - 1 });
    expect(await worker.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ id });
    expect(row.failedAt).not.toBeNull();
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    await smtp.listen();
  });

  it('pages the outbox newest first', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/mail/outbox?limit=2', headers: admin })).json<OutboxListDto>();
    expect(list.items).toHaveLength(2);
    const next = (await t.app.inject({ method: 'GET', url: `/api/mail/outbox?limit=2&cursor=${list.nextCursor}`, headers: admin })).json<OutboxListDto>();
    expect(next.items).toHaveLength(2);
    expect(next.items.map((m) => m.id)).not.toContain(list.items[0]!.id);
    expect(new Date(next.items[0]!.createdAt).getTime()).toBeLessThanOrEqual(new Date(list.items[1]!.createdAt).getTime());
  });
});

describe('mail: sent on its own when timed work runs', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url, SCHEDULER_ENABLED: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers a mail right after it was enqueued, without waiting for the tick', async () => {
    const service = t.app.get(MailService);
    await service.enqueue([mail('soon@example.org', 'Sofort')]);
    service.deliverSoon();
    const [received] = await smtp.waitFor(1, 5000);
    expect(received!.subject).toBe('Sofort');
    expect(received!.headers['content-language']).toBe('de');
  });
});
