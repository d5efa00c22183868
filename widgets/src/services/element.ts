import type { PublicServiceDto, PublicServiceListDto, ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { getJson } from '../feed/api';
import { isWebLink } from '../feed/allowlist';
import { LANGUAGES } from '../feed/i18n';
import { apiUrl } from '../shared/portal-origin';
import { applyStyles, directionOf, h, languageName, pick, texts, type AllTexts } from '../shared/ui';
import { todayText, weekLines } from './hours';
import { servicesUrl, type ServicesQuery } from './query';

const ATTRIBUTES = ['city', 'category', 'languages', 'limit', 'lang'];

/**
 * `<welcome-ruhr-services>`: the services directory of a city, searchable, with today's opening hours.
 *
 * @attr city - city slug, e.g. `bochum`
 * @attr category - category preselected, e.g. `foreigners-office`
 * @attr languages - language spoken there preselected (ISO 639-1)
 * @attr limit - results per page (1–50, default 10)
 * @attr lang - language of the widget's texts; inherited from the page when absent
 * @fires wr-render - after results were rendered; `detail.count`
 */
export class WelcomeRuhrServices extends HTMLElement {
  static origin = '';
  static get observedAttributes(): string[] {
    return ATTRIBUTES;
  }

  private readonly shadow = this.attachShadow({ mode: 'open' });
  private generation = 0;
  /** Today, for the opening hours; tests set it. */
  now = () => new Date();

  constructor() {
    super();
    applyStyles(this.shadow);
  }

  connectedCallback(): void {
    void this.load();
  }

  attributeChangedCallback(_n: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.isConnected) void this.load();
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const origin = WelcomeRuhrServices.origin;
    const categories = getJson<ServiceCategoryDto[]>(apiUrl(origin, '/api/public/service-categories')).then((r) => r.body);
    categories.catch(() => undefined);
    let language: string;
    let t: AllTexts;
    try {
      ({ language, t } = await texts(origin, this));
    } catch {
      return;
    }
    if (generation !== this.generation) return;
    const doc = this.ownerDocument;
    const control = (label: string, input: HTMLElement) => h(doc, 'label', {}, label, input);
    const q = h(doc, 'input', { type: 'search', name: 'q', maxlength: '200' });
    const category = h(doc, 'select', { name: 'category' }, h(doc, 'option', { value: '' }, t['svcAll']));
    const spoken = h(doc, 'select', { name: 'languages' }, h(doc, 'option', { value: '' }, t['svcAll']));
    for (const code of LANGUAGES) spoken.append(h(doc, 'option', { value: code }, languageName(code, language)));
    spoken.value = (this.getAttribute('languages') ?? '').split(',')[0].trim().toLowerCase();
    const form = h(
      doc,
      'form',
      { role: 'search', class: 'f', part: 'search' },
      control(t['svcSearch'], q),
      control(t['svcCategory'], category),
      control(t['svcLanguage'], spoken),
      h(doc, 'button', { type: 'submit' }, t['svcSearch']),
    );
    const status = h(doc, 'p', { role: 'status', part: 'status' });
    const ul = h(doc, 'ul', { role: 'list', part: 'list' });
    const moreButton = h(doc, 'button', { type: 'button', part: 'more' }, t.more);
    const more = h(doc, 'div', { class: 'more', hidden: '' }, moreButton);
    const region = h(
      doc,
      'section',
      { class: 'r list auto', 'aria-labelledby': 'h', lang: language, dir: directionOf(language), part: 'region' },
      h(doc, 'h2', { id: 'h', part: 'heading' }, t['svcHeading']),
      form,
      ul,
      status,
      more,
    );
    this.shadow.replaceChildren(...Array.from(this.shadow.querySelectorAll('style')), region);

    const wantedCategory = this.getAttribute('category') ?? '';
    try {
      for (const c of await categories) {
        category.append(h(doc, 'option', { value: c.slug }, pick(c.labels, language)?.text ?? c.slug));
      }
    } catch {
      // Without the list the preset category still filters.
    }
    if (wantedCategory && !Array.from(category.options).some((o) => o.value === wantedCategory)) {
      category.append(h(doc, 'option', { value: wantedCategory }, wantedCategory));
    }
    category.value = wantedCategory;
    if (generation !== this.generation) return;

    let cursor: string | null = null;
    const query = (): ServicesQuery => ({
      city: this.getAttribute('city'),
      category: category.value,
      languages: spoken.value,
      q: q.value,
      lang: language,
      limit: Number(this.getAttribute('limit')) || null,
    });
    let current = query();
    const fetchPage = async (append: boolean) => {
      const mine = this.generation;
      status.textContent = t.loading;
      moreButton.disabled = true;
      try {
        const page = (await getJson<PublicServiceListDto>(servicesUrl(origin, current, append ? cursor : null))).body;
        if (mine !== this.generation) return;
        const items = page.items.map((s) => this.entry(s, language, t));
        if (append) ul.append(...items);
        else ul.replaceChildren(...items);
        cursor = page.nextCursor;
        more.hidden = !cursor;
        ul.hidden = !ul.children.length;
        status.textContent = ul.children.length ? (append ? t.moreLoaded.replace('{n}', new Intl.NumberFormat(language).format(items.length)) : '') : t['svcEmpty'];
        if (append) items[0]?.querySelector<HTMLElement>('h3')?.focus();
        this.dispatchEvent(new CustomEvent('wr-render', { bubbles: true, composed: true, detail: { count: ul.children.length } }));
      } catch {
        if (mine === this.generation) status.textContent = t.error;
      } finally {
        moreButton.disabled = false;
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      current = query();
      void fetchPage(false);
    });
    moreButton.addEventListener('click', () => void fetchPage(true));
    await fetchPage(false);
  }

  private entry(s: PublicServiceDto, language: string, t: AllTexts): HTMLLIElement {
    const doc = this.ownerDocument;
    const link = (href: string, text: string, external: boolean) => {
      const a = h(doc, 'a', { href, part: 'link' }, text);
      if (external) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.append(h(doc, 'span', { class: 'vh' }, ` ${t.newTab}`));
      }
      return a;
    };
    const links = h(doc, 'p', { class: 'links', part: 'links' });
    if (s.phone) links.append(link(`tel:${s.phone.replace(/[^\d+]/g, '')}`, `${t['svcPhone']}: ${s.phone}`, false));
    if (s.email && /^[^\s@]+@[^\s@]+$/.test(s.email)) links.append(link(`mailto:${s.email}`, s.email, false));
    if (isWebLink(s.website)) links.append(link(s.website, t['svcWebsite'], true));
    if (isWebLink(s.appointmentUrl)) links.append(link(s.appointmentUrl, t['svcAppointment'], true));
    const hours = s.openingHours;
    const notes = hours && pick(hours.notes, language);
    const week = hours ? weekLines(hours, language) : [];
    return h(
      doc,
      'li',
      { part: 'item', 'data-id': s.id },
      h(
        doc,
        'div',
        {},
        h(doc, 'h3', { tabindex: '-1' }, s.name),
        h(doc, 'p', { class: 'm', part: 'meta' }, s.category.label),
        s.address && h(doc, 'p', { part: 'address' }, s.address),
        hours && h(doc, 'p', { part: 'today' }, h(doc, 'strong', {}, `${t['svcToday']}: `), todayText(hours, this.now(), t['svcClosed'])),
        week.length > 0 &&
          h(doc, 'details', {}, h(doc, 'summary', {}, t['svcHours']), h(doc, 'ul', { role: 'list', class: 'wk' }, ...week.map(([d, r]) => h(doc, 'li', {}, `${d} ${r}`)))),
        notes && h(doc, 'p', { lang: notes.lang, class: 'm' }, notes.text),
        s.languages.length > 0 && h(doc, 'p', { class: 'm' }, `${t['svcLanguages']}: ${s.languages.map((l) => languageName(l, language)).join(', ')}`),
        s.description && h(doc, 'p', { lang: s.descriptionLanguage ?? '', class: 'c' }, s.description),
        links.childNodes.length > 0 && links,
      ),
    );
  }
}
