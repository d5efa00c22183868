import type { WidgetLanguage } from '@welcome-ruhr/contracts';
import { CSS } from '../feed/styles';
import { directionOf, loadTexts, resolveLanguage, type Texts } from '../feed/i18n';
import { h } from '../feed/dom';

export { h, directionOf, resolveLanguage };

/** The texts of all elements: the feed's plus the keys the ambassadors and services elements use. */
export type AllTexts = Texts & Record<string, string>;

export async function texts(origin: string, element: Element): Promise<{ language: WidgetLanguage; t: AllTexts }> {
  const { language, texts } = await loadTexts(origin, resolveLanguage(element));
  return { language, t: texts as AllTexts };
}

/** No cookies and no referrer travel to the portal. */
export const PRIVATE: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' };

/** "tr" → "Türkisch" in the visitor's language; the code itself when the browser cannot name it. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The text in the visitor's language, else German, else English, else any. */
export function pick(values: Record<string, string> | null | undefined, language: string): { text: string; lang: string } | null {
  if (!values) return null;
  for (const lang of [language, 'de', 'en', ...Object.keys(values)]) {
    if (values[lang]?.trim()) return { text: values[lang], lang };
  }
  return null;
}

/** Comma separated attribute → trimmed, lower-case, non-empty values. */
export const list = (value: string | null): string[] => (value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);

const EXTRA = `
.card{flex-direction:column;border:1px solid var(--l);border-radius:var(--rad);padding:.75rem}
.card img{width:6rem;height:6rem;border-radius:50%}
form{display:grid;gap:.6rem;border-top:1px solid var(--l);padding-top:.75rem;margin-top:.5rem}
label{display:grid;gap:.2rem;font-weight:600}
input,textarea,select{font:inherit;color:var(--t);background:var(--b);border:1px solid var(--m);border-radius:4px;padding:.4rem;min-height:2.75rem}
.ck{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.ck input{min-height:auto;margin-top:.3rem}
.err{color:#b00020;font-weight:400}
.dark .err{color:#ff8a80}
.hp{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.f{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem}
.links{display:flex;flex-wrap:wrap;gap:.4rem 1rem}
`;

let sheet: CSSStyleSheet | undefined;

export function applyStyles(root: ShadowRoot): void {
  const css = CSS + EXTRA;
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
