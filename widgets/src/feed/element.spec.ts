/** @jest-environment jsdom */
/// <reference types="node" />
import type { PublicFeedItem, PublicFeedResponse } from '@welcome-ruhr/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFRESH_MS, WelcomeRuhrFeed } from './element';

const ORIGIN = 'https://portal.example';
const texts = (language: string) => readFileSync(join(__dirname, '..', 'i18n', `${language}.json`), 'utf8');

function item(n: number, fields: Partial<PublicFeedItem> = {}): PublicFeedItem {
  return {
    id: `item-${n}`,
    title: `Titel ${n}`,
    summary: `Zusammenfassung ${n}`,
    html: `<p>Inhalt ${n}</p>`,
    url: `https://essen.example/news/${n}`,
    imageUrl: `/api/public/images/sig${n}/enc${n}`,
    publishedAt: new Date(Date.now() - n * 3600_000).toISOString(),
    language: 'de',
    topics: ['work'],
    cities: ['essen'],
    pinned: false,
    source: { name: `Quelle ${n}`, type: 'rss', kind: 'partner' },
    ...fields,
  };
}

/** A fake portal: feed pages by cursor, language files, presets; records every request. */
class FakePortal {
  pages = new Map<string, PublicFeedResponse>();
  requests: { url: string; init: RequestInit }[] = [];
  failFeed = false;
  presets: Record<string, unknown> = {};

  readonly fetch = jest.fn(async (url: string, init: RequestInit) => {
    this.requests.push({ url, init });
    const { pathname, searchParams } = new URL(url);
    const respond = (status: number, body?: string) => ({ ok: status < 400, status, text: async () => body ?? '' });
    if (pathname.startsWith('/widgets/i18n/')) return respond(200, texts(pathname.slice('/widgets/i18n/'.length, -'.json'.length)));
    if (pathname.startsWith('/api/public/widget-presets/')) {
      const preset = this.presets[pathname.split('/').pop()!];
      return preset ? respond(200, JSON.stringify(preset)) : respond(404);
    }
    if (pathname === '/api/public/feed') {
      if (this.failFeed) return respond(500);
      return respond(200, JSON.stringify(this.pages.get(searchParams.get('cursor') ?? '') ?? { items: [], nextCursor: null }));
    }
    return respond(404);
  });

  feedRequests() {
    return this.requests.filter((r) => r.url.includes('/api/public/feed'));
  }
}

let portal: FakePortal;

beforeAll(() => {
  WelcomeRuhrFeed.origin = ORIGIN;
  customElements.define('welcome-ruhr-feed', WelcomeRuhrFeed);
});

beforeEach(() => {
  portal = new FakePortal();
  globalThis.fetch = portal.fetch as unknown as typeof fetch;
  document.documentElement.removeAttribute('lang');
  document.body.innerHTML = '';
});

afterEach(() => {
  document.body.innerHTML = '';
  jest.useRealTimers();
});

async function mount(attributes: string, wrapper = (html: string) => html): Promise<{ element: WelcomeRuhrFeed; root: ShadowRoot }> {
  const rendered = new Promise<void>((resolve) => document.addEventListener('wr-render', () => resolve(), { once: true }));
  document.body.innerHTML = wrapper(`<welcome-ruhr-feed ${attributes}></welcome-ruhr-feed>`);
  const element = document.querySelector('welcome-ruhr-feed') as WelcomeRuhrFeed;
  await rendered;
  return { element, root: element.shadowRoot! };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('<welcome-ruhr-feed>', () => {
  it('renders a labelled region with a heading and the items as a list', async () => {
    portal.pages.set('', { items: [item(1), item(2)], nextCursor: null });
    const { root } = await mount('city="essen" topics="work" languages="de,tr" kind="partner" limit="2"');

    const region = root.querySelector('section')!;
    const heading = root.querySelector('h2')!;
    expect(region.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(heading.textContent).toBe('Welcome Ruhr – Aktuelles');
    expect(region.lang).toBe('de');
    expect(region.dir).toBe('ltr');
    expect(region.hasAttribute('aria-busy')).toBe(false);
    expect(root.querySelectorAll('ul[role=list] > li')).toHaveLength(2);
    expect(portal.feedRequests()[0].url).toBe(`${ORIGIN}/api/public/feed?city=essen&topic=work&lang=de%2Ctr&kind=partner&limit=2`);
  });

  it('shows source, relative date with the exact date as a tooltip, proxied image, linked title and the allowlisted HTML', async () => {
    portal.pages.set('', { items: [item(3, { html: '<p>Hallo <img src=x onerror="window.hacked=1"><a href="javascript:alert(1)">x</a></p>' })], nextCursor: null });
    const { root } = await mount('city="essen"');
    const li = root.querySelector('li')!;

    expect(li.querySelector('[part=source]')!.textContent).toBe('Quelle 3');
    const time = li.querySelector('time')!;
    expect(time.textContent).toBe('vor 3 Stunden');
    expect(time.getAttribute('tabindex')).toBe('0');
    const tip = root.getElementById(time.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toMatch(/\d{4} um \d{2}:\d{2}$/);

    const img = li.querySelector('img')!;
    expect(img.getAttribute('src')).toMatch(new RegExp(`^${ORIGIN}/api/public/images/sig3/enc3\\?w=\\d+$`));
    expect(img.alt).toBe('');

    const link = li.querySelector('h3 a') as HTMLAnchorElement;
    expect(link.href).toBe('https://essen.example/news/3');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.textContent).toBe('Titel 3 (öffnet in einem neuen Tab)');
    expect(link.querySelector('.vh')!.textContent).toBe('(öffnet in einem neuen Tab)');

    expect(li.querySelector('[part=content]')!.innerHTML).toBe('<p>Hallo x</p>');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('never loads a raw external image and never links a non-web address', async () => {
    portal.pages.set('', {
      items: [item(1, { imageUrl: 'https://scontent.facebook.example/p.jpg', url: 'javascript:alert(1)', title: '<b>bold</b>' })],
      nextCursor: null,
    });
    const { root } = await mount('');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('h3 a')).toBeNull();
    expect(root.querySelector('h3')!.textContent).toBe('<b>bold</b>');
  });

  it('shows the summary as text, not the HTML, in the grid and carousel layouts', async () => {
    portal.pages.set('', { items: [item(1, { summary: '<i>plain</i>' })], nextCursor: null });
    const { root } = await mount('layout="grid"');
    expect(root.querySelector('[part=content]')).toBeNull();
    expect(root.querySelector('[part=summary]')!.textContent).toBe('<i>plain</i>');
  });

  it('pages with the cursor on "show more", announces how many came and moves focus to the first new item', async () => {
    portal.pages.set('', { items: [item(1), item(2)], nextCursor: 'c2' });
    portal.pages.set('c2', { items: [item(3)], nextCursor: null });
    const { root } = await mount('limit="2"');

    const more = root.querySelector('[part=more]') as HTMLButtonElement;
    expect(more.closest('div')!.hidden).toBe(false);
    const rendered = new Promise((r) => root.host.addEventListener('wr-render', r, { once: true }));
    more.click();
    await rendered;
    await settle();

    expect(portal.feedRequests()[1].url).toContain('cursor=c2');
    expect(root.querySelectorAll('li')).toHaveLength(3);
    expect(more.closest('div')!.hidden).toBe(true);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Weitere Beiträge geladen: 1');
    expect(root.activeElement).toBe(root.querySelectorAll('li')[2].querySelector('a'));
  });

  it('says so when there are no items, and offers a retry after an error', async () => {
    const { root } = await mount('city="herne"');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Zurzeit gibt es hier keine Beiträge.');
    expect(root.querySelector('ul')!.hidden).toBe(true);

    portal.failFeed = true;
    document.body.innerHTML = '';
    document.body.innerHTML = '<welcome-ruhr-feed lang="en"></welcome-ruhr-feed>';
    const element = document.querySelector('welcome-ruhr-feed')!;
    await new Promise((r) => setTimeout(r, 20));
    const status = element.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).toContain('The news could not be loaded.');
    expect(element.shadowRoot!.querySelector('section')!.hasAttribute('aria-busy')).toBe(false);

    portal.failFeed = false;
    portal.pages.set('', { items: [item(1)], nextCursor: null });
    const rendered = new Promise((r) => element.addEventListener('wr-render', r, { once: true }));
    (status.querySelector('button') as HTMLButtonElement).click();
    await rendered;
    expect(element.shadowRoot!.querySelectorAll('li')).toHaveLength(1);
  });

  it('speaks the page’s language, right to left in Arabic', async () => {
    portal.pages.set('', { items: [item(1, { language: 'ar', title: 'عنوان' })], nextCursor: null });
    const { root } = await mount('', (html) => `<div lang="ar">${html}</div>`);
    const region = root.querySelector('section')!;
    expect(region.dir).toBe('rtl');
    expect(region.lang).toBe('ar');
    expect(root.querySelector('h2')!.textContent).toBe('Welcome Ruhr – الأخبار');
    expect(root.querySelector('h3 [lang=ar]')!.textContent).toBe('عنوان');
    expect(portal.requests.some((r) => r.url.endsWith('/widgets/i18n/ar.json'))).toBe(true);
    expect(portal.requests.some((r) => r.url.endsWith('/widgets/i18n/de.json'))).toBe(false);
  });

  it('takes filters from its preset, while its own attributes win', async () => {
    portal.presets['p1'] = { id: 'p1', city: 'bochum', attributes: { topics: ['study'], layout: 'grid', lang: 'uk', colors: { accent: '#aa0000' } } };
    portal.pages.set('', { items: [item(1)], nextCursor: null });
    const { root } = await mount('preset="p1" topics="work"');
    expect(portal.feedRequests()[0].url).toBe(`${ORIGIN}/api/public/feed?city=bochum&topic=work&limit=12`);
    const region = root.querySelector('section')!;
    expect(region.classList.contains('grid')).toBe(true);
    expect(region.lang).toBe('uk');
    expect(region.style.getPropertyValue('--wrp-accent')).toBe('#aa0000');
  });

  it('sends every request to the portal only, without cookies or referrer', async () => {
    portal.pages.set('', { items: [item(1)], nextCursor: null });
    await mount('city="essen"');
    expect(portal.requests.length).toBeGreaterThan(0);
    for (const { url, init } of portal.requests) {
      expect(new URL(url).origin).toBe(ORIGIN);
      expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    }
  });

  it('refreshes every few minutes letting the browser revalidate, and leaves the DOM alone when nothing changed', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const items = [item(0), item(1), item(2)];
    portal.pages.set('', { items: items.slice(1), nextCursor: null });
    document.body.innerHTML = '<welcome-ruhr-feed city="essen"></welcome-ruhr-feed>';
    const element = document.querySelector('welcome-ruhr-feed')!;
    const root = element.shadowRoot!;
    await jest.advanceTimersByTimeAsync(10);
    const firstEntry = root.querySelector('li');
    expect(firstEntry).not.toBeNull();

    await jest.advanceTimersByTimeAsync(REFRESH_MS);
    expect(portal.feedRequests()).toHaveLength(2);
    expect(portal.feedRequests()[0].init.cache).toBe('default');
    expect(portal.feedRequests()[1].init.cache).toBe('no-cache');
    expect(root.querySelector('li')).toBe(firstEntry);

    portal.pages.set('', { items, nextCursor: null });
    await jest.advanceTimersByTimeAsync(REFRESH_MS);
    const entries = root.querySelectorAll('li');
    expect(entries).toHaveLength(3);
    expect(entries[0].getAttribute('data-id')).toBe('item-0');
    expect(entries[1]).toBe(firstEntry);
  });

  it('reloads once when several attributes change together', async () => {
    portal.pages.set('', { items: [item(1)], nextCursor: null });
    const { element } = await mount('city="essen"');
    element.setAttribute('city', 'bochum');
    element.setAttribute('topics', 'study');
    await new Promise((r) => setTimeout(r, 20));
    expect(portal.feedRequests().map((r) => r.url)).toEqual([
      `${ORIGIN}/api/public/feed?city=essen&limit=12`,
      `${ORIGIN}/api/public/feed?city=bochum&topic=study&limit=12`,
    ]);
  });
});
