import type { ContactRequestDto, ContactRequestListDto, PrivacyNoticeDto } from '@welcome-ruhr/contracts';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { OutboxWorker } from '../mail/outbox-worker';
import { TestSmtpServer } from '../mail/testing/smtp-test-server';
import { newUser } from '../testing/factories';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from '../testing/test-app';
import { ContactRequestEntity } from './contact-request.entity';
import { issueFormToken } from './form-token';
import { contactBody, newAmbassador, newContactRequest, signInAs } from './testing';

describe('contact requests', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let worker: OutboxWorker;
  let ipCounter = 0;
  /** Each test speaks from an address of its own, so the per-address limit of one does not touch another. */
  const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  const send = (payload: object, remoteAddress = nextIp()) =>
    t.app.inject({ method: 'POST', url: '/api/public/contact-requests', payload, remoteAddress });
  const count = () => t.dataSource.getRepository(ContactRequestEntity).count();

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({
      SMTP_URL: smtp.url,
      SCHEDULER_ENABLED: 'false',
      MAIL_FROM: 'Welcome Ruhr <portal@welcome-ruhr.test>',
      MAIL_REPLY_TO: 'reply@welcome-ruhr.test',
      PUBLIC_URL: 'https://portal.welcome-ruhr.test',
    });
    worker = t.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });

  it("Olena's flow: question to an ambassador, notice without the message, reply through the portal, close", async () => {
    const { user, ambassador } = await newAmbassador(t.dataSource, { displayName: 'Iryna', cities: ['bochum'] });
    const question = 'Добрий день! Як зареєструватися в Бохумі? <b>дякую</b>';
    const sent = await send(contactBody({ ambassadorId: ambassador.id, city: 'bochum', email: 'Olena@Example.org', message: question }));
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ received: true });

    expect(await worker.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [notice] = smtp.to(user.email);
    expect(smtp.mails).toHaveLength(1);
    expect(notice!.subject).toBe('Neue Frage im Posteingang / A new question is waiting');
    expect(notice!.headers['from']).toContain('portal@welcome-ruhr.test');
    for (const secret of ['Бохумі', 'olena@example.org', 'Olena']) {
      expect(notice!.text).not.toContain(secret);
      expect(notice!.html).not.toContain(secret);
    }
    expect(notice!.text).toContain('https://portal.welcome-ruhr.test/inbox/');

    const headers = await signInAs(t, user);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/contact-requests?status=new', headers })).json<ContactRequestListDto>();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ name: 'Olena', language: 'uk', status: 'new', routedTo: 'ambassador', ambassador: { id: ambassador.id, displayName: 'Iryna' } });
    expect(inbox.items[0]).not.toHaveProperty('message');
    expect(inbox.items[0]).not.toHaveProperty('email');
    const id = inbox.items[0]!.id;

    const opened = await t.app.inject({ method: 'GET', url: `/api/contact-requests/${id}`, headers });
    expect(opened.statusCode).toBe(200);
    const detail = opened.json<ContactRequestDto>();
    expect(detail.message).toBe(question);
    expect(detail.email).toBeNull();
    expect(detail.replyAddress).toMatch(/^reply\+[0-9a-f]{32}@welcome-ruhr\.test$/);
    const reads = await t.dataSource.getRepository(AuditEntryEntity).find({ where: { action: 'contact_request.read', entityId: id } });
    expect(reads.map((r) => r.actorId)).toEqual([user.id]);

    const reply = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${id}/reply`, headers, payload: { message: 'Вітаю! Запишіться на прийом <онлайн> & приходьте.' } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json<ContactRequestDto>()).toMatchObject({ status: 'answered', replies: [{ authorName: 'Iryna', message: 'Вітаю! Запишіться на прийом <онлайн> & приходьте.' }] });
    await worker.sendDue();
    const [answer] = smtp.to('olena@example.org');
    expect(answer).toBeDefined();
    expect(answer!.subject).toBe('Відповідь на ваше запитання до Welcome Ruhr');
    expect(answer!.headers['from']).toBe('Iryna · Welcome Ruhr <portal@welcome-ruhr.test>');
    expect(answer!.headers['reply-to']).toBe(detail.replyAddress);
    expect(answer!.headers['content-language']).toBe('uk');
    expect(answer!.envelopeFrom).toBe('portal@welcome-ruhr.test');
    expect(answer!.text).toContain('Вітаю! Запишіться на прийом <онлайн> & приходьте.');
    expect(answer!.text).toContain('> Добрий день!');
    expect(answer!.html).toContain('&lt;онлайн&gt; &amp; приходьте');
    expect(answer!.html).toContain('&lt;b&gt;дякую&lt;/b&gt;');
    expect(answer!.html).not.toContain('<b>');
    expect(answer!.text + answer!.html).not.toContain(user.email);

    const closed = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${id}/close`, headers });
    expect(closed.json<ContactRequestDto>()).toMatchObject({ status: 'closed' });
    expect(closed.json<ContactRequestDto>().closedAt).not.toBeNull();
    const again = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${id}/reply`, headers, payload: { message: 'noch etwas' } });
    expect(again.statusCode).toBe(409);
  });

  it('routes a question to the portal to the moderators of that city only', async () => {
    const bochumA = await newUser(t.dataSource, { role: 'moderator', cities: ['bochum'] });
    const bochumB = await newUser(t.dataSource, { role: 'moderator', cities: ['herne', 'bochum'] });
    const inactive = await newUser(t.dataSource, { role: 'moderator', cities: ['bochum'], active: false });
    const essen = await newUser(t.dataSource, { role: 'moderator', cities: ['essen'] });
    expect((await send(contactBody({ city: 'bochum' }))).statusCode).toBe(202);
    await worker.sendDue();
    const recipients = smtp.mails.flatMap((m) => m.envelopeTo).sort();
    expect(recipients).toEqual(expect.arrayContaining([bochumA.email, bochumB.email]));
    expect(recipients).not.toContain(essen.email);
    expect(recipients).not.toContain(inactive.email);
    expect(smtp.mails[0]!.text).toContain('an das Portal für Bochum');
  });

  it('routes a question for a city without moderators to the admins', async () => {
    const admin = await newUser(t.dataSource, { role: 'admin', cities: [] });
    expect((await send(contactBody({ city: 'hamm' }))).statusCode).toBe(202);
    await worker.sendDue();
    expect(smtp.to(admin.email)).toHaveLength(1);
  });

  it.each([
    ['consent missing', { consent: undefined }, 'consent', 'consent must be true: agree to the privacy notice to send a question'],
    ['consent false', { consent: false }, 'consent', 'consent must be true: agree to the privacy notice to send a question'],
    ['consent as text', { consent: 'yes' }, 'consent', 'consent must be true: agree to the privacy notice to send a question'],
    ['empty name', { name: '   ' }, 'name', 'name must be 1 to 200 characters long'],
    ['long name', { name: 'x'.repeat(201) }, 'name', 'name must be 1 to 200 characters long'],
    ['name with control characters', { name: 'Ole\u0007na' }, 'name', 'name must not contain control characters'],
    ['bad e-mail', { email: 'olena-at-example.org' }, 'email', 'email must be an e-mail address'],
    ['no e-mail', { email: undefined }, 'email', 'email must be an e-mail address'],
    ['unknown language', { language: 'xx' }, 'language', 'language must be an ISO 639-1 code such as de, en or uk'],
    ['language as a name', { language: 'Ukrainian' }, 'language', 'language must be an ISO 639-1 code such as de, en or uk'],
    ['empty message', { message: ' \n ' }, 'message', 'message must be 1 to 4000 characters long'],
    ['message too long', { message: 'я'.repeat(4001) }, 'message', 'message must be 1 to 4000 characters long'],
    ['four links', { message: 'see https://a.example http://b.example www.c.example https://d.example' }, 'message', 'message may contain at most 3 links'],
    ['NUL in the message', { message: 'hallo\u0000welt' }, 'message', 'message must not contain control characters'],
    ['unknown city', { city: 'koeln' }, 'city', 'city must be an RVR city slug such as essen; it is required when no ambassadorId is given'],
    ['neither ambassador nor city', { city: undefined }, 'city', 'city must be an RVR city slug such as essen; it is required when no ambassadorId is given'],
    ['ambassadorId not an id', { ambassadorId: 'iryna' }, 'ambassadorId', 'ambassadorId must be the id of an ambassador'],
    ['startedAt an object', { startedAt: { at: 1 } }, 'startedAt', 'startedAt must be the formToken of the privacy notice or the time the form was shown in milliseconds'],
    ['honeypot not text', { website: 42 }, 'website', 'website must be empty'],
    ['a field too many', { phone: '0123' }, 'phone', 'property phone should not exist'],
  ])('refuses %s with a 400 naming the field and stores nothing', async (_case, change, field, problem) => {
    const before = await count();
    const response = await send(contactBody(change));
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual({ field, problem });
    expect(await count()).toBe(before);
  });

  it('refuses an ambassador who is hidden, deactivated or unknown, naming ambassadorId', async () => {
    const hidden = await newAmbassador(t.dataSource, { visible: false });
    const gone = await newAmbassador(t.dataSource);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [gone.user.id]);
    for (const ambassadorId of [hidden.ambassador.id, gone.ambassador.id, '6f1c3c43-0000-4000-8000-000000000000']) {
      const response = await send(contactBody({ ambassadorId }));
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ field: 'ambassadorId', problem: 'ambassadorId must be the id of an ambassador who takes questions' }]);
    }
  });

  it('pretends to accept what fills the honeypot, and stores and sends nothing', async () => {
    const before = await count();
    const response = await send(contactBody({ website: 'https://cheap-pills.example' }));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ received: true });
    expect(await count()).toBe(before);
    expect(await worker.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('refuses a form sent within 3 seconds, by the form token or by the browser clock', async () => {
    const before = await count();
    for (const startedAt of [Date.now() - 500, issueFormToken(TEST_SECRET_KEY)]) {
      const response = await send(contactBody({ startedAt }));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/sent too quickly/);
      expect(response.json().fields).toEqual([{ field: 'startedAt', problem: 'startedAt is less than 3 seconds ago: the form was sent too quickly' }]);
    }
    const forged = await send(contactBody({ startedAt: `${Date.now() - 60_000}.${'A'.repeat(43)}` }));
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields[0].field).toBe('startedAt');
    expect(await count()).toBe(before);

    expect((await send(contactBody({ startedAt: issueFormToken(TEST_SECRET_KEY, Date.now() - 5000) }))).statusCode).toBe(202);
    // A browser clock ahead of ours cannot be judged, so it is not held against the newcomer.
    expect((await send(contactBody({ startedAt: Date.now() + 120_000 }))).statusCode).toBe(202);
    expect(await count()).toBe(before + 2);
  });

  it('limits questions per e-mail address (5 an hour) with 429 and Retry-After', async () => {
    const email = 'flood@example.org';
    for (let i = 0; i < 5; i++) expect((await send(contactBody({ email }))).statusCode).toBe(202);
    const refused = await send(contactBody({ email: 'FLOOD@example.org' }));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/Too many questions from this e-mail address/);
    expect(await t.dataSource.getRepository(ContactRequestEntity).count({ where: { email } })).toBe(5);
  });

  it('limits attempts per client address (20 an hour), bots in the honeypot included', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 10; i++) expect((await send(contactBody(), ip)).statusCode).toBe(202);
    for (let i = 0; i < 10; i++) expect((await send(contactBody({ website: 'spam' }), ip)).statusCode).toBe(202);
    const refused = await send(contactBody(), ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await send(contactBody(), '192.0.2.78')).statusCode).toBe(202);
  });

  it('serves the privacy notice in de, en, tr, ar and uk (English otherwise) with a usable form token', async () => {
    const texts = new Set<string>();
    for (const lang of ['de', 'en', 'tr', 'ar', 'uk']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/public/privacy-notice?lang=${lang}`, headers: { origin: 'https://www.bochum.de' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['cache-control']).toBe('no-store');
      const notice = response.json<PrivacyNoticeDto>();
      expect(notice.language).toBe(lang);
      expect(notice.text).toContain('90');
      expect(notice.version).toMatch(new RegExp(`^${lang}-[0-9a-f]{12}$`));
      expect(notice.minFillSeconds).toBe(3);
      texts.add(notice.text);
    }
    expect(texts.size).toBe(5);
    const french = (await t.app.inject({ method: 'GET', url: '/api/public/privacy-notice?lang=fr' })).json<PrivacyNoticeDto>();
    expect(french.language).toBe('en');
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/privacy-notice?lang=english' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('lang');
  });

  it('stores which privacy notice the newcomer agreed to', async () => {
    const { ambassador } = await newAmbassador(t.dataSource);
    const notice = (await t.app.inject({ method: 'GET', url: '/api/public/privacy-notice?lang=ar' })).json<PrivacyNoticeDto>();
    const email = 'notice@example.org';
    await send(contactBody({ ambassadorId: ambassador.id, email, language: 'ar', startedAt: issueFormToken(TEST_SECRET_KEY, Date.now() - 10_000) }));
    const stored = await t.dataSource.getRepository(ContactRequestEntity).findOneByOrFail({ email });
    expect(stored.privacyNoticeVersion).toBe(notice.version);
    expect(stored.consentAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  describe('inbox scope', () => {
    it('shows ambassadors their own requests, moderators the portal requests of their cities, admins all', async () => {
      const a = await newAmbassador(t.dataSource, { cities: ['bochum'] });
      const b = await newAmbassador(t.dataSource, { cities: ['bochum'] });
      const toA = await newContactRequest(t.dataSource, { ambassadorId: a.ambassador.id, routedTo: 'ambassador', name: 'scope-a' });
      const toB = await newContactRequest(t.dataSource, { ambassadorId: b.ambassador.id, routedTo: 'ambassador', name: 'scope-b' });
      const bochum = await newContactRequest(t.dataSource, { city: 'bochum', name: 'scope-bochum' });
      const dortmund = await newContactRequest(t.dataSource, { city: 'dortmund', name: 'scope-dortmund', status: 'closed', closedAt: new Date() });
      const ids = async (headers: Record<string, string>, query = '') =>
        (await t.app.inject({ method: 'GET', url: `/api/contact-requests${query}`, headers })).json<ContactRequestListDto>().items.map((i) => i.id);

      const headersA = await signInAs(t, a.user);
      expect(await ids(headersA)).toEqual([toA.id]);
      const moderatorBochum = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
      const bochumIds = await ids(moderatorBochum);
      expect(bochumIds).toContain(bochum.id);
      expect(bochumIds).not.toContain(toA.id);
      expect(bochumIds).not.toContain(toB.id);
      expect(bochumIds).not.toContain(dortmund.id);
      const moderatorDortmund = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
      expect(await ids(moderatorDortmund)).toEqual([dortmund.id]);
      expect(await ids(moderatorDortmund, '?status=new')).toEqual([]);
      const admin = (await t.signIn('admin')).headers;
      expect(await ids(admin, '?limit=200')).toEqual(expect.arrayContaining([toA.id, toB.id, bochum.id, dortmund.id]));
      expect(await ids(admin, '?city=dortmund&status=closed')).toEqual([dortmund.id]);

      for (const [headers, id] of [[headersA, toB.id], [moderatorBochum, toA.id], [moderatorDortmund, bochum.id]] as const) {
        expect((await t.app.inject({ method: 'GET', url: `/api/contact-requests/${id}`, headers })).statusCode).toBe(404);
        expect((await t.app.inject({ method: 'POST', url: `/api/contact-requests/${id}/close`, headers })).statusCode).toBe(404);
      }
      const adminView = (await t.app.inject({ method: 'GET', url: `/api/contact-requests/${toA.id}`, headers: admin })).json<ContactRequestDto>();
      expect(adminView.email).toBe(toA.email);
      expect((await t.app.inject({ method: 'GET', url: '/api/contact-requests' })).statusCode).toBe(401);
    });

    it('pages the inbox newest first with a cursor and refuses a made-up cursor', async () => {
      const moderator = (await t.signIn('moderator', { cities: ['oer-erkenschwick'] })).headers;
      for (let i = 0; i < 5; i++) await newContactRequest(t.dataSource, { city: 'oer-erkenschwick', name: `page-${i}` });
      const first = (await t.app.inject({ method: 'GET', url: '/api/contact-requests?limit=3', headers: moderator })).json<ContactRequestListDto>();
      expect(first.items.map((i) => i.name)).toEqual(['page-4', 'page-3', 'page-2']);
      const second = (await t.app.inject({ method: 'GET', url: `/api/contact-requests?limit=3&cursor=${first.nextCursor}`, headers: moderator })).json<ContactRequestListDto>();
      expect(second.items.map((i) => i.name)).toEqual(['page-1', 'page-0']);
      expect(second.nextCursor).toBeNull();
      const bad = await t.app.inject({ method: 'GET', url: '/api/contact-requests?cursor=abc', headers: moderator });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[0].field).toBe('cursor');
      const badStatus = await t.app.inject({ method: 'GET', url: '/api/contact-requests?status=open', headers: moderator });
      expect(badStatus.json().fields).toEqual([{ field: 'status', problem: 'status must be one of new, answered, closed' }]);
    });
  });

  describe('assign', () => {
    it('lets a moderator of the city hand a portal request to an ambassador of that city, who is told without the message', async () => {
      const iryna = await newAmbassador(t.dataSource, { cities: ['bochum'], displayName: 'Iryna B.' });
      const request = await newContactRequest(t.dataSource, { city: 'bochum', message: 'secret-question-text' });
      const moderator = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
      const response = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${request.id}/assign`, headers: moderator, payload: { ambassadorId: iryna.ambassador.id } });
      expect(response.statusCode).toBe(200);
      expect(response.json<ContactRequestDto>()).toMatchObject({ routedTo: 'portal', ambassador: { id: iryna.ambassador.id, displayName: 'Iryna B.' } });
      expect(response.json<ContactRequestDto>().assignedAt).not.toBeNull();

      await worker.sendDue();
      const [notice] = smtp.to(iryna.user.email);
      expect(notice!.text).toContain('zugewiesen');
      expect(notice!.text + notice!.html).not.toContain('secret-question-text');
      const headersIryna = await signInAs(t, iryna.user);
      const mine = (await t.app.inject({ method: 'GET', url: '/api/contact-requests', headers: headersIryna })).json<ContactRequestListDto>();
      expect(mine.items.map((i) => i.id)).toEqual([request.id]);
      // The moderator keeps seeing it: it is still a portal request of the city.
      const theirs = (await t.app.inject({ method: 'GET', url: '/api/contact-requests?limit=200', headers: moderator })).json<ContactRequestListDto>();
      expect(theirs.items.map((i) => i.id)).toContain(request.id);
      const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'contact_request.assign', entityId: request.id });
      expect(audit.after).toEqual({ ambassadorId: iryna.ambassador.id });
    });

    it('refuses other cities, ambassadors of other cities, ambassadors assigning and closed requests', async () => {
      const dortmunder = await newAmbassador(t.dataSource, { cities: ['dortmund'] });
      const local = await newAmbassador(t.dataSource, { cities: ['bochum'] });
      const request = await newContactRequest(t.dataSource, { city: 'bochum' });
      const bochumModerator = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
      const essenModerator = (await t.signIn('moderator', { cities: ['essen'] })).headers;
      const assign = (headers: Record<string, string>, ambassadorId: string, id = request.id) =>
        t.app.inject({ method: 'POST', url: `/api/contact-requests/${id}/assign`, headers, payload: { ambassadorId } });

      expect((await assign(essenModerator, local.ambassador.id)).statusCode).toBe(404);
      const wrongCity = await assign(bochumModerator, dortmunder.ambassador.id);
      expect(wrongCity.statusCode).toBe(400);
      expect(wrongCity.json().fields).toEqual([{ field: 'ambassadorId', problem: 'ambassadorId must be an ambassador of Bochum' }]);
      const notAnId = await assign(bochumModerator, 'iryna');
      expect(notAnId.json().fields).toEqual([{ field: 'ambassadorId', problem: 'ambassadorId must be the id of an ambassador' }]);
      expect((await assign(await signInAs(t, local.user), local.ambassador.id)).statusCode).toBe(403);
      const closed = await newContactRequest(t.dataSource, { city: 'bochum', status: 'closed', closedAt: new Date() });
      expect((await assign(bochumModerator, local.ambassador.id, closed.id)).statusCode).toBe(409);
      const admin = (await t.signIn('admin')).headers;
      expect((await assign(admin, dortmunder.ambassador.id)).statusCode).toBe(200);
    });
  });

  it('lets a moderator answer a portal request as the portal of the city', async () => {
    const request = await newContactRequest(t.dataSource, { city: 'herne', language: 'tr', email: 'ayse@example.org', name: 'Ayşe' });
    const moderator = (await t.signIn('moderator', { cities: ['herne'] })).headers;
    const empty = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${request.id}/reply`, headers: moderator, payload: { message: '  ' } });
    expect(empty.json().fields).toEqual([{ field: 'message', problem: 'message must be 1 to 10000 characters long' }]);
    const response = await t.app.inject({ method: 'POST', url: `/api/contact-requests/${request.id}/reply`, headers: moderator, payload: { message: 'Merhaba Ayşe!' } });
    expect(response.json<ContactRequestDto>().replies[0]!.authorName).toBe('Welcome Ruhr Herne');
    await worker.sendDue();
    const [mail] = smtp.to('ayse@example.org');
    expect(mail!.subject).toBe('Welcome Ruhr’a sorduğunuz soruya yanıt');
    expect(mail!.headers['from']).toBe('Welcome Ruhr Herne <portal@welcome-ruhr.test>');
  });
});
