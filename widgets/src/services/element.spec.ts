/** @jest-environment jsdom */
import type { PublicServiceDto, PublicServiceListDto } from '@welcome-ruhr/contracts';
import { fakePortal, ORIGIN, settle } from '../shared/fake-portal';
import { WelcomeRuhrServices } from './element';

const service = (n: number, extra: Partial<PublicServiceDto> = {}): PublicServiceDto => ({
  id: `s${n}`,
  category: { slug: 'foreigners-office', label: 'Ausländerbehörde' },
  city: 'bochum',
  name: `Amt ${n}`,
  address: 'Hauptstr. 1, 44787 Bochum',
  location: null,
  openingHours: { weekly: [{ day: 'thu', opens: '08:00', closes: '12:00' }], notes: { de: 'Nur mit Termin' } },
  phone: '+49 234 910-0',
  email: 'amt@bochum.example',
  website: 'https://bochum.example/amt',
  appointmentUrl: 'javascript:alert(1)',
  languages: ['de', 'uk'],
  description: 'Beschreibung',
  descriptionLanguage: 'de',
  demo: false,
  ...extra,
});

let pages: Map<string, PublicServiceListDto>;
let portal: ReturnType<typeof fakePortal>;

beforeAll(() => {
  WelcomeRuhrServices.origin = ORIGIN;
  customElements.define('welcome-ruhr-services', WelcomeRuhrServices);
});

beforeEach(() => {
  pages = new Map([['', { items: [service(1)], nextCursor: 'c2' }], ['c2', { items: [service(2)], nextCursor: null }]]);
  portal = fakePortal((url) => {
    if (url.pathname === '/api/public/service-categories')
      return { status: 200, body: [{ slug: 'foreigners-office', labels: { de: 'Ausländerbehörde', en: 'Foreigners office' }, position: 1 }, { slug: 'recognition', labels: { de: 'Anerkennung' }, position: 2 }] };
    if (url.pathname === '/api/public/services') return { status: 200, body: pages.get(url.searchParams.get('cursor') ?? '') };
    return undefined;
  });
  document.body.innerHTML = '';
});

async function mount(attributes: string): Promise<{ element: WelcomeRuhrServices; root: ShadowRoot }> {
  document.body.innerHTML = `<welcome-ruhr-services ${attributes}></welcome-ruhr-services>`;
  const element = document.querySelector('welcome-ruhr-services') as WelcomeRuhrServices;
  element.now = () => new Date('2026-11-26T10:00:00Z'); // a Thursday
  await new Promise((r) => element.addEventListener('wr-render', r, { once: true }));
  return { element, root: element.shadowRoot! };
}

const serviceRequests = () => portal.requests.filter((r) => r.url.includes('/api/public/services?')).map((r) => r.url);

describe('<welcome-ruhr-services>', () => {
  it('renders name, address, today’s hours, languages and safe links, with the filters preselected', async () => {
    const { root } = await mount('city="bochum" category="foreigners-office"');
    expect(serviceRequests()).toEqual([`${ORIGIN}/api/public/services?city=bochum&category=foreigners-office&lang=de&limit=10`]);
    expect((root.querySelector('select[name=category]') as HTMLSelectElement).value).toBe('foreigners-office');
    expect(root.querySelector('form[role=search] label')!.textContent).toBe('Suchen');
    const li = root.querySelector('[part=list] > li')!;
    expect(li.querySelector('h3')!.textContent).toBe('Amt 1');
    expect(li.querySelector('[part=address]')!.textContent).toBe('Hauptstr. 1, 44787 Bochum');
    expect(li.querySelector('[part=today]')!.textContent).toBe('Heute: 08:00–12:00');
    expect(li.querySelector('details li')!.textContent).toBe('Donnerstag 08:00–12:00');
    expect(li.textContent).toContain('Nur mit Termin');
    expect(li.textContent).toContain('Sprachen: Deutsch, Ukrainisch');
    const hrefs = Array.from(li.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['tel:+492349100', 'mailto:amt@bochum.example', 'https://bochum.example/amt']);
    const website = li.querySelector('a[href^=https]') as HTMLAnchorElement;
    expect(website.rel).toBe('noopener noreferrer');
    for (const { init } of portal.requests) expect(init).toMatchObject({ credentials: 'omit' });
  });

  it('searches with text, category and spoken language, and pages with the cursor', async () => {
    const { element, root } = await mount('city="bochum" lang="en"');
    expect(root.querySelector('select[name=category] option[value=foreigners-office]')!.textContent).toBe('Foreigners office');
    (root.querySelector('[part=more]') as HTMLButtonElement).click();
    await new Promise((r) => element.addEventListener('wr-render', r, { once: true }));
    expect(serviceRequests()[1]).toBe(`${ORIGIN}/api/public/services?city=bochum&lang=en&limit=10&cursor=c2`);
    expect(root.querySelectorAll('[part=list] > li')).toHaveLength(2);
    expect((root.querySelector('[part=more]')!.parentElement as HTMLElement).hidden).toBe(true);

    (root.querySelector('input[name=q]') as HTMLInputElement).value = ' visa ';
    (root.querySelector('select[name=category]') as HTMLSelectElement).value = 'recognition';
    (root.querySelector('select[name=languages]') as HTMLSelectElement).value = 'uk';
    pages.set('', { items: [], nextCursor: null });
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(5);
    expect(serviceRequests()[2]).toBe(`${ORIGIN}/api/public/services?city=bochum&category=recognition&languages=uk&q=visa&lang=en&limit=10`);
    expect(root.querySelector('[role=status]')!.textContent).toBe('No services found.');
  });

  it('is right to left in Persian', async () => {
    const { root } = await mount('lang="fa"');
    expect(root.querySelector('section')!.dir).toBe('rtl');
    expect(root.querySelector('[part=today]')!.textContent).toContain('امروز');
  });
});
