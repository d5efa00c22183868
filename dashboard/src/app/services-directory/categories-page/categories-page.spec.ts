import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { CategoriesPage } from './categories-page';

const office: ServiceCategoryDto = {
  slug: 'foreigners-office',
  labels: { de: 'Ausländerbehörde', en: 'Foreigners’ office', tr: 'Yabancılar Dairesi', ar: 'دائرة الأجانب', uk: 'Відомство у справах іноземців' },
  position: 20,
};
const registration: ServiceCategoryDto = {
  slug: 'registration-office',
  labels: { de: 'Bürgeramt', en: 'Registration office' },
  position: 10,
};

describe('CategoriesPage', () => {
  let fixture: ComponentFixture<CategoriesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CategoriesPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CategoriesPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function loaded(categories: ServiceCategoryDto[] = [office, registration]): void {
    const list = http.expectOne('/api/public/service-categories');
    // Right after a change the browser's cached public answer would be out of date.
    expect(list.request.headers.get('Cache-Control')).toBe('no-cache');
    list.flush(categories);
    fixture.detectChanges();
  }

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function form(): HTMLElement {
    const found = page.querySelector<HTMLElement>('wr-category-form');
    if (!found) throw new Error('no category form');
    return found;
  }

  function rows(): string[][] {
    return Array.from(page.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).slice(0, 4).map(textOf));
  }

  it('lists the categories in their order with their labels per language', () => {
    expect(textOf(page.querySelector('.result-count'))).toBe('Kategorien werden geladen …');
    loaded();
    expect(rows()).toEqual([
      ['Bürgeramt', 'Registration office', '', 'registration-office'],
      ['Ausländerbehörde', 'Foreigners’ office', 'tr, ar, uk', 'foreigners-office'],
    ]);
    expect(textOf(page.querySelector('.result-count'))).toBe('Kategorien: 2');
    expect(page.querySelector('a[href="/services"]')).not.toBeNull();
  });

  it('says when there are none, and offers to try again when loading fails', () => {
    http
      .expectOne('/api/public/service-categories')
      .flush({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable.' }, { status: 503, statusText: 'Unavailable' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('.notice--error p'))).toBe('The database is not reachable.');
    click('Erneut versuchen');
    loaded([]);
    expect(textOf(page.querySelector('.empty'))).toBe('Es gibt noch keine Kategorien.');
  });

  it('edits the labels: a cleared field removes its label, the other languages stay', () => {
    loaded();
    click('Bearbeiten: Ausländerbehörde');
    expect(textOf(form().querySelector('h2'))).toBe('Kategorie bearbeiten: Ausländerbehörde');
    const arabic = getByLabel(form(), 'Arabisch (ar)');
    expect(arabic.value).toBe('دائرة الأجانب');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.getAttribute('dir')).toBe('auto');
    expect(form().querySelector(`input[id$="-slug"]`)).toBeNull(); // the slug cannot change

    type(getByLabel(form(), 'Englisch (en, Pflicht)'), ' Immigration office ');
    type(getByLabel(form(), 'Türkisch (tr)'), '');
    click('Änderungen speichern', form());

    const save = http.expectOne('/api/service-categories/foreigners-office');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      labels: { de: 'Ausländerbehörde', en: 'Immigration office', ar: 'دائرة الأجانب', uk: 'Відомство у справах іноземців' },
    });
    save.flush({ ...office, labels: save.request.body.labels });
    fixture.detectChanges();

    expect(page.querySelector('wr-category-form')).toBeNull();
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('Die Änderungen an „Ausländerbehörde“ wurden gespeichert.');
    expect(rows()[1]).toEqual(['Ausländerbehörde', 'Immigration office', 'ar, uk', 'foreigners-office']);
  });

  it('adds a category only with a valid, unused slug and German and English labels', () => {
    loaded();
    click('Kategorie hinzufügen');
    const slug = getByLabel(form(), 'Kennung');
    type(slug, 'Sprach Kurse');
    type(getByLabel(form(), 'Deutsch (de, Pflicht)'), 'Sprachkurse');
    click('Kategorie anlegen', form());
    http.expectNone((r) => r.method === 'PUT');
    expect(descriptionOf(slug)).toBe('Nur Kleinbuchstaben, Ziffern und Bindestriche, höchstens 40 Zeichen, z. B. language-courses.');
    const english = getByLabel(form(), 'Englisch (en, Pflicht)');
    expect(english.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(english)).toBe('Bitte füllen Sie dieses Feld aus.');

    type(slug, 'registration-office');
    type(english, 'Language courses');
    click('Kategorie anlegen', form());
    http.expectNone((r) => r.method === 'PUT');
    expect(descriptionOf(slug)).toBe('Diese Kennung gibt es schon.');

    type(slug, 'language-courses');
    type(getByLabel(form(), 'Ukrainisch (uk)'), 'Мовні курси');
    click('Kategorie anlegen', form());
    const save = http.expectOne('/api/service-categories/language-courses');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ labels: { de: 'Sprachkurse', en: 'Language courses', uk: 'Мовні курси' } });
    save.flush({ slug: 'language-courses', labels: save.request.body.labels, position: 30 });
    fixture.detectChanges();

    expect(rows().map((row) => row[3])).toEqual(['registration-office', 'foreigners-office', 'language-courses']);
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('Die Kategorie „Sprachkurse“ wurde angelegt.');
  });

  it('shows the API’s problem with a label at the label it names', () => {
    loaded();
    click('Bearbeiten: Bürgeramt');
    type(getByLabel(form(), 'Türkisch (tr)'), 'x'.repeat(5));
    click('Änderungen speichern', form());
    http.expectOne('/api/service-categories/registration-office').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'labels.tr must be a text of 1 to 100 characters',
        fields: [{ field: 'labels', problem: 'labels.tr must be a text of 1 to 100 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    const turkish = getByLabel(form(), 'Türkisch (tr)');
    expect(turkish.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(turkish)).toBe('labels.tr must be a text of 1 to 100 characters');
    expect(getByLabel(form(), 'Deutsch (de, Pflicht)').getAttribute('aria-invalid')).toBeNull();
  });

  it('deletes a category after confirming, and shows why the API refuses one still in use', () => {
    loaded();
    click('Löschen: Ausländerbehörde');
    const dialog = page.querySelector('dialog') as HTMLElement;
    expect(textOf(dialog.querySelector('p'))).toBe(
      'Die Kategorie „Ausländerbehörde“ wird gelöscht. Das geht nur, solange kein Dienst in ihr ist.',
    );
    click('Kategorie löschen', dialog);
    const refused = http.expectOne('/api/service-categories/foreigners-office');
    expect(refused.request.method).toBe('DELETE');
    refused.flush(
      { statusCode: 409, code: 'CONFLICT', message: '3 services are in this category; move or delete them first.' },
      { status: 409, statusText: 'Conflict' },
    );
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe(
      '3 services are in this category; move or delete them first.',
    );
    expect(rows()).toHaveLength(2);

    click('Löschen: Bürgeramt');
    click('Kategorie löschen', page.querySelector('dialog') as HTMLElement);
    http.expectOne('/api/service-categories/registration-office').flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    expect(rows().map((row) => row[3])).toEqual(['foreigners-office']);
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('Die Kategorie „Bürgeramt“ wurde gelöscht.');
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe('');
  });
});
