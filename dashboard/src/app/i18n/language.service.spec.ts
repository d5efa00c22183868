import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { provideTestTranslations } from '../../testing/i18n';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

describe('LanguageService', () => {
  let html: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideTestTranslations('de')] });
    html = TestBed.inject(DOCUMENT).documentElement;
    html.lang = 'xx';
    html.dir = 'rtl';
  });

  it('starts in German when nothing is remembered', async () => {
    await TestBed.inject(LanguageService).init();
    expect(TestBed.inject(LanguageService).current()).toBe('de');
    expect(html.lang).toBe('de');
    expect(html.dir).toBe('ltr');
    expect(TestBed.inject(TranslateService).instant('login.submit')).toBe('Anmelden');
  });

  it('switches the texts, the page language and direction, and remembers the choice', async () => {
    const language = TestBed.inject(LanguageService);
    await language.init();
    await language.use('en');

    expect(language.current()).toBe('en');
    expect(html.lang).toBe('en');
    expect(html.dir).toBe('ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(TranslateService).instant('login.submit')).toBe('Sign in');
  });

  it('starts in the remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await TestBed.inject(LanguageService).init();
    expect(html.lang).toBe('en');
    expect(TestBed.inject(TranslateService).instant('nav.users')).toBe('Users');
  });

  it('ignores a remembered language it does not offer', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'kl');
    await TestBed.inject(LanguageService).init();
    expect(html.lang).toBe('de');
  });

  it('turns the page right to left for Arabic, and back for Ukrainian', async () => {
    const language = TestBed.inject(LanguageService);
    await language.init();
    await language.use('ar');
    expect(html.lang).toBe('ar');
    expect(html.dir).toBe('rtl');
    expect(TestBed.inject(TranslateService).instant('shell.signOut')).not.toBe('Abmelden');

    await language.use('uk');
    expect(html.lang).toBe('uk');
    expect(html.dir).toBe('ltr');
  });

  it('starts right to left when Arabic is remembered', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ar');
    await TestBed.inject(LanguageService).init();
    expect(html.dir).toBe('rtl');
  });
});
