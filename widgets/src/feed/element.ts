import type { PublicFeedItem, PublicFeedResponse, PublicWidgetPresetDto, WidgetLanguage } from '@welcome-ruhr/contracts';
import { fetchFeed, fetchPreset } from './api';
import { Carousel } from './carousel';
import { h } from './dom';
import { directionOf, format, loadTexts, resolveLanguage, type Texts } from './i18n';
import { feedUrl, presetProperties, resolveConfig, type Attributes, type FeedConfig } from './query';
import { renderItem, updateTime, type RenderContext } from './render';
import { applyStyles } from './styles';

/** Every few minutes; the browser revalidates with If-None-Match, so an unchanged feed costs a 304. */
export const REFRESH_MS = 5 * 60 * 1000;

const ATTRIBUTES = ['city', 'topics', 'languages', 'kind', 'limit', 'layout', 'preset', 'lang', 'theme'];

interface View {
  config: FeedConfig;
  texts: Texts;
  region: HTMLElement;
  status: HTMLElement;
  list: HTMLUListElement;
  more: HTMLElement;
  moreButton: HTMLButtonElement;
  context: RenderContext;
  carousel?: Carousel;
}

/**
 * `<welcome-ruhr-feed>`: approved items of the Welcome Ruhr portal, for embedding on city sites.
 * Talks only to the portal it was loaded from; sets no cookie and stores nothing.
 *
 * @attr city - city slug, e.g. `essen`
 * @attr topics - topic slugs, comma separated
 * @attr languages - content languages (ISO 639-1), comma separated
 * @attr kind - `ambassador`, `partner` or `city`
 * @attr limit - items per page (1–50, default 12)
 * @attr layout - `list` (default), `grid` or `carousel`
 * @attr preset - id of a preset saved in the dashboard
 * @attr lang - language of the widget's own texts; inherited from the page when absent
 * @attr theme - `auto` (default, follows prefers-color-scheme), `light` or `dark`
 * @fires wr-render - after items were rendered; `detail.count` is how many are shown
 * @cssprop --wr-accent, --wr-bg, --wr-text, --wr-muted, --wr-border, --wr-on-accent, --wr-font, --wr-font-size, --wr-radius, --wr-padding
 * @csspart region, heading, status, list, item, image, meta, source, time, title, link, summary, content, more, controls, control
 */
export class WelcomeRuhrFeed extends HTMLElement {
  /** The portal's origin: set from the script's own address by elements/feed.ts. */
  static origin = '';

  static get observedAttributes(): string[] {
    return ATTRIBUTES;
  }

  private readonly shadow: ShadowRoot;
  private generation = 0;
  private scheduled = false;
  private language: WidgetLanguage = 'de';
  private view?: View;
  private items: PublicFeedItem[] = [];
  private cursor: string | null = null;
  private pages = 0;
  private firstPage = '';
  private failed = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private rendered = new Map<string, { json: string; li: HTMLLIElement }>();
  private ids = 0;
  private readonly pageLanguage = new MutationObserver(() => this.schedule());

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    applyStyles(this.shadow);
  }

  connectedCallback(): void {
    // A site that switches <html lang> switches the widget too (unless it has its own lang).
    this.pageLanguage.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.schedule();
  }

  disconnectedCallback(): void {
    this.pageLanguage.disconnect();
    this.generation++;
    this.stopTimers();
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.isConnected) this.schedule();
  }

  /** Several attribute changes in one task cause one reload. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) void this.load();
    });
  }

  private stopTimers(): void {
    clearTimeout(this.refreshTimer);
    this.view?.carousel?.stop();
  }

  private readAttributes(): Attributes {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.stopTimers();
    const origin = WelcomeRuhrFeed.origin;
    const presetId = this.getAttribute('preset');
    let preset: PublicWidgetPresetDto | null = null;
    if (presetId) preset = await fetchPreset(origin, presetId).catch(() => null);
    if (generation !== this.generation) return;

    const config = resolveConfig(this.readAttributes(), preset);
    const wanted = resolveLanguage(this, config.lang);
    // Texts and the first page load side by side.
    const firstPage = fetchFeed(feedUrl(origin, config));
    firstPage.catch(() => undefined);
    let loaded: { language: WidgetLanguage; texts: Texts };
    try {
      loaded = await loadTexts(origin, wanted);
    } catch {
      return; // without texts (not even German) there is nothing to say; the page stays as it was
    }
    if (generation !== this.generation) return;
    this.language = loaded.language;
    const view = this.build(config, loaded.texts);
    this.setStatus(loaded.texts.loading);

    try {
      this.showFirstPage(view, await firstPage);
    } catch {
      if (generation === this.generation) this.showError(view);
    }
    if (generation === this.generation) this.scheduleRefresh(generation);
  }

  private build(config: FeedConfig, texts: Texts): View {
    this.view?.carousel?.stop();
    const doc = this.ownerDocument;
    const heading = h(doc, 'h2', { id: 'h', part: 'heading' }, texts.heading);
    const status = h(doc, 'p', { role: 'status', part: 'status' });
    // role=list: Safari drops the list semantics of a list without bullets.
    const list = h(doc, 'ul', { role: 'list', part: 'list' });
    const moreButton = h(doc, 'button', { type: 'button', part: 'more' }, texts.more);
    moreButton.addEventListener('click', () => void this.loadMore());
    const more = h(doc, 'div', { class: 'more', hidden: '' }, moreButton);
    const region = h(
      doc,
      'section',
      {
        class: `r ${config.layout} ${config.theme}`,
        'aria-labelledby': 'h',
        // Busy until the first page (or the error) is shown; assistive technology waits for it.
        'aria-busy': 'true',
        lang: this.language,
        dir: directionOf(this.language),
        part: 'region',
        ...(config.layout === 'carousel' ? { 'aria-roledescription': texts.carousel } : {}),
      },
      heading,
      list,
      status,
      more,
    );
    for (const [property, value] of presetProperties(config.colors)) region.style.setProperty(property, value);
    // Escape hides an open date tooltip until the pointer or focus moves on (WCAG 1.4.13).
    region.addEventListener('keydown', (e) => e.key === 'Escape' && region.classList.add('notip'));
    for (const type of ['focusin', 'pointerover']) region.addEventListener(type, () => region.classList.remove('notip'));

    const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const carousel = config.layout === 'carousel' ? new Carousel(region, list, texts, reducedMotion) : undefined;
    if (carousel) region.insertBefore(carousel.controls, status);

    this.shadow.replaceChildren(...Array.from(this.shadow.querySelectorAll('style')), region);
    this.rendered.clear();
    this.items = [];
    this.cursor = null;
    this.pages = 0;
    this.firstPage = '';
    this.view = {
      config,
      texts,
      region,
      status,
      list,
      more,
      moreButton,
      carousel,
      context: {
        doc,
        origin: WelcomeRuhrFeed.origin,
        language: this.language,
        texts,
        layout: config.layout,
        now: new Date(),
        pixelRatio: typeof devicePixelRatio === 'number' ? devicePixelRatio : 1,
        nextId: () => `t${++this.ids}`,
      },
    };
    return this.view;
  }

  private setStatus(text: string, announcementOnly = false): void {
    const status = this.view?.status;
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('vh', announcementOnly);
  }

  private showFirstPage(view: View, page: { body: PublicFeedResponse; text: string }): void {
    this.failed = false;
    this.firstPage = page.text;
    this.items = page.body.items;
    this.cursor = page.body.nextCursor;
    this.pages = 1;
    this.renderItems(view);
    this.setStatus(this.items.length === 0 ? view.texts.empty : '');
    view.region.removeAttribute('aria-busy');
  }

  private showError(view: View): void {
    this.failed = true;
    const { status, list, more, texts } = view;
    list.hidden = true;
    more.hidden = true;
    this.setStatus(texts.error + ' ');
    const retry = h(this.ownerDocument, 'button', { type: 'button', part: 'retry' }, texts.retry);
    retry.addEventListener('click', () => void this.load());
    status.append(retry);
    view.region.removeAttribute('aria-busy');
  }

  /** Reuses the entry of every item whose data did not change, so a refresh keeps focus and scroll. */
  private renderItems(view: View): void {
    const { list, more, context } = view;
    context.now = new Date();
    const next = new Map<string, { json: string; li: HTMLLIElement }>();
    this.items.forEach((item, index) => {
      const json = JSON.stringify(item);
      const known = this.rendered.get(item.id);
      const entry = known && known.json === json ? known : { json, li: renderItem(item, context) };
      next.set(item.id, entry);
      if (list.children[index] !== entry.li) list.insertBefore(entry.li, list.children[index] ?? null);
    });
    while (list.children.length > this.items.length) list.lastElementChild?.remove();
    this.rendered = next;
    for (const time of Array.from(list.querySelectorAll('time'))) updateTime(time, context.now, this.language);
    list.hidden = this.items.length === 0;
    more.hidden = !this.cursor;
    this.dispatchEvent(new CustomEvent('wr-render', { bubbles: true, composed: true, detail: { count: this.items.length } }));
  }

  private async loadMore(): Promise<void> {
    const view = this.view;
    if (!view || !this.cursor || view.moreButton.disabled) return;
    const generation = this.generation;
    view.moreButton.disabled = true;
    view.list.setAttribute('aria-busy', 'true');
    this.setStatus(view.texts.loading, true);
    try {
      const page = await fetchFeed(feedUrl(WelcomeRuhrFeed.origin, view.config, this.cursor));
      if (generation !== this.generation) return;
      const known = new Set(this.items.map((i) => i.id));
      const added = page.body.items.filter((i) => !known.has(i.id));
      this.items = [...this.items, ...added];
      this.cursor = page.body.nextCursor;
      this.pages++;
      this.renderItems(view);
      this.setStatus(format(view.texts.moreLoaded, this.language, { n: added.length }), true);
      // Keyboard users continue where the new items begin instead of after them.
      const first = added[0] && this.rendered.get(added[0].id)?.li;
      (first?.querySelector<HTMLElement>('h3 a') ?? first?.querySelector('time'))?.focus();
    } catch {
      if (generation === this.generation) this.setStatus(view.texts.error);
    } finally {
      view.moreButton.disabled = false;
      view.list.removeAttribute('aria-busy');
    }
  }

  private scheduleRefresh(generation: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(generation), REFRESH_MS);
  }

  private async refresh(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    // Hidden tabs ask nothing; the next turn after the tab is shown again does.
    const view = this.view;
    if (view && !this.ownerDocument.hidden) {
      try {
        const page = await fetchFeed(feedUrl(WelcomeRuhrFeed.origin, view.config), true);
        if (generation !== this.generation) return;
        if (page.text === this.firstPage) {
          this.renderItems(view); // only the relative dates move on
        } else if (this.failed || this.pages <= 1) {
          this.showFirstPage(this.failed ? this.build(view.config, view.texts) : view, page);
        } else {
          // More pages are open: new items go on top, the rest stays where the reader is.
          const known = new Set(this.items.map((i) => i.id));
          this.items = [...page.body.items.filter((i) => !known.has(i.id)), ...this.items];
          this.firstPage = page.text;
          this.renderItems(view);
        }
      } catch {
        // A failed refresh keeps what is shown; the next one tries again.
      }
    }
    if (generation === this.generation) this.scheduleRefresh(generation);
  }
}
