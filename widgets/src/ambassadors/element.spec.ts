/** @jest-environment jsdom */
import type { PrivacyNoticeDto, PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import { fakePortal, ORIGIN, settle } from '../shared/fake-portal';
import { WelcomeRuhrAmbassadors } from './element';

const ambassador = (n: number, extra: Partial<PublicAmbassadorDto> = {}): PublicAmbassadorDto => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  displayName: `Person ${n}`,
  languages: ['tr', 'de'],
  city: 'dortmund',
  community: 'Türkische Gemeinde',
  bio: { de: `Bio ${n} de`, tr: `Bio ${n} tr` },
  photoUrl: `/api/public/ambassadors/00000000-0000-4000-8000-00000000000${n}/photo?v=1`,
  ...extra,
});

const notice: PrivacyNoticeDto = {
  language: 'de',
  version: 'v1',
  title: 'Datenschutzhinweis',
  text: 'Absatz eins.\n\nAbsatz <b>zwei</b>.',
  consentLabel: 'Ich stimme zu.',
  formToken: 'signed-token',
  minFillSeconds: 0,
};
let minFillSeconds: number;

let people: PublicAmbassadorDto[];
let contactAnswer: { status: number; body?: unknown };
let portal: ReturnType<typeof fakePortal>;

beforeAll(() => {
  WelcomeRuhrAmbassadors.origin = ORIGIN;
  customElements.define('welcome-ruhr-ambassadors', WelcomeRuhrAmbassadors);
});

beforeEach(() => {
  people = [ambassador(1), ambassador(2, { languages: ['ar'], bio: { ar: 'سيرة' }, photoUrl: 'https://evil.example/p.jpg' }), ambassador(3, { languages: ['uk'] })];
  contactAnswer = { status: 201, body: { received: true } };
  minFillSeconds = 0;
  portal = fakePortal((url) => {
    if (url.pathname === '/api/public/ambassadors') return { status: 200, body: people };
    if (url.pathname === '/api/public/privacy-notice') return { status: 200, body: { ...notice, minFillSeconds } };
    if (url.pathname === '/api/public/contact-requests') return contactAnswer;
    return undefined;
  });
  document.body.innerHTML = '';
});

afterEach(() => {
  jest.useRealTimers();
});

async function mount(attributes: string): Promise<ShadowRoot> {
  const rendered = new Promise((r) => document.addEventListener('wr-render', r, { once: true }));
  document.body.innerHTML = `<welcome-ruhr-ambassadors ${attributes}></welcome-ruhr-ambassadors>`;
  await rendered;
  return document.querySelector('welcome-ruhr-ambassadors')!.shadowRoot!;
}

async function openForm(root: ShadowRoot): Promise<HTMLFormElement> {
  (root.querySelector('[part=ask]') as HTMLButtonElement).click();
  await settle(5);
  return root.querySelector('form')!;
}

function fill(form: HTMLFormElement, values: Record<string, string | boolean>) {
  for (const [name, value] of Object.entries(values)) {
    const input = form.querySelector(`[name=${name}]`) as HTMLInputElement;
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
  }
}

const contactRequests = () => portal.requests.filter((r) => r.url.endsWith('/api/public/contact-requests'));

describe('<welcome-ruhr-ambassadors>', () => {
  it('renders cards with portal photo, name, spoken languages, city, community and the bio in the visitor’s language', async () => {
    const root = await mount('city="dortmund" languages="tr,ar" lang="tr"');
    expect(portal.requests.find((r) => r.url.includes('/api/public/ambassadors'))!.url).toBe(`${ORIGIN}/api/public/ambassadors?city=dortmund`);
    const cards = root.querySelectorAll('li');
    expect(cards).toHaveLength(2); // the Ukrainian speaker is filtered out
    expect(root.querySelector('section')!.lang).toBe('tr');
    expect(cards[0].querySelector('h3')!.textContent).toBe('Person 1');
    expect(cards[0].querySelector('img')!.getAttribute('src')).toBe(`${ORIGIN}/api/public/ambassadors/00000000-0000-4000-8000-000000000001/photo?v=1`);
    expect(cards[0].textContent).toContain('Türkçe');
    expect(cards[0].textContent).toContain('Dortmund · Türkische Gemeinde');
    expect(cards[0].querySelector('[part=bio]')!.textContent).toBe('Bio 1 tr');
    // A photo elsewhere is not loaded; a bio in another language is marked as such.
    expect(cards[1].querySelector('img')).toBeNull();
    const bio = cards[1].querySelector('[part=bio]') as HTMLElement;
    expect(bio.lang).toBe('ar');
    expect(bio.dir).toBe('rtl');
    for (const { init } of portal.requests) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('asks the API for one language when only one is wanted, and says when there is nobody', async () => {
    people = [];
    const root = await mount('city="herne" languages="uk"');
    expect(portal.requests.find((r) => r.url.includes('/api/public/ambassadors'))!.url).toBe(`${ORIGIN}/api/public/ambassadors?city=herne&lang=uk`);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Zurzeit gibt es hier keine Botschafterinnen und Botschafter.');
  });

  it('opens a labelled form with the privacy notice as text, and checks it before sending', async () => {
    const root = await mount('');
    const form = await openForm(root);
    expect(root.querySelector('[part=ask]')!.getAttribute('aria-expanded')).toBe('true');
    expect(root.getElementById(form.getAttribute('aria-labelledby')!)!.textContent).toBe('Frag mich: Person 1');
    expect(root.activeElement).toBe(form.querySelector('[name=name]'));
    expect(form.querySelector('[part=privacy]')!.querySelectorAll('p')).toHaveLength(2);
    expect(form.querySelector('[part=privacy] b')).toBeNull();
    expect(form.querySelector('[part=privacy]')!.textContent).toContain('Absatz <b>zwei</b>.');
    const honeypot = form.querySelector('[name=website]') as HTMLInputElement;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.closest('[aria-hidden=true]')).not.toBeNull();

    fill(form, { name: 'Ayşe', email: 'not-an-address', message: 'Hallo', consent: false });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(contactRequests()).toHaveLength(0);
    const email = form.querySelector('[name=email]') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('Bitte geben Sie eine gültige E-Mail-Adresse an.');
    const consent = form.querySelector('[name=consent]') as HTMLInputElement;
    expect(root.getElementById(consent.getAttribute('aria-describedby')!)!.textContent).toBe('Bitte stimmen Sie dem Datenschutzhinweis zu.');
    expect(root.activeElement).toBe(email);
  });

  it('sends the ambassador, the language, consent, an empty honeypot and the form token, then says thanks', async () => {
    const root = await mount('lang="ar"');
    const form = await openForm(root);
    fill(form, { name: ' Ali ', email: 'ali@example.org', message: 'سؤال', consent: true });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(5);
    const [request] = contactRequests();
    expect(request.init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(request.init.body as string)).toEqual({
      ambassadorId: people[0].id,
      name: 'Ali',
      email: 'ali@example.org',
      language: 'ar',
      message: 'سؤال',
      consent: true,
      website: '',
      startedAt: 'signed-token',
    });
    expect(root.querySelector('[part=success]')!.textContent).toBe('شكرًا! تم إرسال رسالتك.');
  });

  it('shows a 400’s problem next to its field, and a 429 as "try later"', async () => {
    const root = await mount('lang="en"');
    const form = await openForm(root);
    fill(form, { name: 'A', email: 'a@example.org', message: 'Hi', consent: true });
    contactAnswer = { status: 400, body: { code: 'validation_failed', message: 'x', fields: [{ field: 'email', problem: 'email must be an email' }] } };
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(5);
    const email = form.querySelector('[name=email]') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('Please enter a valid e-mail address.');

    contactAnswer = { status: 429, body: { code: 'rate_limited' } };
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(5);
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    expect(form.querySelector('[role=status]')!.textContent).toBe('Too many requests. Please try again later.');
    expect(root.querySelector('[part=success]')).toBeNull();
  });
  it('waits out the portal’s minimum fill time when a quick person sends at once, saying it is sending', async () => {
    minFillSeconds = 0.4;
    const root = await mount('lang="en"');
    // From here the test decides the time: the form is shown and sent at the same (fake) moment, so the
    // widget has to wait exactly the 400 ms the portal asks for, however slow the machine is.
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    (root.querySelector('[part=ask]') as HTMLButtonElement).click();
    await jest.advanceTimersByTimeAsync(0);
    const form = root.querySelector('form');
    if (!form) throw new Error('the form did not open');
    fill(form, { name: 'Olena', email: 'olena@example.org', message: 'Привіт', consent: true });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await jest.advanceTimersByTimeAsync(0);
    expect(contactRequests()).toHaveLength(0);
    expect(form.querySelector('[role=status]')!.textContent).toBe('Sending …');
    expect((form.querySelector('[type=submit]') as HTMLButtonElement).disabled).toBe(true);

    await jest.advanceTimersByTimeAsync(399);
    expect(contactRequests()).toHaveLength(0);
    expect(root.querySelector('[part=success]')).toBeNull();

    await jest.advanceTimersByTimeAsync(1);
    expect(contactRequests()).toHaveLength(1);
    expect(root.querySelector('[part=success]')).not.toBeNull();
  });
});
