import type { ChannelDto, ContactRequestListDto, PostDto, Role, SourceDto, UserDto } from '@welcome-ruhr/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, signIn as signInApi } from './support/api';
import { axeViolations, describeViolations, launchBrowser } from './support/browser';
import { HostSite } from './support/host-site';
import { startServer, type RunningServer } from './support/server';

/**
 * Every page of the dashboard, for every role, in German and in Arabic (right to left; ambassadors also in
 * English, Turkish and Ukrainian), with its editors and main dialogs open, against axe's WCAG 2.1 A and AA
 * rules — with realistic content seeded through the API (queues, lists, requests, posts), not only empty states.
 * A failure names the role, the language and the page.
 */

const ADMIN = { email: 'admin@example.org', password: 'e2e-admin-password' };
const MODERATOR = { email: 'merve.demir@essen.de', password: 'moderator-password-1', name: 'Merve Demir' };
const AMBASSADOR = { email: 'amal.haddad@private-mail.test', password: 'ambassador-password-1', name: 'أمل حداد' };
// The e2e project loads no runtime code of the contracts library; the roles are spelled out here.
const ROLES: readonly Role[] = ['admin', 'moderator', 'ambassador'];
const ACCOUNTS: Record<Role, { email: string; password: string }> = { admin: ADMIN, moderator: MODERATOR, ambassador: AMBASSADOR };

/**
 * After German (the default) the dashboard is switched to these, in this order. Arabic for everyone (right
 * to left); ambassadors use the dashboard in every language it has.
 */
const OTHER_LANGUAGES: Record<Role, string[]> = { admin: ['ar'], moderator: ['ar'], ambassador: ['ar', 'en', 'tr', 'uk'] };

/** Generous: the machine is shared and a page may wait for several API calls. */
const WAIT_MS = 45_000;
/**
 * A test awaits its step, which runs after the role's earlier steps (they start together in beforeAll):
 * under load a whole language's walk may take minutes.
 */
const STEP_TIMEOUT_MS = 300_000;

const I18N = join(__dirname, '../../dashboard/public/i18n');

/** Every "… is loading" text of a language: a page showing one of them has not finished loading. */
function loadingTexts(language: string): string[] {
  const texts: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && /loading/i.test(key)) texts.push(value);
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>);
    }
  };
  walk(JSON.parse(readFileSync(join(I18N, `${language}.json`), 'utf8')));
  return texts;
}

function rss(channel: string, items: { title: string; description: string; link: string; hoursAgo: number }[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><link>${item.link}</link><guid>${item.link}</guid>
<description>${item.description}</description><pubDate>${new Date(Date.now() - item.hoursAgo * 3_600_000).toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${channel}</title><link>https://example.org/</link><description>${channel}</description>
${entries}</channel></rss>`;
}

const HELD_FEED = rss('Integrationsrat Essen', [
  { title: 'Sprachcafé im Welcome Point Essen', description: 'Jeden Dienstag üben Neuzugewanderte Deutsch mit Ehrenamtlichen. Der Eintritt ist frei.', link: 'https://integrationsrat.example/sprachcafe', hoursAgo: 2 },
  { title: 'Wohnungsbesichtigung: Tipps für Neuzugewanderte', description: 'Welche Unterlagen Vermieter in Essen verlangen und wo die Schufa-Auskunft kostenlos ist.', link: 'https://integrationsrat.example/wohnung', hoursAgo: 5 },
  { title: 'دورة لغة ألمانية مجانية في إيسن', description: 'تبدأ دورة اللغة الألمانية الجديدة في مركز المدينة يوم الاثنين. التسجيل مجاني.', link: 'https://integrationsrat.example/kurs-ar', hoursAgo: 8 },
]);

const TRUSTED_FEED = rss('Stadt Essen', [
  { title: 'Bürgeramt Essen: neue Termine für Aufenthaltstitel', description: 'Ab Montag vergibt das Bürgeramt zusätzliche Termine für elektronische Aufenthaltstitel.', link: 'https://stadt-essen.example/termine', hoursAgo: 1 },
  { title: 'Welcome Day an der Universität Duisburg-Essen', description: 'Internationale Studierende lernen Campus, Beratung und Hochschulsport kennen.', link: 'https://stadt-essen.example/welcome-day', hoursAgo: 26 },
]);

interface Seeded {
  sourceId: string;
  /** A newcomer's question to the portal of Essen (moderators and admins answer it). */
  portalRequestId: string;
  pendingPostId: string;
  requestId: string;
}

/** Everything through the real API, as the people who use the dashboard would create it. */
async function seed(server: RunningServer, site: HostSite): Promise<Seeded> {
  const admin = await signInApi(server, ADMIN);
  await api<UserDto>(server, '/users', { method: 'POST', token: admin, body: { ...MODERATOR, role: 'moderator', cities: ['essen'] } });
  const ambassadorUser = await api<UserDto>(server, '/users', { method: 'POST', token: admin, body: { ...AMBASSADOR, role: 'ambassador', cities: ['essen'] } });
  await api(server, '/invitations', { method: 'POST', token: admin, body: { email: 'jonas.becker@bochum.de', name: 'Jonas Becker', role: 'moderator', cities: ['bochum'] } });

  const held = await api<SourceDto>(server, '/sources', {
    method: 'POST',
    token: admin,
    body: { type: 'rss', url: site.url('/held.xml'), name: 'Integrationsrat Essen', kind: 'partner', cities: ['essen'], languages: ['de', 'ar'] },
  });
  const trusted = await api<SourceDto>(server, '/sources', {
    method: 'POST',
    token: admin,
    body: { type: 'rss', url: site.url('/trusted.xml'), name: 'Stadt Essen', kind: 'city', cities: ['essen'], autoApprove: true },
  });
  for (const source of [held, trusted]) {
    const fetched = await api<SourceDto>(server, `/sources/${source.id}/fetch`, { method: 'POST', token: admin });
    if (fetched.lastFetch?.outcome !== 'ok') throw new Error(`fetching ${source.name} failed: ${fetched.lastError}`);
  }
  await api(server, '/moderation/blocked-phrases', { method: 'POST', token: admin, body: { phrase: 'Kredit ohne Schufa', language: 'de' } });
  await api(server, '/moderation/blocked-phrases', { method: 'POST', token: admin, body: { phrase: 'casino' } });
  await api(server, '/services/demo', { method: 'POST', token: admin });
  await api(server, '/widget-presets', {
    method: 'POST',
    token: admin,
    body: { city: 'essen', name: 'Startseite Essen', attributes: { layout: 'grid', limit: 6, topics: ['work', 'housing'], lang: 'de' } },
  });

  const ambassador = await signInApi(server, AMBASSADOR);
  await api(server, '/ambassadors/me', {
    method: 'PUT',
    token: ambassador,
    body: {
      displayName: AMBASSADOR.name,
      city: 'essen',
      languages: ['ar', 'de', 'en'],
      community: 'Syrischer Kulturverein Essen',
      bio: { de: 'Ich kam 2016 aus Aleppo nach Essen und helfe bei Behörden und Wohnungssuche.', ar: 'جئت من حلب إلى إيسن عام 2016 وأساعد في المعاملات الرسمية والبحث عن سكن.' },
      visible: true,
    },
  });
  const channel = await api<ChannelDto>(server, '/channels', { method: 'POST', token: ambassador, body: { type: 'mastodon', instanceUrl: site.origin, accessToken: 'e2e-mastodon-token' } });
  const pending = await api<PostDto>(server, '/posts', {
    method: 'POST',
    token: ambassador,
    body: { text: 'Am Samstag zeige ich neuen Familien den Stadtteil Altendorf. Treffpunkt: Ehrenzeller Platz, 11 Uhr.', channelIds: [channel.id], asSoonAsApproved: true },
  });
  await api<PostDto>(server, '/posts', {
    method: 'POST',
    token: ambassador,
    body: { text: 'مرحباً! سأكون في مقهى اللغة يوم الثلاثاء للمساعدة في ملء الاستمارات.', channelIds: [channel.id], draft: true },
  });

  const newcomer = (body: object) =>
    api(server, '/public/contact-requests', {
      method: 'POST',
      body: { email: 'newcomer@example.org', consent: true, startedAt: Date.now() - 60_000, ...body },
    });
  await newcomer({ ambassadorId: ambassadorUser.ambassadorId, name: 'Yusuf Kaya', language: 'ar', message: 'مرحباً، كيف أسجل ابني في المدرسة في إيسن؟' });
  await newcomer({ city: 'essen', name: 'Olena Kovalenko', language: 'de', message: 'Guten Tag, wo bekomme ich in Essen einen Termin für die Anmeldung?' });
  const [toAmbassador] = (await api<ContactRequestListDto>(server, '/contact-requests', { token: ambassador })).items;
  const [toPortal] = (await api<ContactRequestListDto>(server, '/contact-requests?status=new&city=essen', { token: admin })).items.filter((r) => r.routedTo === 'portal');
  if (!toAmbassador || !toPortal) throw new Error('a request is missing in the inboxes');
  return { sourceId: held.id, portalRequestId: toPortal.id, pendingPostId: pending.id, requestId: toAmbassador.id };
}

/** Something opened or done on a page (an editor, a dialog, a form's errors), checked as a visit of its own. */
interface Opened {
  name: string;
  /** A CSS selector to click, or what to do. */
  act: string | ((page: Page) => Promise<void>);
  /** A CSS selector of what must show then. */
  shows: string;
}

/** One page to check: where it is, and what must show before it counts as loaded. */
interface Visit {
  name: string;
  path: string;
  /** A CSS selector of content the seeded data puts on the page (a list row, not the empty state). */
  content: string;
  open?: Opened[];
}

const DIALOG = 'dialog[open]';
/** Sending a form empty shows its errors: red text and invalid fields must pass too. */
const SUBMIT_EMPTY = (form: string): Opened => ({ name: 'errors of an empty form', act: `${form} button[type="submit"]`, shows: `${form} .field-error` });
const PASSWORD_FORM = 'wr-change-password-form form';

const STAFF_PAGES = (s: Seeded): Visit[] => [
  { name: 'overview', path: '/', content: '.page-links li' },
  {
    name: 'moderation',
    path: '/moderation',
    content: '.queue wr-item-card',
    open: [
      { name: 'reject dialog', act: '.queue wr-item-card .item__actions .button--secondary >> nth=0', shows: DIALOG },
      { name: 'tag editor', act: '.queue [id^="edit-tags-"] >> nth=0', shows: 'wr-item-tags-form form' },
      { name: 'keyboard shortcuts', act: '.page-header .button--quiet', shows: DIALOG },
    ],
  },
  {
    name: 'post review',
    path: '/moderation/posts',
    content: '.card-list article',
    open: [{ name: 'reject dialog', act: '.card-list article .actions .button--secondary >> nth=0', shows: DIALOG }],
  },
  { name: 'blocked phrases', path: '/moderation/rules', content: 'table.data-table tbody tr' },
  {
    name: 'sources',
    path: '/sources',
    content: 'table.sources-table tbody tr',
    open: [
      { name: 'source form', act: `#edit-source-${s.sourceId}`, shows: 'wr-source-form form' },
      { name: 'new source form', act: '#sources-create-button', shows: 'wr-source-form form' },
      { name: 'OPML import', act: '#sources-import-button', shows: 'wr-opml-import form' },
      { name: 'chart', act: `#chart-source-${s.sourceId}`, shows: 'wr-source-chart table, wr-source-chart svg' },
      { name: 'delete confirmation', act: 'table.sources-table tbody tr .button--quiet >> nth=0', shows: DIALOG },
    ],
  },
  { name: 'inbox', path: '/inbox', content: '.card-list li' },
  { name: 'inbox request', path: `/inbox/${s.portalRequestId}`, content: '[data-testid="request-message"]' },
  {
    name: 'widget configurator',
    path: '/widgets',
    content: '#widget-preset option:nth-child(2)',
    open: [
      { name: 'saved preset', act: (page) => page.locator('#widget-preset').selectOption({ index: 1 }).then(() => undefined), shows: '.configurator__form section .button--quiet' },
      {
        name: 'delete confirmation',
        act: async (page) => {
          await page.locator('#widget-preset').selectOption({ index: 1 });
          await page.locator('.configurator__form section .button--quiet').click();
        },
        shows: DIALOG,
      },
    ],
  },
  {
    name: 'services',
    path: '/services',
    content: 'table.data-table tbody tr',
    open: [
      { name: 'service form', act: '[id^="edit-service-"] >> nth=0', shows: 'wr-service-form form' },
      { name: 'CSV import', act: '#services-import-button', shows: 'wr-service-import form' },
      { name: 'delete confirmation', act: 'table.data-table tbody tr .row-actions .button--quiet >> nth=0', shows: DIALOG },
    ],
  },
  { name: 'audit log', path: '/audit', content: 'table.audit-table tbody tr' },
  { name: 'profile and change password', path: '/profile', content: PASSWORD_FORM, open: [SUBMIT_EMPTY(PASSWORD_FORM)] },
];

const ADMIN_PAGES = (s: Seeded): Visit[] => [
  ...STAFF_PAGES(s),
  {
    name: 'service categories',
    path: '/services/categories',
    content: 'table.data-table tbody tr',
    open: [{ name: 'category editor', act: '[id^="edit-category-"] >> nth=0', shows: 'wr-category-form form' }],
  },
  {
    name: 'topics',
    path: '/topics',
    content: 'table.data-table tbody tr',
    open: [
      { name: 'topic editor', act: '[id^="edit-topic-"] >> nth=0', shows: 'wr-topic-form form' },
      { name: 'delete confirmation', act: 'table.data-table tbody tr .button--quiet >> nth=0', shows: DIALOG },
    ],
  },
  {
    name: 'users',
    path: '/users',
    content: 'table.data-table tbody tr',
    open: [
      { name: 'user form', act: '.page-header__actions .button--primary', shows: 'wr-user-form form' },
      { name: 'invitation form', act: '.page-header__actions .button--secondary', shows: 'wr-invite-form form' },
    ],
  },
  { name: 'mail outbox', path: '/mail-outbox', content: 'table.data-table tbody tr' },
  { name: 'privacy', path: '/privacy', content: 'form.card' },
];

const AMBASSADOR_PAGES = (s: Seeded): Visit[] => [
  { name: 'home', path: '/', content: '.card-list li' },
  { name: 'posts', path: '/posts', content: '.post-list li' },
  {
    name: 'post composer',
    path: '/posts/new',
    content: '.channel-choices li',
    open: [{ name: 'feed picker', act: '#composer-share-toggle', shows: '.feed-items li' }],
  },
  {
    name: 'post editor',
    path: `/posts/${s.pendingPostId}/edit`,
    content: '.channel-choices li',
    open: [{ name: 'withdraw confirmation', act: '.composer__withdraw', shows: DIALOG }],
  },
  { name: 'channels', path: '/channels', content: '.card-list li' },
  { name: 'facebook callback without a code', path: '/channels/facebook/callback', content: '.notice--error' },
  { name: 'inbox', path: '/inbox', content: '.card-list li' },
  { name: 'inbox request', path: `/inbox/${s.requestId}`, content: '[data-testid="request-message"]' },
  { name: 'ambassador profile', path: '/ambassador-profile', content: 'form.card' },
  { name: 'profile and change password', path: '/profile', content: PASSWORD_FORM, open: [SUBMIT_EMPTY(PASSWORD_FORM)] },
];

const PAGES: Record<Role, (s: Seeded) => Visit[]> = { admin: ADMIN_PAGES, moderator: STAFF_PAGES, ambassador: AMBASSADOR_PAGES };

/** Loaded: a heading in <main>, nothing busy, no "… is loading" text left. */
async function waitUntilLoaded(page: Page, language: string): Promise<void> {
  await page.waitForFunction(
    (loading) => {
      const main = document.querySelector('main');
      if (!main?.querySelector('h1')) return false;
      if (document.querySelector('[aria-busy="true"]')) return false;
      const text = main.innerText;
      return !loading.some((t) => text.includes(t));
    },
    loadingTexts(language),
    { timeout: WAIT_MS },
  );
}

describe('dashboard accessibility (axe, WCAG 2.1 A and AA) for every role and page', () => {
  let server: RunningServer;
  let site: HostSite;
  let browser: Browser;
  let seeded: Seeded;

  beforeAll(async () => {
    site = await new HostSite().start();
    site.route('/held.xml', (_request, response) => response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(HELD_FEED));
    site.route('/trusted.xml', (_request, response) => response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(TRUSTED_FEED));
    // A Mastodon instance, as far as connecting a channel asks of it.
    site.route('/api/v1/accounts/verify_credentials', (_request, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: '4711', username: 'amal', acct: 'amal', url: `${site.origin}/@amal` })),
    );
    server = await startServer({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      // Nothing timed: the queue stays as seeded, posts stay unpublished.
      SCHEDULER_ENABLED: 'false',
    });
    seeded = await seed(server, site);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.stop();
  });

  /** Runs axe; returns "where: what" lines, empty when the page is clean. */
  async function check(page: Page, where: string): Promise<string[]> {
    const violations = await axeViolations(page);
    return violations.length ? [`${where}:\n${describeViolations(violations)}`] : [];
  }

  /**
   * To the page as the router goes there on "back" (popstate): no new start of the app per page. The page
   * left is marked, so that its content is never taken for the new page's.
   */
  async function open(page: Page, visit: Visit, language: string): Promise<void> {
    const url = `${server.url}${visit.path}`;
    // Within one section (/inbox and /inbox/:id are one route, whose page stays) a fresh load instead.
    const section = (path: string) => path.split('/')[1];
    const inApp = section(new URL(page.url()).pathname) !== section(visit.path) && (await page.locator('wr-shell main').count()) > 0;
    if (inApp) {
      await page.evaluate((path) => {
        document.querySelectorAll('main > :not(router-outlet)').forEach((left) => left.setAttribute('data-a11y-left', ''));
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, visit.path);
      await page.waitForFunction(() => !document.querySelector('[data-a11y-left]'), undefined, { timeout: WAIT_MS });
    } else {
      await page.goto(url);
    }
    await waitUntilLoaded(page, language);
    await page.locator(visit.content).first().waitFor({ state: 'attached', timeout: WAIT_MS });
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
  }

  async function visitAll(page: Page, role: Role, language: string): Promise<string[]> {
    const problems: string[] = [];
    for (const visit of PAGES[role](seeded)) {
      const where = `${role} ${language} ${visit.name} (${visit.path})`;
      try {
        await open(page, visit, language);
        problems.push(...(await check(page, where)));
        // Each editor or dialog on a freshly loaded page: none of them depends on another being closed.
        for (const [index, opened] of (visit.open ?? []).entries()) {
          if (index > 0) await open(page, visit, language);
          if (typeof opened.act === 'string') await page.locator(opened.act).click();
          else await opened.act(page);
          await page.locator(opened.shows).first().waitFor({ timeout: WAIT_MS });
          await waitUntilLoaded(page, language);
          problems.push(...(await check(page, `${where} > ${opened.name}`)));
        }
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
    }
    return problems;
  }

  /**
   * One role's walk through the dashboard in its own browser context: sign in, every page in each language,
   * sign out. Each step's problems as a promise, for its test to await.
   */
  function walk(role: Role): Map<string, Promise<string[]>> {
    const languages = OTHER_LANGUAGES[role];
    let page: Page;
    const steps: [string, () => Promise<string[]>][] = [
      [
        'sign-in',
        async () => {
          // bypassCSP only so that axe can be injected (dashboard.e2e.spec.ts checks the real CSP).
          const context: BrowserContext = await browser.newContext({ bypassCSP: true });
          page = await context.newPage();
          page.setDefaultTimeout(WAIT_MS);
          await page.goto(`${server.url}/login`);
          await page.getByLabel('E-Mail').waitFor();
          const problems = await check(page, `${role} de sign-in page`);
          await page.getByLabel('E-Mail').fill(ACCOUNTS[role].email);
          await page.getByLabel('Passwort').fill(ACCOUNTS[role].password);
          await page.getByRole('button', { name: 'Anmelden' }).click();
          await page.getByTestId('nav-overview').waitFor();
          return problems;
        },
      ],
      ['de', () => visitAll(page, role, 'de')],
      ...languages.map((language): [string, () => Promise<string[]>] => [
        language,
        async () => {
          await page.locator(`wr-language-switcher button[lang="${language}"]`).click();
          await page.waitForFunction((code) => document.documentElement.lang === code, language);
          return visitAll(page, role, language);
        },
      ]),
      [
        'sign-out',
        async () => {
          const language = languages.at(-1) ?? 'de';
          await page.locator('.shell-header .account > button').click();
          await page.locator('wr-login-page form').waitFor();
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          return check(page, `${role} ${language} sign-in page`);
        },
      ],
    ];
    const results = new Map<string, Promise<string[]>>();
    let previous: Promise<unknown> = Promise.resolve();
    for (const [name, step] of steps) {
      const result = previous.then(step);
      // Awaited by its test later; until then a failure must not count as unhandled.
      result.catch(() => undefined);
      results.set(name, result);
      previous = result;
    }
    return results;
  }

  // The three roles walk at the same time (one browser, a context each): the run takes as long as the longest.
  const walks = new Map<Role, Map<string, Promise<string[]>>>();
  beforeAll(() => {
    for (const role of ROLES) walks.set(role, walk(role));
  });

  async function problemsOf(role: Role, step: string): Promise<string> {
    const result = walks.get(role)?.get(step);
    if (!result) throw new Error(`no step ${step} for ${role}`);
    return (await result).join('\n\n');
  }

  describe.each(ROLES)('%s', (role) => {
    it('signs in through the sign-in page (German)', async () => {
      expect(await problemsOf(role, 'sign-in')).toBe('');
    }, STEP_TIMEOUT_MS);

    it('every page in German', async () => {
      expect(await problemsOf(role, 'de')).toBe('');
    }, STEP_TIMEOUT_MS);

    it.each(OTHER_LANGUAGES[role])('every page in %s', async (language) => {
      expect(await problemsOf(role, language)).toBe('');
    }, STEP_TIMEOUT_MS);

    it('signs out; the sign-in page keeps the language', async () => {
      expect(await problemsOf(role, 'sign-out')).toBe('');
    }, STEP_TIMEOUT_MS);
  });
});
