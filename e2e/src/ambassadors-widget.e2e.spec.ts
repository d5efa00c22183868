import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { HostSite } from './support/host-site';

/**
 * <welcome-ruhr-ambassadors> and <welcome-ruhr-services> as built (`node widgets/build.mjs`), embedded on
 * another origin, in Chromium. The portal is a stand-in that serves the built files and answers the
 * public API with CORS as the real one does, so no database or backend build is needed.
 */

const DIST = resolve(__dirname, '../../dist/widgets');
const ID = '00000000-0000-4000-8000-000000000001';

function portalSite(received: unknown[]): HostSite {
  const site = new HostSite();
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Allow-Methods': 'GET,POST' };
  const json = (body: unknown, status = 200) => (_q: IncomingMessage, r: ServerResponse) => r.writeHead(status, { 'Content-Type': 'application/json', ...cors }).end(JSON.stringify(body));
  // Module scripts of another origin load only with CORS.
  for (const name of ['ambassadors.js', 'services.js']) {
    const body = readFileSync(join(DIST, name));
    site.route(`/widgets/${name}`, (_q, r) => r.writeHead(200, { 'Content-Type': 'text/javascript', ...cors }).end(body));
  }
  for (const lang of ['de', 'ar']) {
    const body = readFileSync(join(DIST, 'i18n', `${lang}.json`));
    site.route(`/widgets/i18n/${lang}.json`, (_q, r) => r.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(body));
  }
  site.route(
    '/api/public/ambassadors',
    json([{ id: ID, displayName: 'Ayşe Yılmaz', languages: ['tr', 'de'], city: 'dortmund', community: 'Türkische Gemeinde', bio: { de: 'Ich helfe gern.' }, photoUrl: null }]),
  );
  site.route(
    '/api/public/privacy-notice',
    json({ language: 'de', version: 'v1', title: 'Datenschutz', text: 'Wir speichern Ihre Anfrage.\n\nMehr dazu …', consentLabel: 'Ich stimme zu.', formToken: 'tok', minFillSeconds: 3 }),
  );
  site.route('/api/public/contact-requests', (request, response) => {
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(201, { 'Content-Type': 'application/json', ...cors }).end('{"received":true}');
    });
  });
  site.route('/api/public/service-categories', json([{ slug: 'foreigners-office', labels: { de: 'Ausländerbehörde' }, position: 1 }]));
  site.route(
    '/api/public/services',
    json({
      items: [
        {
          id: 's1', category: { slug: 'foreigners-office', label: 'Ausländerbehörde' }, city: 'bochum', name: 'Ausländerbehörde Bochum',
          address: 'Willy-Brandt-Platz 1', location: null, openingHours: { weekly: [{ day: 'mon', opens: '08:00', closes: '12:00' }] },
          phone: '+49 234 910', email: null, website: 'https://www.bochum.de/', appointmentUrl: null, languages: ['de', 'en'],
          description: 'Aufenthaltstitel', descriptionLanguage: 'de', demo: false,
        },
      ],
      nextCursor: null,
    }),
  );
  return site;
}

const page = (portal: string, lang: string, body: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Stadt</title></head>
<body><main><h1>Stadt</h1>
<script type="module" src="${portal}/widgets/ambassadors.js"></script><script type="module" src="${portal}/widgets/services.js"></script>
${body}</main></body></html>`;

describe('ambassadors and services widgets embedded on another origin', () => {
  const received: unknown[] = [];
  let portal: HostSite;
  let city: HostSite;
  let browser: Browser;
  let tab: Page;

  beforeAll(async () => {
    portal = await portalSite(received).start();
    city = await new HostSite().start();
    city.page('/de', page(portal.origin, 'de', '<welcome-ruhr-ambassadors city="dortmund" languages="tr,ar"></welcome-ruhr-ambassadors><welcome-ruhr-services city="bochum" category="foreigners-office"></welcome-ruhr-services>'));
    city.page('/ar', page(portal.origin, 'ar', '<welcome-ruhr-ambassadors city="dortmund"></welcome-ruhr-ambassadors>'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await city?.stop();
  });

  beforeEach(async () => {
    tab = await browser.newPage();
    tab.setDefaultTimeout(10_000);
  });

  afterEach(async () => {
    await tab.close();
  });

  it('renders both, sends the contact form with consent, and has no WCAG A/AA violations', async () => {
    await tab.goto(city.url('/de'));
    await tab.locator('welcome-ruhr-ambassadors h3').waitFor();
    await tab.locator('welcome-ruhr-services [part=today]').waitFor();
    expect(await tab.locator('welcome-ruhr-ambassadors h3').textContent()).toBe('Ayşe Yılmaz');
    expect(await axeViolations(tab).then(describeViolations)).toBe('');

    await tab.getByRole('button', { name: 'Frag mich' }).click();
    await tab.getByLabel('Name').fill('Ali');
    await tab.getByLabel('E-Mail').first().fill('ali@example.org');
    await tab.getByLabel('Nachricht').fill('Eine Frage');
    await tab.getByRole('button', { name: 'Senden' }).click();
    expect(await tab.locator('welcome-ruhr-ambassadors .err').allTextContents()).toContain('Bitte stimmen Sie dem Datenschutzhinweis zu.');
    expect(received).toHaveLength(0);
    expect(await axeViolations(tab).then(describeViolations)).toBe('');

    await tab.getByLabel('Ich stimme zu.').check();
    await tab.getByRole('button', { name: 'Senden' }).click();
    await tab.locator('welcome-ruhr-ambassadors [part=success]').waitFor();
    expect(received).toEqual([
      { ambassadorId: ID, name: 'Ali', email: 'ali@example.org', language: 'de', message: 'Eine Frage', consent: true, website: '', startedAt: 'tok' },
    ]);
  });

  it('is right to left in Arabic', async () => {
    await tab.goto(city.url('/ar'));
    await tab.locator('welcome-ruhr-ambassadors h3').waitFor();
    expect(await tab.locator('welcome-ruhr-ambassadors section').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(tab).then(describeViolations)).toBe('');
  });
});
