/**
 * The languages offered first in pickers and filters: the languages of the Ruhr area's largest
 * communities. Items may carry any ISO 639-1 code; others are shown by their code's name too.
 */
export const COMMON_LANGUAGES: readonly string[] = [
  'de',
  'en',
  'tr',
  'ar',
  'uk',
  'ru',
  'pl',
  'ro',
  'bg',
  'it',
  'el',
  'fa',
  'ku',
  'sq',
  'sr',
  'hr',
  'bs',
  'es',
  'fr',
];

/** The name of a language (ISO 639-1) in the dashboard's language: "Türkisch" / "Turkish". */
export function languageName(code: string, displayLanguage: string): string {
  try {
    return new Intl.DisplayNames([displayLanguage], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "de, en , TR" → ["de", "en", "tr"]: codes separated by commas or spaces, lower case, each once. */
export function parseLanguageList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
