import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { cityPage, HostSite } from './support/host-site';
import { startSeededPortal, type Seed, type SeedItem } from './support/seeded-portal';
import type { RunningServer } from './support/server';

/**
 * <welcome-ruhr-feed> on a city site: the built portal with seeded items, a page on another origin
 * that embeds it with two lines, and Debian's Chromium.
 */

// A real 1×1 PNG; the third-party image host serves it, the browser must only ever get it through the portal.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const HOUR = 3600_000;
const ADMIN = { email: 'admin@example.org', password: 'e2e-admin-password' };

const LANGUAGES_OF_ESSEN = ['de', 'tr', 'de', 'ar', 'en', 'de', 'tr', 'de', 'ar', 'de', 'en', 'de', 'tr', 'de', 'ar', 'de', 'tr', 'de', 'en', 'de'];
const TOPICS = ['work', 'housing', 'study'];

function seed(imageHost: string): Seed {
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const essen: SeedItem[] = LANGUAGES_OF_ESSEN.map((language, i) => ({
    source: i % 5 === 4 ? 1 : 0,
    title: `E${i + 1} ${language} ${TOPICS[i % 3]}`,
    summary: `Zusammenfassung ${i + 1}`,
    html: `<p>Inhalt <strong>${i + 1}</strong> mit <a href="https://www.essen.de/info/${i + 1}">Link</a></p>`,
    url: `https://www.essen.de/news/${i + 1}`,
    imageUrl: `${imageHost}/images/${i + 1}.png`,
    publishedAt: at(i + 1),
    language,
    cities: ['essen'],
    topics: [TOPICS[i % 3]],
  }));
  const hostile: SeedItem = {
    source: 2,
    title: '<img src=x onerror="window.__pwned=1">Feindlich',
    summary: '<script>window.__pwned=2</script>',
    html:
      '<p>Text<img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>' +
      '<a href="javascript:window.__pwned=5">Klick</a><a href="https://ok.example/" onclick="window.__pwned=6">OK</a></p>' +
      '<svg onload="window.__pwned=7"></svg><iframe src="javascript:window.__pwned=8"></iframe><style>*{display:none}</style>',
    url: 'javascript:window.__pwned=9',
    imageUrl: 'javascript:window.__pwned=10',
    publishedAt: at(0.5),
    language: 'de',
    cities: ['herne'],
    topics: ['work'],
  };
  const bochum: SeedItem[] = [1, 2, 3].map((n) => ({
    source: 3,
    title: `B${n} Bochum`,
    summary: `Bochum ${n}`,
    url: `https://www.bochum.de/news/${n}`,
    publishedAt: at(n),
    language: 'de',
    cities: ['bochum'],
    topics: ['study'],
  }));
  return {
    sources: [
      { name: 'Stadt Essen – Integrationsbüro', kind: 'city', cities: ['essen'] },
      { name: 'Ayşe Yılmaz', kind: 'ambassador', cities: ['essen'] },
      { name: 'Feindliche Quelle', kind: 'partner', cities: ['herne'] },
      { name: 'Bochum Welcome Center', kind: 'city', cities: ['bochum'] },
    ],
    items: [...essen, hostile, ...bochum],
  };
}

describe('<welcome-ruhr-feed> embedded on another origin', () => {
  let portal: RunningServer;
  let site: HostSite;
  let imageHost: HostSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: Request[];

  beforeAll(async () => {
    imageHost = await new HostSite().start();
    for (let i = 1; i <= 20; i++) imageHost.file(`/images/${i}.png`, 'image/png', PNG);
    site = await new HostSite().start();
    portal = await startSeededPortal(seed(imageHost.origin), {
      FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await site?.stop();
    await imageHost?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    requests = [];
    page.on('request', (request) => requests.push(request));
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Serves `widget` in a city page on the site and waits until the widget shows items (or its status). */
  async function open(path: string, widget: string, options: Parameters<typeof cityPage>[2] = {}): Promise<void> {
    site.page(path, cityPage(portal.url, widget, options));
    await page.goto(site.url(path));
    // The region is busy (and its status says "loading") until the first page or the error is shown.
    await page.locator('welcome-ruhr-feed section:not([aria-busy])').waitFor();
  }

  const titles = () => page.locator('welcome-ruhr-feed li h3').allTextContents();
  const titleCodes = async () => (await titles()).map((t) => t.split(' ')[0]);

  async function expectNoAxeViolations(): Promise<void> {
    expect(describeViolations(await axeViolations(page))).toBe('');
  }

  function expectOnlyPortalRequests(): void {
    const elsewhere = requests.filter((r) => !r.url().startsWith(`${portal.url}/`) && !(r.resourceType() === 'document' && r.url().startsWith(site.origin)));
    expect(elsewhere.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([]);
  }

  /** Waits until `read()` gives `expected` (carousel scrolling is animated). */
  async function poll<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value === expected) return;
      if (Date.now() > deadline) throw new Error(`expected ${String(expected)}, still ${String(value)} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('gets image addresses of the portal’s proxy from the public feed, never the images’ own hosts', async () => {
    const feed = (await (await fetch(`${portal.url}/api/public/feed?city=essen&limit=3`)).json()) as { items: { imageUrl: string | null }[] };
    // The public feed passes each item's image through ImageUrlSigner.sign (backend/src/images).
    for (const item of feed.items) expect(item.imageUrl).toMatch(/^\/api\/public\/images\/[\w-]+\/[\w-]+$/);
  });

  it('shows the newest items of its city in German, with source, date, image through the portal and links out', async () => {
    await open('/de', '<welcome-ruhr-feed city="essen" limit="12"></welcome-ruhr-feed>');

    const region = page.locator('welcome-ruhr-feed section[aria-labelledby]');
    expect(await region.getAttribute('lang')).toBe('de');
    expect(await page.getByRole('region', { name: 'Welcome Ruhr – Aktuelles' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Welcome Ruhr – Aktuelles' }).count()).toBe(1);
    expect(await page.getByRole('list').locator('li').count()).toBe(12);
    expect(await titleCodes()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11', 'E12']);

    const first = page.locator('welcome-ruhr-feed li').first();
    expect(await first.locator('[part=source]').textContent()).toBe('Stadt Essen – Integrationsbüro');
    expect(await first.locator('time').textContent()).toBe('vor 1 Stunde');
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

    const link = first.getByRole('link', { name: 'E1 de work (öffnet in einem neuen Tab)' });
    expect(await link.getAttribute('href')).toBe('https://www.essen.de/news/1');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await first.locator('[part=content]').innerHTML()).toContain('<strong>1</strong>');

    const image = first.locator('img');
    expect(await image.getAttribute('alt')).toBe('');
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^${portal.url}/api/public/images/[\\w-]+/[\\w-]+\\?w=160$`));
    await page.waitForFunction(() => {
      const img = document.querySelector('welcome-ruhr-feed')!.shadowRoot!.querySelector('img');
      return img !== null && img.complete && img.naturalWidth === 1;
    });
    expectOnlyPortalRequests();
  });

  it('shows the exact date on hover and on keyboard focus, and hides it with Escape', async () => {
    await open('/tooltip', '<welcome-ruhr-feed city="essen" limit="3"></welcome-ruhr-feed>');
    const time = page.locator('welcome-ruhr-feed li').first().locator('time');
    const tip = page.locator('welcome-ruhr-feed li').first().locator('[role=tooltip]');
    expect(await tip.isVisible()).toBe(false);

    await time.hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^\d{1,2}\. \S+ \d{4} um \d{2}:\d{2}$/);
    await page.mouse.move(0, 0);

    await time.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await time.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
  });

  it('passes axe (WCAG 2.1 A and AA) in German, light and dark', async () => {
    await open('/axe-de', '<welcome-ruhr-feed city="essen"></welcome-ruhr-feed>');
    await expectNoAxeViolations();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations();
  });

  it('speaks Arabic right to left when the page is Arabic, in every layout, and passes axe', async () => {
    for (const layout of ['list', 'grid', 'carousel']) {
      requests = [];
      await open(`/ar-${layout}`, `<welcome-ruhr-feed city="essen" layout="${layout}" limit="6"></welcome-ruhr-feed>`, { lang: 'ar', dir: 'rtl', title: 'مرحبًا في إيسن' });
      const region = page.locator('welcome-ruhr-feed section');
      expect(await region.getAttribute('dir')).toBe('rtl');
      expect(await region.getAttribute('lang')).toBe('ar');
      expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Welcome Ruhr – الأخبار');
      const languageFiles = requests.map((r) => r.url()).filter((u) => u.includes('/widgets/i18n/'));
      expect(languageFiles).toEqual([`${portal.url}/widgets/i18n/ar.json`]);

      // Right to left: the first item starts at the right edge; in the list the image stands right of the text.
      const box = (await page.locator('welcome-ruhr-feed ul').boundingBox())!;
      const first = (await page.locator('welcome-ruhr-feed li').first().boundingBox())!;
      expect(Math.abs(first.x + first.width - (box.x + box.width))).toBeLessThan(2);
      if (layout === 'list') {
        const image = (await page.locator('welcome-ruhr-feed li').first().locator('img').boundingBox())!;
        const title = (await page.locator('welcome-ruhr-feed li').first().locator('h3').boundingBox())!;
        expect(image.x).toBeGreaterThan(title.x);
      }
      await expectNoAxeViolations();
    }
  });

  it('filters by content language, topic, kind and city', async () => {
    await open('/tr', '<welcome-ruhr-feed city="essen" languages="tr"></welcome-ruhr-feed>');
    expect(await titleCodes()).toEqual(['E2', 'E7', 'E13', 'E17']);
    expect(await page.locator('welcome-ruhr-feed li h3 [lang=tr]').count()).toBe(4);

    await page.locator('welcome-ruhr-feed').evaluate((element) => {
      element.removeAttribute('languages');
      element.setAttribute('topics', 'housing');
    });
    await page.waitForFunction(() => document.querySelector('welcome-ruhr-feed')!.shadowRoot!.querySelectorAll('li').length === 7);
    expect((await titles()).every((t) => t.includes('housing'))).toBe(true);

    await open('/ambassador', '<welcome-ruhr-feed city="essen" kind="ambassador"></welcome-ruhr-feed>');
    expect(await titleCodes()).toEqual(['E5', 'E10', 'E15', 'E20']);
    expect(await page.locator('welcome-ruhr-feed li [part=source]').first().textContent()).toBe('Ayşe Yılmaz');

    await open('/bochum', '<welcome-ruhr-feed city="bochum"></welcome-ruhr-feed>');
    expect(await titleCodes()).toEqual(['B1', 'B2', 'B3']);
    expect(await page.locator('welcome-ruhr-feed [part=more]').isVisible()).toBe(false);
  });

  it('pages with "show more" and moves the keyboard focus to the first new item', async () => {
    await open('/paging', '<welcome-ruhr-feed city="essen" limit="12"></welcome-ruhr-feed>');
    const more = page.getByRole('button', { name: 'Mehr anzeigen' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('welcome-ruhr-feed')!.shadowRoot!.querySelectorAll('li').length === 20);

    expect((await titleCodes()).slice(10)).toEqual(['E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E18', 'E19', 'E20']);
    expect(await more.isVisible()).toBe(false);
    expect(await page.locator('welcome-ruhr-feed [role=status]').textContent()).toBe('Weitere Beiträge geladen: 8');
    const focused = await page.evaluate(() => document.querySelector('welcome-ruhr-feed')!.shadowRoot!.activeElement?.textContent);
    expect(focused).toBe('E13 tr work (öffnet in einem neuen Tab)');
    expect(requests.some((r) => r.url().includes('/api/public/feed?') && r.url().includes('cursor='))).toBe(true);
  });

  it('refreshes every few minutes, and an unchanged feed costs a 304', async () => {
    // The statuses as they came over the network: to the page, a revalidated 304 looks like the cached 200.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // The network service may report a response's raw status before the page reports its request, so the two
    // are joined by request id when read, not when they arrive.
    const requestOrder: string[] = [];
    const urls = new Map<string, string>();
    const rawStatuses = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => {
      requestOrder.push(e.requestId);
      urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => rawStatuses.set(e.requestId, e.statusCode));
    const feedStatuses = () =>
      requestOrder.filter((id) => urls.get(id)?.includes('/api/public/feed?') && rawStatuses.has(id)).map((id) => rawStatuses.get(id)!);
    await page.clock.install();
    await open('/refresh', '<welcome-ruhr-feed city="essen" limit="5"></welcome-ruhr-feed>');
    const before = await page.locator('welcome-ruhr-feed li').first().elementHandle();

    const refresh = page.waitForResponse((r) => r.url().includes('/api/public/feed?'));
    await page.clock.runFor(5 * 60 * 1000 + 1000);
    const response = await refresh;
    const sent = await response.request().allHeaders();

    expect(sent['if-none-match']).toMatch(/^"/);
    expect((await response.request().sizes()).responseBodySize).toBe(0);
    await poll(async () => feedStatuses().length, 2, 15_000);
    expect(feedStatuses()).toEqual([200, 304]);
    expect(await page.locator('welcome-ruhr-feed li').count()).toBe(5);
    // Nothing changed, so the entries are the same DOM nodes (focus and scroll stay).
    expect(await page.evaluate((li) => li!.isConnected, before)).toBe(true);
  });

  it('runs its carousel by keyboard, with a pause button, and never moves on its own under reduced motion', async () => {
    await page.clock.install();
    await open('/carousel', '<welcome-ruhr-feed city="essen" layout="carousel" limit="8"></welcome-ruhr-feed>');
    const list = page.locator('welcome-ruhr-feed ul');
    const scrolled = () => list.evaluate((ul) => Math.round(ul.scrollLeft));
    const firstVisible = () =>
      list.evaluate((ul) => {
        const left = ul.getBoundingClientRect().left;
        return Array.from(ul.children).findIndex((li) => Math.abs(li.getBoundingClientRect().left - left) < 4);
      });
    expect(await page.locator('welcome-ruhr-feed section').getAttribute('aria-roledescription')).toBe('Karussell');

    // On its own after a few seconds…
    await page.clock.runFor(7500);
    await page.waitForFunction(() => document.querySelector('welcome-ruhr-feed')!.shadowRoot!.querySelector('ul')!.scrollLeft > 0);
    await poll(firstVisible, 1);

    // …by keyboard: Tab reaches previous, pause and next.
    const pause = page.getByRole('button', { name: 'Automatisches Weiterblättern anhalten' });
    await page.getByRole('button', { name: 'Vorheriger Beitrag' }).focus();
    await page.keyboard.press('Tab');
    expect(await pause.evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Automatisches Weiterblättern starten' }).count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(firstVisible, 2);
    await page.keyboard.press('ArrowLeft');
    await poll(firstVisible, 1);

    // Paused: it stays.
    await page.mouse.move(0, 0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const position = await scrolled();
    await page.clock.runFor(30_000);
    expect(await scrolled()).toBe(position);

    // Reduced motion: no pause button, because nothing ever moves by itself.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open('/carousel-calm', '<welcome-ruhr-feed city="essen" layout="carousel" limit="8"></welcome-ruhr-feed>');
    expect(await page.locator('welcome-ruhr-feed [part=controls] button').count()).toBe(2);
    await page.clock.runFor(60_000);
    expect(await scrolled()).toBe(0);
    await page.getByRole('button', { name: 'Nächster Beitrag' }).click();
    await poll(firstVisible, 1);
  });

  it('never runs hostile item content and sends nothing anywhere but the portal', async () => {
    await open('/hostile', '<welcome-ruhr-feed city="herne"></welcome-ruhr-feed>');
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const item = page.locator('welcome-ruhr-feed li').first();
    expect(await item.locator('h3').textContent()).toBe('<img src=x onerror="window.__pwned=1">Feindlich');
    expect(await item.locator('h3 a').count()).toBe(0);
    expect(await item.locator('img, script, svg, iframe, style').count()).toBe(0);
    expect(await item.locator('[part=content]').innerHTML()).toBe(
      '<p>TextKlick<a href="https://ok.example/" target="_blank" rel="noopener noreferrer">OK <span class="vh">(öffnet in einem neuen Tab)</span></a></p>',
    );
    await item.getByText('Klick').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expectOnlyPortalRequests();
  });

  it('sets no cookie and stores nothing in the visitor’s browser', async () => {
    await open('/privacy', '<welcome-ruhr-feed city="essen" layout="grid"></welcome-ruhr-feed>');
    await page.locator('welcome-ruhr-feed [part=more]').click();
    await page.waitForFunction(() => document.querySelector('welcome-ruhr-feed')!.shadowRoot!.querySelectorAll('li').length === 20);

    expect(await context.cookies()).toEqual([]);
    expect(await context.cookies(portal.url)).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: 0 });
    // The script tag itself is the city site's (its referrer policy applies); everything the widget asks is its own.
    for (const request of requests.filter((r) => r.url().startsWith(portal.url) && !r.url().endsWith('/widgets/feed.js'))) {
      const headers = await request.allHeaders();
      expect(headers['cookie']).toBeUndefined();
      expect(headers['referer']).toBeUndefined();
    }
    expectOnlyPortalRequests();
  });

  it('works under a city site’s strict Content-Security-Policy that allows only the portal', async () => {
    const csp = `default-src 'none'; script-src ${portal.url}; connect-src ${portal.url}; img-src ${portal.url}; style-src 'self'`;
    site.page('/strict', cityPage(portal.url, '<welcome-ruhr-feed city="essen" limit="3"></welcome-ruhr-feed>'), { 'Content-Security-Policy': csp });
    const violations: string[] = [];
    page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    await page.goto(site.url('/strict'));
    await page.locator('welcome-ruhr-feed li').first().waitFor();
    expect(await page.locator('welcome-ruhr-feed li').count()).toBe(3);
    // The shadow root's styles apply (constructed stylesheet, no inline <style>): the list has no bullets.
    expect(await page.locator('welcome-ruhr-feed ul').evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
    expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
  });

  it('takes its configuration from a preset saved in the dashboard', async () => {
    const login = await fetch(`${portal.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${portal.url}/api/widget-presets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ city: 'essen', name: 'Türkisch, Raster', attributes: { languages: ['tr'], layout: 'grid', lang: 'tr', colors: { accent: '#8a1c1c' } } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await open('/preset', `<welcome-ruhr-feed preset="${id}"></welcome-ruhr-feed>`);
    expect(await titleCodes()).toEqual(['E2', 'E7', 'E13', 'E17']);
    const region = page.locator('welcome-ruhr-feed section');
    expect(await region.getAttribute('class')).toContain('grid');
    expect(await region.getAttribute('lang')).toBe('tr');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Welcome Ruhr – Haberler');
    await expectNoAxeViolations();
  });

  it('offers an iframe for sites without scripts, which any site may frame and which sizes itself', async () => {
    site.page(
      '/iframe',
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Iframe</title></head><body><main>
<iframe src="${portal.url}/embed/feed?city=essen&limit=4&lang=ar" title="Welcome Ruhr" style="width:100%;border:0"></iframe>
<script type="module" src="${portal.url}/widgets/embed-host.js"></script></main></body></html>`,
    );
    await page.goto(site.url('/iframe'));
    const frame = page.frameLocator('iframe');
    await frame.locator('welcome-ruhr-feed li').first().waitFor();
    expect(await frame.locator('welcome-ruhr-feed li').count()).toBe(4);
    expect(await frame.locator('welcome-ruhr-feed section').getAttribute('dir')).toBe('rtl');

    // embed-host.js sets the iframe's height to what the page inside reports.
    await page.waitForFunction(() => document.querySelector('iframe')!.getBoundingClientRect().height > 300);
    const heights = await page.evaluate(() => ({ iframe: document.querySelector('iframe')!.getBoundingClientRect().height }));
    const inner = await frame.locator('html').evaluate((html) => html.getBoundingClientRect().height);
    expect(Math.abs(heights.iframe - Math.ceil(inner))).toBeLessThanOrEqual(1);
    expectOnlyPortalRequests();
  });
});
