import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { api, signIn } from './support/api';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { cityPage, HostSite } from './support/host-site';
import { startServer, type RunningServer } from './support/server';

/**
 * <welcome-ruhr-services> on a city's site against the built portal with its labelled demo data set:
 * what a newcomer finds by city, free text in German and English (PostgreSQL text search with stemming),
 * category and language spoken, in Chromium, right to left in Arabic, and with nobody but the portal
 * contacted.
 */

const ADMIN = { email: 'admin@example.org', password: 'e2e-admin-password' };

/** What the init script keeps on the page's window. */
interface Counted {
  wrRenders: number;
}

describe('<welcome-ruhr-services> on a city site, against the portal’s directory', () => {
  let server: RunningServer;
  let site: HostSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: Request[];

  beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    await api(server, '/services/demo', { method: 'POST', token: await signIn(server, ADMIN) });
    site = await new HostSite().start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    requests = [];
    page.on('request', (request) => requests.push(request));
    // Counts the widget's wr-render events (one per answer shown), from the first moment of every document.
    await page.addInitScript(() => {
      const counted = window as unknown as Counted;
      counted.wrRenders = 0;
      document.addEventListener('wr-render', () => counted.wrRenders++);
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  const names = () => page.locator('welcome-ruhr-services [part=list] > li h3').allTextContents();
  const renders = () => page.evaluate(() => (window as unknown as Counted).wrRenders);

  /**
   * Waits until the widget has shown more than `before` answers (its wr-render event comes after the list
   * and the status are replaced), so that what the page shows next is the new answer, never the old list.
   */
  async function renderedAfter(before: number): Promise<void> {
    try {
      await page.waitForFunction((n) => (window as unknown as Counted).wrRenders > n, before);
    } catch (error) {
      const status = await page.locator('welcome-ruhr-services [part=status]').textContent({ timeout: 1_000 }).catch(() => null);
      throw new Error(`the widget showed no new answer (its status: ${JSON.stringify(status)}): ${String(error)}`);
    }
  }

  /** Shows the widget on a page of the city's site and waits until it shows its first answer. */
  async function open(path: string, widget: string, options: { lang?: string; dir?: string } = {}): Promise<void> {
    site.page(path, cityPage(server.url, widget, { ...options, script: 'services.js' }));
    await page.goto(site.url(path));
    await renderedAfter(0);
  }

  /** Submits the search form and waits until the widget shows the portal's answer to it. */
  async function search(fields: { q?: string; category?: string; languages?: string }, button: string): Promise<void> {
    const form = page.locator('welcome-ruhr-services [part=search]');
    if (fields.q !== undefined) await form.locator('[name=q]').fill(fields.q);
    if (fields.category !== undefined) await form.locator('[name=category]').selectOption(fields.category);
    if (fields.languages !== undefined) await form.locator('[name=languages]').selectOption(fields.languages);
    const before = await renders();
    const answered = page.waitForResponse((r) => r.url().includes('/api/public/services?'));
    await form.getByRole('button', { name: button }).click();
    await answered;
    await renderedAfter(before);
  }

  it('lists the city’s entries, searches German text with stemming, filters by language spoken, and passes axe', async () => {
    await open('/essen', '<welcome-ruhr-services city="essen"></welcome-ruhr-services>');
    expect((await names()).sort()).toEqual([
      'Beispiel: Ausländerbehörde Essen (Demo)',
      'Beispiel: Bürgerbüro Essen (Demo)',
      'Beispiel: Sprachschule am Markt (Demo)',
      'Beispiel: Welcome Center Essen (Demo)',
    ]);
    expect(await page.getByRole('region', { name: 'Welcome Ruhr – Anlaufstellen' }).count()).toBe(1);
    expect(await page.getByRole('search').count()).toBe(1);
    expect(describeViolations(await axeViolations(page))).toBe('');

    // "Anmeldungen" is not in the text; its stem is ("Anmeldung und Ummeldung der Wohnung").
    await search({ q: 'Anmeldungen' }, 'Suchen');
    expect(await names()).toEqual(['Beispiel: Bürgerbüro Essen (Demo)']);
    const entry = page.locator('welcome-ruhr-services [part=list] > li').first();
    expect(await entry.locator('[part=address]').textContent()).toBe('Beispielstraße 1, 45127 Essen');
    expect(await entry.locator('[part=today]').textContent()).toMatch(/^Heute: (\d\d:\d\d–\d\d:\d\d(, \d\d:\d\d–\d\d:\d\d)?|geschlossen)$/);
    expect(await entry.getByRole('link', { name: /Termin vereinbaren/ }).getAttribute('href')).toBe('https://example.org/demo/buergerbuero-essen/termin');

    // Arabic is spoken at the foreigners' office and the language school.
    await search({ q: '', languages: 'ar' }, 'Suchen');
    expect((await names()).sort()).toEqual(['Beispiel: Ausländerbehörde Essen (Demo)', 'Beispiel: Sprachschule am Markt (Demo)']);
    const sent = requests.map((r) => r.url()).filter((u) => u.includes('/api/public/services?'));
    expect(new URL(sent[sent.length - 1] ?? server.url).searchParams.get('languages')).toBe('ar');

    // Nothing matches: the widget says so in German.
    await search({ q: 'Zahnarzt', languages: '' }, 'Suchen');
    await page.locator('welcome-ruhr-services [part=status]', { hasText: 'Keine Anlaufstellen gefunden.' }).waitFor();
    expect(await page.locator('welcome-ruhr-services [part=list] > li').count()).toBe(0);

    const elsewhere = requests.filter((r) => !r.url().startsWith(`${server.url}/`) && !r.url().startsWith(site.origin));
    expect(elsewhere.map((r) => r.url())).toEqual([]);
  });

  it('searches English text with English stemming and filters by category, on an English page', async () => {
    await open('/en', '<welcome-ruhr-services city="essen"></welcome-ruhr-services>', { lang: 'en' });
    // "course" matches "courses" only through the English stemmer.
    await search({ q: 'course' }, 'Search');
    expect(await names()).toEqual(['Beispiel: Sprachschule am Markt (Demo)']);

    await search({ q: '', category: 'foreigners-office' }, 'Search');
    expect(await names()).toEqual(['Beispiel: Ausländerbehörde Essen (Demo)']);
  });

  it('is right to left on an Arabic page, with Arabic texts, and passes axe', async () => {
    await open('/ar', '<welcome-ruhr-services city="bochum"></welcome-ruhr-services>', { lang: 'ar', dir: 'rtl' });
    const region = page.locator('welcome-ruhr-services section');
    expect(await region.getAttribute('dir')).toBe('rtl');
    expect(await region.getAttribute('lang')).toBe('ar');
    expect(await names()).toHaveLength(3);
    const languageFiles = requests.map((r) => r.url()).filter((u) => u.includes('/widgets/i18n/'));
    expect(languageFiles).toEqual([`${server.url}/widgets/i18n/ar.json`]);
    // The first entry starts at the right edge of the list.
    const list = await page.locator('welcome-ruhr-services [part=list]').boundingBox();
    const first = await page.locator('welcome-ruhr-services [part=list] > li').first().boundingBox();
    expect(list && first && Math.abs(first.x + first.width - (list.x + list.width))).toBeLessThan(2);
    expect(describeViolations(await axeViolations(page))).toBe('');
  });
});
