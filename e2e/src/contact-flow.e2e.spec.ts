import type { PrivacyNoticeDto, UserDto } from '@welcome-ruhr/contracts';
import type { Browser, Locator, Request } from 'playwright-core';
import { TestSmtpServer, type ReceivedMail } from '../../backend/src/mail/testing/smtp-test-server';
import { api, signIn } from './support/api';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { cityPage, HostSite } from './support/host-site';
import { startServer, type RunningServer } from './support/server';

/**
 * Olena's flow end to end, with nothing stood in: the built portal, a real SMTP server, a city site on
 * another origin embedding <welcome-ruhr-ambassadors>, and the dashboard in Chromium.
 */

const ADMIN = { email: 'admin@example.org', password: 'e2e-admin-password' };
const PORTAL_ADDRESS = 'portal@welcome-ruhr.test';
const IRYNA = { email: 'iryna.bondarenko@private-mail.test', password: 'iryna-password-1', name: 'Iryna Bondarenko' };
/** A second ambassador of Bochum, so that the right card has to be found and only Iryna is told. */
const KARIM = { email: 'karim@private-mail.test', password: 'karim-password-1', name: 'Karim Haddad' };
const OLENA = { name: 'Олена Коваленко', email: 'olena.kovalenko@example.org' };
// Markup in the question must reach the ambassador as the characters Olena typed, never as HTML.
const QUESTION = 'Добрий день! Я з Харкова, у Бохумі місяць. Як записатися на інтеграційний курс? <b>Дякую</b>';
const ANSWER = 'Вітаю, Олено! Запишіться у Welcome Center Bochum, Willy-Brandt-Platz 1. Курси починаються щомісяця.';

/** The SMTP server gets mails after the API answered (the outbox delivers them): wait, then pick. */
const MAIL_TIMEOUT_MS = 30_000;

/** The admin creates the account; the ambassador fills in her profile and shows it (only she can). */
async function newVisibleAmbassador(
  server: RunningServer,
  adminToken: string,
  account: { email: string; password: string; name: string },
  profile: { languages: string[]; bio: Record<string, string>; community: string },
): Promise<string> {
  const user = await api<UserDto>(server, '/users', {
    method: 'POST',
    token: adminToken,
    body: { ...account, role: 'ambassador', cities: ['bochum'] },
  });
  const token = await signIn(server, account);
  await api(server, '/ambassadors/me', { method: 'PUT', token, body: { displayName: account.name, city: 'bochum', ...profile, visible: true } });
  if (!user.ambassadorId) throw new Error(`${account.name} has no ambassador profile`);
  return user.ambassadorId;
}

/** Every header value and the decoded parts, for "this must appear nowhere". */
function everything(mail: ReceivedMail): string {
  return [mail.envelopeFrom, ...mail.envelopeTo, ...Object.values(mail.headers), mail.text, mail.html, mail.raw].join('\n').toLowerCase();
}

/** The one mail to `address`; a failure names every recipient there was instead. */
function onlyMailTo(smtp: TestSmtpServer, address: string): ReceivedMail {
  const [mail, ...more] = smtp.to(address);
  if (!mail || more.length > 0) throw new Error(`expected one mail to ${address}, got: ${JSON.stringify(smtp.mails.map((m) => m.envelopeTo))}`);
  return mail;
}

const addressOf = (header: string | undefined) => (/<([^<>]+)>\s*$/.exec(header ?? '')?.[1] ?? header ?? '').trim().toLowerCase();

describe("Olena's question to an ambassador, from the city's site to the answer in her mailbox", () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let site: HostSite;
  let browser: Browser;
  let irynaId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    server = await startServer({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
      MAIL_FROM: `Welcome Ruhr <${PORTAL_ADDRESS}>`,
    });
    const adminToken = await signIn(server, ADMIN);
    irynaId = await newVisibleAmbassador(server, adminToken, IRYNA, {
      languages: ['uk', 'ru', 'de'],
      community: 'Українська громада Бохума',
      bio: { uk: 'Я приїхала до Бохума з Харкова у 2022 році. Допоможу з документами та школою.', de: 'Ich kam 2022 aus Charkiw nach Bochum.' },
    });
    await newVisibleAmbassador(server, adminToken, KARIM, {
      languages: ['ar', 'de'],
      community: 'Syrischer Kulturverein',
      bio: { de: 'Ich helfe bei Wohnungssuche und Arbeit.' },
    });
    site = await new HostSite().start();
    site.page(
      '/neu-in-bochum',
      cityPage(server.url, '<welcome-ruhr-ambassadors city="bochum" lang="uk"></welcome-ruhr-ambassadors>', {
        title: 'Neu in Bochum – Stadt Bochum',
        script: 'ambassadors.js',
      }),
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await server?.stop();
    await smtp?.stop();
  });

  it('asks in the widget, is told without the message, answered from the dashboard, through the portal address', async () => {
    // 1. On the city's site: Iryna's card, "ask me", the form with the privacy notice in Ukrainian.
    const city = await browser.newContext();
    const page = await city.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(site.url('/neu-in-bochum'));
    const widget = page.locator('welcome-ruhr-ambassadors');
    const card = widget.locator(`li[data-id="${irynaId}"]`);
    await card.waitFor();
    expect(await widget.locator('li h3').allTextContents()).toEqual(expect.arrayContaining([IRYNA.name, KARIM.name]));
    expect(await card.locator('h3').textContent()).toBe(IRYNA.name);
    expect(await card.locator('[part=bio]').textContent()).toContain('з Харкова');
    expect(await card.textContent()).toContain('українська');

    const isSend = (request: Request) => request.url() === `${server.url}/api/public/contact-requests` && request.method() === 'POST';
    /** When each POST of the form was seen leaving the browser (this machine's clock, as the browser's). */
    const sendTimes: number[] = [];
    page.on('request', (request) => {
      if (isSend(request)) sendTimes.push(Date.now());
    });

    const noticeResponse = page.waitForResponse((response) => response.url().startsWith(`${server.url}/api/public/privacy-notice`));
    // The widget opens the form (and starts counting its minimum fill time) only after this click and the
    // notice's answer: the form opened no earlier than this.
    const formOpenedNotBefore = Date.now();
    await card.getByRole('button', { name: 'Запитай мене' }).click();
    const notice = (await (await noticeResponse).json()) as PrivacyNoticeDto;
    expect(notice.language).toBe('uk');
    expect(notice.minFillSeconds).toBeGreaterThan(0);
    const form = card.locator('form');
    await form.waitFor();

    // Olena is quick: she fills in the form and sends at once, nothing in between. The portal refuses a form
    // sent sooner than notice.minFillSeconds after its token (a bot's speed) with a 400; the widget waits out
    // the rest itself, saying it is sending, so the portal takes it.
    await form.getByLabel('Ім’я', { exact: true }).fill(OLENA.name);
    await form.getByLabel('Електронна пошта', { exact: true }).fill(OLENA.email);
    await form.getByLabel('Повідомлення', { exact: true }).fill(QUESTION);
    await form.getByLabel(notice.consentLabel, { exact: true }).check();
    const sent = page.waitForResponse((response) => isSend(response.request()));
    await form.getByRole('button', { name: 'Надіслати' }).click();
    const accepted = await sent;
    expect(accepted.status()).toBe(202);
    // One POST, and it left the browser no earlier than the minimum fill time after the form opened. Filling
    // in takes well under that, so without the widget's own wait it would have left sooner (and got a 400).
    expect(sendTimes).toHaveLength(1);
    expect(sendTimes[0] - formOpenedNotBefore).toBeGreaterThanOrEqual(notice.minFillSeconds * 1000);
    const success = widget.locator('[part=success]');
    await success.waitFor();
    expect(await success.textContent()).toBe('Дякуємо! Ваше повідомлення надіслано.');
    expect(describeViolations(await axeViolations(page))).toBe('');

    // The open, filled-in form with its privacy notice passes axe: opened again, filled in, checked, closed
    // without sending (after the send above, so that axe's time cannot stand in for the widget's wait).
    await card.getByRole('button', { name: 'Закрити' }).click();
    await card.getByRole('button', { name: 'Запитай мене' }).click();
    const again = card.locator('form:has([name=message])');
    await again.waitFor();
    const privacy = again.locator('[part=privacy]');
    expect(await privacy.getAttribute('lang')).toBe('uk');
    expect(await privacy.textContent()).toContain('Повідомлення про захист даних');
    expect(await privacy.textContent()).toContain('Амбасадори не бачать вашої адреси електронної пошти.');
    await again.getByLabel('Ім’я', { exact: true }).fill(OLENA.name);
    await again.getByLabel('Електронна пошта', { exact: true }).fill(OLENA.email);
    await again.getByLabel('Повідомлення', { exact: true }).fill(QUESTION);
    await again.getByLabel(notice.consentLabel, { exact: true }).check();
    expect(describeViolations(await axeViolations(page))).toBe('');
    await again.getByRole('button', { name: 'Закрити' }).click();
    await again.waitFor({ state: 'detached' });
    expect(sendTimes).toHaveLength(1);
    await city.close();

    // 2. Iryna is told a question waits: to her, with the link to it, without anything of Olena's.
    await smtp.waitFor(1, MAIL_TIMEOUT_MS);
    expect(smtp.mails.map((m) => m.envelopeTo)).toEqual([[IRYNA.email]]);
    const waiting = onlyMailTo(smtp, IRYNA.email);
    expect(addressOf(waiting.headers['to'])).toBe(IRYNA.email);
    expect(addressOf(waiting.headers['from'])).toBe(PORTAL_ADDRESS);
    expect(waiting.subject).toBe('Neue Frage im Posteingang / A new question is waiting');
    const waitingText = everything(waiting);
    for (const secret of [QUESTION, 'інтеграційний курс', 'Харкова', OLENA.email, OLENA.name]) expect(waitingText).not.toContain(secret.toLowerCase());
    const requestId = /\/inbox\/([0-9a-f-]{36})/.exec(waiting.text)?.[1];
    if (!requestId) throw new Error(`the notice has no link to the request:\n${waiting.text}`);

    // 3. In the dashboard (a browser of her own): sign in, the inbox, the request, the answer.
    const dashboard = await browser.newContext();
    const inbox = await dashboard.newPage();
    inbox.setDefaultTimeout(30_000);
    await inbox.goto(`${server.url}/login`);
    await inbox.getByLabel('E-Mail').fill(IRYNA.email);
    await inbox.getByLabel('Passwort').fill(IRYNA.password);
    await inbox.getByRole('button', { name: 'Anmelden' }).click();
    await inbox.getByTestId('nav-inbox').click();
    await inbox.waitForURL(/\/inbox$/);
    const listed = inbox.locator(`li[data-request-id="${requestId}"]`);
    await listed.getByRole('link', { name: `Anfrage von ${OLENA.name}` }).click();
    await inbox.waitForURL(new RegExp(`/inbox/${requestId}$`));

    const message = inbox.getByTestId('request-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(QUESTION);
    expect(await message.evaluate((element) => element.children.length)).toBe(0);
    expect(await message.getAttribute('lang')).toBe('uk');
    // Ambassadors answer through the portal and never see the newcomer's address.
    expect(await inbox.locator('main').textContent()).not.toContain(OLENA.email);

    await inbox.getByLabel('Antwort', { exact: true }).fill(ANSWER);
    await inbox.getByRole('button', { name: 'Antwort senden' }).click();
    await inbox.getByRole('status').filter({ hasText: `Die Antwort an ${OLENA.name} wurde gesendet.` }).waitFor();
    const stateOf = (scope: Locator) => scope.locator('[data-state]').first().getAttribute('data-state');
    expect(await stateOf(inbox.locator('article.request'))).toBe('answered');
    expect(await inbox.locator('ol.replies').textContent()).toContain(ANSWER);

    // Answered for the server too, not only on this page: after a reload, under "Beantwortet".
    await inbox.reload();
    await inbox.getByLabel('Status', { exact: true }).selectOption('answered');
    await listed.waitFor();
    expect(await stateOf(listed)).toBe('answered');
    expect(await listed.textContent()).toContain('Beantwortet');
    await dashboard.close();

    // 4. Olena gets the answer from the portal's address, and nothing of Iryna's own address.
    await smtp.waitFor(2, MAIL_TIMEOUT_MS);
    expect(smtp.mails).toHaveLength(2);
    const answer = onlyMailTo(smtp, OLENA.email);
    expect(answer.envelopeTo).toEqual([OLENA.email]);
    expect(addressOf(answer.headers['to'])).toBe(OLENA.email);
    expect(answer.envelopeFrom).toBe(PORTAL_ADDRESS);
    expect(addressOf(answer.headers['from'])).toBe(PORTAL_ADDRESS);
    expect(addressOf(answer.headers['reply-to'])).toMatch(/@welcome-ruhr\.test$/);
    expect(answer.subject).toBe('Відповідь на ваше запитання до Welcome Ruhr');
    expect(answer.headers['content-language']).toBe('uk');
    expect(answer.text).toContain(ANSWER);
    expect(answer.html).toContain(ANSWER);
    const answerText = everything(answer);
    for (const secret of [IRYNA.email, 'iryna.bondarenko@', 'private-mail.test']) expect(answerText).not.toContain(secret);
  }, 180_000);
});
