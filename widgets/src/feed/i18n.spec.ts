/** @jest-environment jsdom */
/// <reference types="node" />
import { WIDGET_LANGUAGES } from '@welcome-ruhr/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directionOf, format, LANGUAGES, loadTexts, resolveLanguage, supportedLanguage } from './i18n';

const I18N_DIR = join(__dirname, '..', 'i18n');
const read = (file: string) => JSON.parse(readFileSync(join(I18N_DIR, file), 'utf8')) as Record<string, string>;

describe('language files', () => {
  const german = read('de.json');

  it('exist for exactly the widget languages of the contracts', () => {
    expect([...LANGUAGES]).toEqual([...WIDGET_LANGUAGES]);
    expect(readdirSync(I18N_DIR).sort()).toEqual(WIDGET_LANGUAGES.map((l) => `${l}.json`).sort());
  });

  it.each(WIDGET_LANGUAGES.map((l) => [l]))('%s has every text, none empty, with the same placeholders as German', (language) => {
    const texts = read(`${language}.json`);
    expect(Object.keys(texts).sort()).toEqual(Object.keys(german).sort());
    for (const [key, value] of Object.entries(texts)) {
      expect(value.trim()).not.toBe('');
      expect(value.match(/\{\w+\}/g)).toEqual(german[key].match(/\{\w+\}/g));
    }
  });
});

describe('supportedLanguage', () => {
  it.each([
    ['de-DE', 'de'],
    ['AR_eg', 'ar'],
    [' uk ', 'uk'],
    ['fa-IR', 'fa'],
    ['fr', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %p as %p', (tag, expected) => {
    expect(supportedLanguage(tag)).toBe(expected);
  });
});

describe('resolveLanguage', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    document.body.innerHTML = '';
  });

  function widgetIn(html: string): Element {
    document.body.innerHTML = html;
    return document.querySelector('welcome-ruhr-feed')!;
  }

  it('takes the element’s own lang first, then the preset’s, then the closest ancestor’s, then <html lang>', () => {
    document.documentElement.lang = 'tr';
    expect(resolveLanguage(widgetIn('<div lang="ar"><welcome-ruhr-feed lang="uk"></welcome-ruhr-feed></div>'), 'pl')).toBe('uk');
    expect(resolveLanguage(widgetIn('<div lang="ar"><welcome-ruhr-feed></welcome-ruhr-feed></div>'), 'pl')).toBe('pl');
    expect(resolveLanguage(widgetIn('<div lang="ar-SY"><p><welcome-ruhr-feed></welcome-ruhr-feed></p></div>'))).toBe('ar');
    expect(resolveLanguage(widgetIn('<welcome-ruhr-feed></welcome-ruhr-feed>'))).toBe('tr');
  });

  it('falls back to German without any lang, or when the first one given has no texts', () => {
    expect(resolveLanguage(widgetIn('<welcome-ruhr-feed></welcome-ruhr-feed>'))).toBe('de');
    document.documentElement.lang = 'en';
    expect(resolveLanguage(widgetIn('<div lang="fr"><welcome-ruhr-feed></welcome-ruhr-feed></div>'))).toBe('de');
  });
});

describe('directionOf and format', () => {
  it('writes Arabic and Persian right to left, the others left to right', () => {
    expect(WIDGET_LANGUAGES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar', 'fa']);
  });

  it('fills placeholders with numbers in the language’s digits and leaves unknown ones', () => {
    expect(format('Weitere: {n}', 'de', { n: 1200 })).toBe('Weitere: 1.200');
    expect(format('المزيد: {n}', 'ar-EG', { n: 12 })).toBe('المزيد: ١٢');
    expect(format('{n} {x}', 'en', { n: 3 })).toBe('3 {x}');
  });
});

describe('loadTexts', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock;
  });

  const ok = (body: unknown) => ({ ok: true, status: 200, text: async () => JSON.stringify(body) });

  it('fetches the one language file from the portal, without cookies or referrer, once per page', async () => {
    fetchMock.mockResolvedValue(ok({ heading: 'Haberler' }));
    const first = await loadTexts('https://portal.example', 'tr');
    await loadTexts('https://portal.example', 'tr');
    expect(first).toEqual({ language: 'tr', texts: { heading: 'Haberler' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(
      'https://portal.example/widgets/i18n/tr.json',
      expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }),
    );
  });

  it('falls back to German when a language file cannot be loaded', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith('/el.json') ? { ok: false, status: 404 } : ok({ heading: 'Aktuelles' })));
    await expect(loadTexts('https://portal.example', 'el')).resolves.toEqual({ language: 'de', texts: { heading: 'Aktuelles' } });
  });
});
