import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** The built product in Debian's Chromium: an admin signs in through the dashboard and creates a user. */
describe('dashboard in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'e2e-admin-password' });
    browser = await launchBrowser();
    // bypassCSP only so that axe can be injected; the app itself runs under its real CSP in the assertions below.
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectNoAxeViolations() {
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toBe('');
  }

  it('shows the sign-in page in German, accessible', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('E-Mail').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectNoAxeViolations();
  });

  it('refuses a wrong password with a message', async () => {
    await page.getByLabel('E-Mail').fill('admin@example.org');
    await page.getByLabel('Passwort').fill('not-the-password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').or(page.locator('[aria-live]')).filter({ hasText: /wrong|falsch/i }).first().waitFor();
  });

  it('signs in and creates a moderator for Essen', async () => {
    await page.getByLabel('Passwort').fill('e2e-admin-password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/users/);
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('Passwort (mind. 10 Zeichen)') });
    await form.getByLabel('E-Mail').fill('moderatorin@essen.de');
    await form.getByLabel('Name', { exact: true }).fill('Merve Demir');
    await form.getByLabel('Passwort (mind. 10 Zeichen)').fill('a-long-password-1');
    await form.getByLabel('Rolle', { exact: true }).selectOption('moderator');
    await form.getByRole('checkbox', { name: 'Essen' }).check();
    await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const row = page.getByRole('row').filter({ hasText: 'moderatorin@essen.de' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Merve Demir');
    await expectNoAxeViolations();
  });

  it('the new moderator exists in the API and can sign in', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'moderatorin@essen.de', password: 'a-long-password-1' }),
    });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { user: { role: string; cities: string[] } };
    expect(body.user).toMatchObject({ role: 'moderator', cities: ['essen'] });
  });

  it('switches to English and keeps the session across a reload (refresh cookie)', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await page.getByTestId('nav-users').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('nav-users').textContent()).toMatch(/Users/);
    await page.getByTestId('nav-profile').click();
    await page.getByLabel(/Current password/).waitFor();
    await expectNoAxeViolations();
  });

  it('runs the dashboard under its CSP without violations', async () => {
    const strict = await browser.newContext();
    const strictPage = await strict.newPage();
    const problems: string[] = [];
    strictPage.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await strictPage.goto(`${server.url}/login`);
    await strictPage.getByLabel('E-Mail').waitFor();
    const background = await strictPage.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(background).not.toBe('');
    expect(problems.filter((p) => /Content Security Policy/i.test(p))).toEqual([]);
    await strict.close();
  });
});
