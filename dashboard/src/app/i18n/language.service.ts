import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

export interface Language {
  /** ISO 639-1 code, also the name of the file under /i18n/. */
  code: string;
  dir: 'ltr' | 'rtl';
}

/** The dashboard's languages; German first, it is the default. */
export const LANGUAGES: readonly Language[] = [
  { code: 'de', dir: 'ltr' },
  { code: 'en', dir: 'ltr' },
  { code: 'tr', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
  { code: 'uk', dir: 'ltr' },
];
export const DEFAULT_LANGUAGE = 'de';
export const LANGUAGE_STORAGE_KEY = 'wr.language';

/** Chooses the language of the dashboard's texts, remembers it, and tells the page (`lang`, `dir`). */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly currentCode = signal(DEFAULT_LANGUAGE);

  readonly languages = LANGUAGES;
  readonly current = this.currentCode.asReadonly();

  /** Applies the remembered language, or German. Resolves when its texts are loaded. */
  init(): Promise<void> {
    return this.use(this.stored() ?? DEFAULT_LANGUAGE);
  }

  async use(code: string): Promise<void> {
    const language = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
    this.currentCode.set(language.code);
    this.document.documentElement.lang = language.code;
    this.document.documentElement.dir = language.dir;
    this.remember(language.code);
    try {
      await firstValueFrom(this.translate.use(language.code));
    } catch {
      // The texts could not be loaded; the page shows keys rather than not starting at all.
    }
  }

  private stored(): string | null {
    try {
      const code = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? null;
      return LANGUAGES.some((l) => l.code === code) ? code : null;
    } catch {
      return null; // storage can be blocked (privacy settings); then the default applies
    }
  }

  private remember(code: string): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
    } catch {
      // not remembered, but still applied
    }
  }
}
