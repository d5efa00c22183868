import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Provider } from '@angular/core';
import { provideTranslateService, TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, of } from 'rxjs';

export const I18N_DIR = join(__dirname, '..', '..', 'public', 'i18n');

export function readTranslations(lang: string): TranslationObject {
  return JSON.parse(readFileSync(join(I18N_DIR, `${lang}.json`), 'utf8'));
}

/** Serves the real translation files without HTTP, so component tests read the real German texts. */
class FileLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(readTranslations(lang));
  }
}

export function provideTestTranslations(lang = 'de'): Provider[] {
  return provideTranslateService({ lang, fallbackLang: lang, loader: { provide: TranslateLoader, useClass: FileLoader } });
}
