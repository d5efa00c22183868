import type { WidgetLanguage } from '@welcome-ruhr/contracts';
import { getJson } from './api';

/** Kept equal to WIDGET_LANGUAGES of the contracts (a spec checks); copied so the bundle carries no contracts code. */
export const LANGUAGES: readonly WidgetLanguage[] = ['de', 'en', 'tr', 'ar', 'uk', 'pl', 'ru', 'ro', 'bg', 'it', 'el', 'fa'];
const RTL = ['ar', 'fa'];

/** The widget's own texts: one JSON file per language in widgets/src/i18n. */
export interface Texts {
  heading: string;
  loading: string;
  empty: string;
  error: string;
  retry: string;
  more: string;
  /** "{n}" is replaced by the number, formatted for the language. */
  moreLoaded: string;
  newTab: string;
  previous: string;
  next: string;
  pause: string;
  play: string;
  carousel: string;
}

/** "de-DE" → "de"; anything the widget has no texts for → undefined. */
export function supportedLanguage(tag: string | null | undefined): WidgetLanguage | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] as WidgetLanguage;
  return LANGUAGES.includes(primary) ? primary : undefined;
}

/**
 * The language of the widget's texts, HTML's way: the element's own `lang`, else the preset's choice,
 * else the closest ancestor with `lang` (up to `<html lang>`). The first one given decides; a language
 * without texts falls back to German.
 */
export function resolveLanguage(element: Element, presetLanguage?: string | null): WidgetLanguage {
  const candidates = [
    element.getAttribute('lang'),
    presetLanguage,
    element.parentElement?.closest('[lang]')?.getAttribute('lang'),
    element.ownerDocument.documentElement.getAttribute('lang'),
  ];
  const given = candidates.find((c) => c && c.trim());
  return supportedLanguage(given) ?? 'de';
}

export const directionOf = (language: string): 'rtl' | 'ltr' => (RTL.includes(language) ? 'rtl' : 'ltr');

/** "{n}" and the like, with numbers in the language's digits. */
export function format(template: string, language: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? new Intl.NumberFormat(language).format(values[key]) : match,
  );
}

const loaded = new Map<string, Promise<{ language: WidgetLanguage; texts: Texts }>>();

/** Fetched once per page and language (kept in memory only); German when the file cannot be had. */
export function loadTexts(origin: string, language: WidgetLanguage): Promise<{ language: WidgetLanguage; texts: Texts }> {
  let texts = loaded.get(language);
  if (!texts) {
    texts = getJson<Texts>(`${origin}/widgets/i18n/${language}.json`).then(
      ({ body }) => ({ language, texts: body }),
      (error: unknown) => {
        loaded.delete(language);
        if (language !== 'de') return loadTexts(origin, 'de');
        throw error;
      },
    );
    loaded.set(language, texts);
  }
  return texts;
}
