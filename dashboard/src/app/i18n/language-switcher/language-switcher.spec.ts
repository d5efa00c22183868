import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { getButton } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { LanguageService } from '../language.service';
import { LanguageSwitcher } from './language-switcher';

describe('LanguageSwitcher', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [LanguageSwitcher], providers: [provideTestTranslations('de')] });
    await TestBed.inject(LanguageService).init();
  });

  it('offers each language in its own name and marks the current one', async () => {
    const fixture = TestBed.createComponent(LanguageSwitcher);
    fixture.detectChanges();
    const root: HTMLElement = fixture.nativeElement;

    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Sprache');
    const english = getButton(root, 'English');
    expect(english.getAttribute('lang')).toBe('en');
    expect(getButton(root, 'Deutsch').getAttribute('aria-pressed')).toBe('true');
    expect(english.getAttribute('aria-pressed')).toBe('false');

    english.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(TranslateService).instant('shell.signOut')).toBe('Sign out');
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Language');
  });

  it('offers all five languages, each named in itself, and switches to Arabic right to left', async () => {
    const fixture = TestBed.createComponent(LanguageSwitcher);
    fixture.detectChanges();
    const root: HTMLElement = fixture.nativeElement;
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.map((b) => [b.textContent?.trim(), b.getAttribute('lang')])).toEqual([
      ['Deutsch', 'de'],
      ['English', 'en'],
      ['Türkçe', 'tr'],
      ['العربية', 'ar'],
      ['Українська', 'uk'],
    ]);
    getButton(root, 'العربية').click();
    await fixture.whenStable();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    document.documentElement.dir = 'ltr';
  });
});
