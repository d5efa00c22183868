import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BlockedPhraseDto } from '@welcome-ruhr/contracts';
import { choose, descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { BlockedPhrasesPage } from './blocked-phrases-page';

describe('BlockedPhrasesPage', () => {
  let fixture: ComponentFixture<BlockedPhrasesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const deposit: BlockedPhraseDto = { id: 'bp-1', phrase: 'Kaution bar', language: 'de', createdAt: new Date().toISOString() };
  const casino: BlockedPhraseDto = { id: 'bp-2', phrase: 'casino', language: null, createdAt: new Date().toISOString() };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [BlockedPhrasesPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de'), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BlockedPhrasesPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/moderation/blocked-phrases').flush([deposit, casino]);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function phrases(): string[][] {
    return Array.from(page.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).slice(0, 2).map(textOf));
  }

  it('lists the phrases with their language', () => {
    expect(phrases()).toEqual([
      ['Kaution bar', 'Deutsch'],
      ['casino', 'Alle Sprachen'],
    ]);
    expect(page.querySelector('nav a[aria-current="page"]')).toBeNull(); // no router state in this test
    expect(Array.from(page.querySelectorAll('nav a')).map(textOf)).toEqual([
      'Warteschlange',
      'Beiträge prüfen',
      'Gesperrte Begriffe',
    ]);
  });

  it('adds a phrase, and asks for one when the field is empty', () => {
    getButton(page, 'Begriff hinzufügen').click();
    fixture.detectChanges();
    http.expectNone((r) => r.method === 'POST');
    const field = getByLabel(page, 'Begriff oder Wortfolge');
    expect(descriptionOf(field)).toBe('Bitte füllen Sie dieses Feld aus.');

    type(field, '  Schwarzarbeit  ');
    fixture.detectChanges();
    choose(getByLabel<HTMLSelectElement>(page, 'Sprache des Begriffs'), 'de');
    getButton(page, 'Begriff hinzufügen').click();
    const add = http.expectOne('/api/moderation/blocked-phrases');
    expect(add.request.method).toBe('POST');
    expect(add.request.body).toEqual({ phrase: 'Schwarzarbeit', language: 'de' });
    add.flush({ id: 'bp-3', phrase: 'Schwarzarbeit', language: 'de', createdAt: new Date().toISOString() });
    fixture.detectChanges();

    expect(phrases().map(([phrase]) => phrase)).toEqual(['Kaution bar', 'casino', 'Schwarzarbeit']);
    expect(getByLabel(page, 'Begriff oder Wortfolge').value).toBe('');
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('„Schwarzarbeit“ wurde hinzugefügt.');
  });

  it('deletes a phrase', () => {
    getButton(page, 'Löschen: casino').click();
    const remove = http.expectOne('/api/moderation/blocked-phrases/bp-2');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    expect(phrases()).toEqual([['Kaution bar', 'Deutsch']]);
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('„casino“ wurde gelöscht.');
  });
});
