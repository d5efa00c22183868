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
});
