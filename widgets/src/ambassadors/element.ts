import type { PrivacyNoticeDto, PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import { getJson } from '../feed/api';
import { apiUrl } from '../shared/portal-origin';
import { applyStyles, directionOf, h, languageName, list, pick, texts, type AllTexts } from '../shared/ui';
import { contactForm } from './contact-form';

const ATTRIBUTES = ['city', 'languages', 'lang'];

/** Only a photo the portal itself serves is shown. */
export function photoUrl(origin: string, ambassador: PublicAmbassadorDto): string | null {
  if (!ambassador.photoUrl) return null;
  try {
    const url = new URL(ambassador.photoUrl, origin);
    return url.origin === origin && url.pathname.startsWith('/api/public/ambassadors/') ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The list address: the API filters by one language; more than one is filtered here. */
export function ambassadorsUrl(origin: string, city: string | null, languages: string[]): string {
  return apiUrl(origin, '/api/public/ambassadors', { city, lang: languages.length === 1 ? languages[0] : undefined });
}

/**
 * `<welcome-ruhr-ambassadors>`: the visible ambassadors of a city with an "ask me" form.
 *
 * @attr city - city slug, e.g. `dortmund`
 * @attr languages - only ambassadors speaking one of these (ISO 639-1, comma separated)
 * @attr lang - language of the widget's texts; inherited from the page when absent
 * @fires wr-render - after the cards were rendered; `detail.count`
 */
export class WelcomeRuhrAmbassadors extends HTMLElement {
  static origin = '';
  static get observedAttributes(): string[] {
    return ATTRIBUTES;
  }

  private readonly shadow = this.attachShadow({ mode: 'open' });
  private generation = 0;

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
    const origin = WelcomeRuhrAmbassadors.origin;
    const wanted = list(this.getAttribute('languages'));
    const people = getJson<PublicAmbassadorDto[]>(ambassadorsUrl(origin, this.getAttribute('city'), wanted));
    people.catch(() => undefined);
    let language: string;
    let t: AllTexts;
    try {
      ({ language, t } = await texts(origin, this));
    } catch {
      return;
    }
    if (generation !== this.generation) return;
    const doc = this.ownerDocument;
    const status = h(doc, 'p', { role: 'status', part: 'status' }, t.loading);
    const ul = h(doc, 'ul', { role: 'list', part: 'list', class: 'grid' });
    const region = h(
      doc,
      'section',
      { class: 'r grid auto', 'aria-labelledby': 'h', lang: language, dir: directionOf(language), part: 'region' },
      h(doc, 'h2', { id: 'h', part: 'heading' }, t['ambHeading']),
      ul,
      status,
    );
    this.shadow.replaceChildren(...Array.from(this.shadow.querySelectorAll('style')), region);
    let items: PublicAmbassadorDto[];
    try {
      items = (await people).body.filter((a) => !wanted.length || a.languages.some((l) => wanted.includes(l)));
    } catch {
      if (generation === this.generation) status.textContent = t.error;
      return;
    }
    if (generation !== this.generation) return;
    for (const a of items) ul.append(this.card(a, origin, language, t));
    ul.hidden = !items.length;
    status.textContent = items.length ? '' : t['ambEmpty'];
    this.dispatchEvent(new CustomEvent('wr-render', { bubbles: true, composed: true, detail: { count: items.length } }));
  }

  private card(a: PublicAmbassadorDto, origin: string, language: string, t: AllTexts): HTMLLIElement {
    const doc = this.ownerDocument;
    const photo = photoUrl(origin, a);
    const bio = pick(a.bio, language);
    const ask = h(doc, 'button', { type: 'button', part: 'ask', 'aria-expanded': 'false' }, t['ambAsk']);
    const li = h(
      doc,
      'li',
      { class: 'card', part: 'item', 'data-id': a.id },
      photo && h(doc, 'img', { src: photo, alt: '', width: '96', height: '96', loading: 'lazy', decoding: 'async', part: 'image' }),
      h(doc, 'h3', {}, a.displayName),
      h(
        doc,
        'p',
        { class: 'm', part: 'meta' },
        `${t['ambSpeaks']}: ${a.languages.map((l) => languageName(l, language)).join(', ')}`,
      ),
      (a.city || a.community) && h(doc, 'p', { class: 'm', part: 'meta' }, [a.city && cityName(a.city), a.community].filter(Boolean).join(' · ')),
      bio && h(doc, 'p', { lang: bio.lang, dir: directionOf(bio.lang), class: 'c', part: 'bio' }, bio.text),
      ask,
    );
    ask.addEventListener('click', () => void this.openForm(li, ask, a, origin, language, t));
    return li;
  }

  private async openForm(li: HTMLLIElement, ask: HTMLButtonElement, a: PublicAmbassadorDto, origin: string, language: string, t: AllTexts): Promise<void> {
    if (li.querySelector('form')) return;
    ask.disabled = true;
    try {
      const notice = (await getJson<PrivacyNoticeDto>(apiUrl(origin, '/api/public/privacy-notice', { lang: language }))).body;
      const form = contactForm(this.ownerDocument, origin, a, language, t, notice, () => {
        form.remove();
        ask.setAttribute('aria-expanded', 'false');
        ask.focus();
      });
      li.append(form);
      ask.setAttribute('aria-expanded', 'true');
      form.querySelector('input')?.focus();
    } catch {
      li.append(h(this.ownerDocument, 'p', { role: 'alert', class: 'err' }, t['formError']));
    } finally {
      ask.disabled = false;
    }
  }
}

/** "muelheim-an-der-ruhr" → "Muelheim An Der Ruhr": readable without a list of names in the bundle. */
const cityName = (slug: string) => slug.replace(/-/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase());
