import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ServiceCategoryDto, ServiceDto, ServiceImportReport } from '@welcome-ruhr/contracts';
import { wait } from '../../../testing/content';
import { choose, descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { SERVICE_IMPORT_POLL_MS } from '../service-import/service-import';
import { ServicesPage } from './services-page';

const categories: ServiceCategoryDto[] = [
  { slug: 'foreigners-office', labels: { de: 'Ausländerbehörde', en: 'Foreigners’ office' }, position: 2 },
  { slug: 'registration-office', labels: { de: 'Bürgeramt', en: 'Registration office' }, position: 1 },
];

function service(overrides: Partial<ServiceDto> = {}): ServiceDto {
  return {
    id: 's-1',
    category: 'registration-office',
    city: 'bochum',
    name: 'Bürgerbüro Mitte',
    address: 'Willy-Brandt-Platz 2, 44787 Bochum',
    location: null,
    openingHours: null,
    phone: null,
    email: null,
    website: null,
    appointmentUrl: null,
    languages: ['de', 'en'],
    descriptions: { de: 'Anmeldung' },
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function report(overrides: Partial<ServiceImportReport> = {}): ServiceImportReport {
  return {
    done: false,
    encoding: 'windows-1252',
    delimiter: ';',
    total: 200,
    processed: 0,
    created: 0,
    updated: 0,
    invalid: 0,
    problems: [],
    ...overrides,
  };
}

describe('ServicesPage', () => {
  let fixture: ComponentFixture<ServicesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ServicesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(newUser({ role: 'moderator', cities: ['bochum', 'herne'] })) } },
        { provide: SERVICE_IMPORT_POLL_MS, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ServicesPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/services').flush({ items: [service(), service({ id: 's-2', name: 'Beispiel: Ausländerbehörde (Demo)', category: 'foreigners-office', demo: true })], nextCursor: null });
    http.expectOne('/api/public/service-categories').flush(categories);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('lists the services with category names, the moderator’s cities and the demo entries marked', () => {
    const rows = Array.from(page.querySelectorAll('tbody tr'));
    expect(rows.map((row) => textOf(row.children[1]))).toEqual(['Bürgeramt', 'Ausländerbehörde']);
    expect(textOf(rows[1].querySelector('.badge'))).toBe('Beispiel');
    const city = getByLabel<HTMLSelectElement>(page, 'Stadt');
    expect(Array.from(city.options).map((o) => o.textContent?.trim())).toEqual(['Alle Städte', 'Bochum', 'Herne']);
    expect(Array.from(getByLabel<HTMLSelectElement>(page, 'Kategorie').options).map((o) => o.value)).toEqual([
      '',
      'registration-office',
      'foreigners-office',
    ]);

    choose(getByLabel<HTMLSelectElement>(page, 'Gesprochene Sprache'), 'uk');
    fixture.detectChanges();
    const filtered = http.expectOne((r) => r.url === '/api/services');
    expect(filtered.request.params.get('languages')).toBe('uk');
    filtered.flush({ items: [], nextCursor: null });
  });

  it('imports a CSV file with a progress bar and a report per line', async () => {
    getButton(page, 'CSV importieren').click();
    fixture.detectChanges();
    getButton(page, 'Import starten').click();
    fixture.detectChanges();
    expect(descriptionOf(getByLabel(page, 'CSV-Datei'))).toBe('Bitte wählen Sie eine CSV-Datei.');

    const csv = new File(['category;city;name\n'], 'dienste.csv', { type: 'text/csv' });
    const input = getByLabel(page, 'CSV-Datei');
    Object.defineProperty(input, 'files', { value: [csv], configurable: true });
    input.dispatchEvent(new Event('change'));
    getButton(page, 'Import starten').click();

    const start = http.expectOne((r) => r.method === 'POST' && r.url === '/api/services/import');
    expect(start.request.params.get('async')).toBe('1');
    expect(start.request.body).toBe(csv);
    expect(start.request.headers.get('Content-Type')).toBe('text/csv');
    start.flush({ jobId: 'job-1' }, { status: 202, statusText: 'Accepted' });
    http.expectOne('/api/services/import/job-1').flush(report({ processed: 50 }));
    fixture.detectChanges();

    const progress = page.querySelector('progress') as HTMLProgressElement;
    expect(getByLabel<HTMLProgressElement>(page, 'Fortschritt des Imports')).toBe(progress);
    expect(progress.max).toBe(200);
    expect(progress.value).toBe(50);
    expect(textOf(page.querySelector('.import-progress [role="status"]'))).toBe('50 von 200 Zeilen verarbeitet');

    await wait();
    http.expectOne('/api/services/import/job-1').flush(
      report({
        done: true,
        processed: 200,
        created: 196,
        updated: 1,
        invalid: 3,
        problems: [
          { line: 7, field: 'email', problem: 'email must be an e-mail address' },
          { line: 12, field: 'opening_hours', problem: 'opening_hours: "Mo-Fr 8-12" needs times like 08:00-12:00' },
          { line: 40, field: null, problem: 'the line has 3 columns, the header 12' },
        ],
      }),
    );
    fixture.detectChanges();

    expect(progress.value).toBe(200);
    expect(textOf(page.querySelector('.import-progress [role="status"]'))).toBe(
      'Import abgeschlossen: 196 angelegt, 1 aktualisiert, 3 fehlerhaft.',
    );
    expect(textOf(page.querySelector('.import-progress .hint'))).toBe('Gelesen als windows-1252, Trennzeichen: ;');
    const table = page.querySelector('table[aria-labelledby], .import-progress ~ .table-scroll table') as HTMLElement;
    expect(textOf(table.querySelector('caption'))).toBe('Probleme je Zeile');
    expect(Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map(textOf))).toEqual([
      ['7', 'email', 'email must be an e-mail address'],
      ['12', 'opening_hours', 'opening_hours: "Mo-Fr 8-12" needs times like 08:00-12:00'],
      ['40', 'ganze Zeile', 'the line has 3 columns, the header 12'],
    ]);
    // New services: the list is read again.
    http.expectOne((r) => r.url === '/api/services').flush({ items: [service()], nextCursor: null });
  });

  it('adds a service with opening hours and a description per language', () => {
    getButton(page, 'Dienst hinzufügen').click();
    fixture.detectChanges();
    const form = page.querySelector('wr-service-form') as HTMLElement;
    type(getByLabel(form, 'Name'), 'Welcome Center Herne');
    choose(getByLabel<HTMLSelectElement>(form, 'Stadt'), 'herne');
    type(getByLabel(form, 'Breitengrad'), '51,5386');
    type(getByLabel(form, 'Längengrad'), '7.2257');
    type(getByLabel(form, 'Gesprochene Sprachen'), 'de, uk, ar');
    getButton(form, 'Zeitraum hinzufügen').click();
    getButton(form, 'Zeitraum hinzufügen').click();
    fixture.detectChanges();
    const second = form.querySelector('[data-row="weekly-1"]') as HTMLElement;
    expect(getByLabel<HTMLSelectElement>(second, 'Tag').value).toBe('tue'); // the next weekday
    type(getByLabel(second, 'Schließt'), '08:00'); // before it opens
    getButton(form, 'Abweichenden Tag hinzufügen').click();
    fixture.detectChanges();
    const exception = form.querySelector('[data-row="exception-0"]') as HTMLElement;
    type(getByLabel(exception, 'Datum'), '2026-12-24');
    type(getByLabel(exception, 'Hinweis'), 'Heiligabend');
    type(getByLabel(form, 'Beschreibung auf Deutsch') as unknown as HTMLInputElement, 'Beratung für Neuankömmlinge');

    getButton(form, 'Dienst hinzufügen').click();
    fixture.detectChanges();
    http.expectNone((r) => r.method === 'POST' && r.url === '/api/services');
    expect(textOf(form.querySelector('[data-row="weekly-1"] .field-error'))).toBe('Das Ende muss nach dem Beginn liegen.');

    type(getByLabel(second, 'Schließt'), '12:30');
    getButton(form, 'Dienst hinzufügen').click();
    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/services');
    expect(request.request.body).toEqual({
      category: 'registration-office',
      city: 'herne',
      name: 'Welcome Center Herne',
      address: null,
      latitude: 51.5386,
      longitude: 7.2257,
      openingHours: {
        weekly: [
          { day: 'mon', opens: '09:00', closes: '12:00' },
          { day: 'tue', opens: '09:00', closes: '12:30' },
        ],
        exceptions: [{ date: '2026-12-24', closed: true, note: 'Heiligabend' }],
      },
      phone: null,
      email: null,
      website: null,
      appointmentUrl: null,
      languages: ['de', 'uk', 'ar'],
      descriptions: { de: 'Beratung für Neuankömmlinge' },
    });
    request.flush(service({ id: 's-9', name: 'Welcome Center Herne', city: 'herne' }));
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe('„Welcome Center Herne“ wurde hinzugefügt.');
    expect(page.querySelector('[data-service-id="s-9"]')).not.toBeNull();
  });
});

describe('ServicesPage, the example data set and the categories', () => {
  let fixture: ComponentFixture<ServicesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  function open(role: 'admin' | 'moderator'): void {
    TestBed.configureTestingModule({
      imports: [ServicesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(newUser({ role, cities: role === 'admin' ? [] : ['bochum'] })) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ServicesPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/services').flush({ items: [service()], nextCursor: null });
    http.expectOne('/api/public/service-categories').flush(categories);
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function dialog(): HTMLElement {
    const found = page.querySelector<HTMLElement>('dialog');
    if (!found) throw new Error('no dialog');
    return found;
  }

  function status(): string {
    return textOf(page.querySelector('[role="status"].live-region'));
  }

  function reloaded(): void {
    http
      .expectOne((r) => r.method === 'GET' && r.url === '/api/services')
      .flush({ items: [service(), service({ id: 's-2', name: 'Beispiel: Bürgeramt (Demo)', demo: true })], nextCursor: null });
    fixture.detectChanges();
  }

  it('offers moderators neither the example data nor the category editor', () => {
    open('moderator');
    expect(queryButtons(page, 'Beispieldaten laden')).toEqual([]);
    expect(queryButtons(page, 'Beispieldaten entfernen')).toEqual([]);
    expect(page.querySelector('a[href="/services/categories"]')).toBeNull();
  });

  it('links admins to the category editor', () => {
    open('admin');
    expect(textOf(page.querySelector('a[href="/services/categories"]'))).toBe('Kategorien bearbeiten');
  });

  it('loads the example data after a confirmation, says what happened and shows the new list', () => {
    open('admin');
    click('Beispieldaten laden');
    expect(textOf(dialog().querySelector('h2'))).toBe('Beispieldaten laden?');
    expect(textOf(dialog().querySelector('p'))).toContain('Erfundene Einträge „Beispiel: … (Demo)“');
    click('Abbrechen', dialog());
    expect(page.querySelector('dialog')).toBeNull();
    http.expectNone('/api/services/demo');

    click('Beispieldaten laden');
    click('Datensatz laden', dialog());
    const load = http.expectOne('/api/services/demo');
    expect(load.request.method).toBe('POST');
    // While it loads, the buttons say they are unavailable and ask nothing.
    expect(getButton(page, 'Beispieldaten entfernen').getAttribute('aria-disabled')).toBe('true');
    click('Beispieldaten entfernen');
    expect(page.querySelector('dialog')).toBeNull();
    load.flush(report({ done: true, total: 15, processed: 15, created: 14, updated: 1 }));
    fixture.detectChanges();

    expect(status()).toBe('Beispieldaten geladen – neu: 14, erneuert: 1.');
    reloaded();
    expect(page.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(textOf(page.querySelector('[data-service-id="s-2"] .badge'))).toBe('Beispiel');
  });

  it('says how many example lines were skipped', () => {
    open('admin');
    click('Beispieldaten laden');
    click('Datensatz laden', dialog());
    http.expectOne('/api/services/demo').flush(report({ done: true, total: 15, processed: 15, created: 13, invalid: 2 }));
    fixture.detectChanges();
    expect(status()).toBe(
      'Beispieldaten geladen – neu: 13, erneuert: 0, übersprungen: 2 (etwa weil ihre Kategorie fehlt).',
    );
    reloaded();
  });

  it('removes the example data after a confirmation and says how many entries went', () => {
    open('admin');
    click('Beispieldaten entfernen');
    expect(textOf(dialog().querySelector('p'))).toBe(
      'Alle Einträge des Beispieldatensatzes werden gelöscht, auch geänderte. Echte Einträge bleiben.',
    );
    click('Datensatz entfernen', dialog());
    const remove = http.expectOne('/api/services/demo');
    expect(remove.request.method).toBe('DELETE');
    remove.flush({ deleted: 15 });
    fixture.detectChanges();
    expect(status()).toBe('Beispieldaten entfernt – gelöschte Einträge: 15.');
    reloaded();
  });

  it('shows why the example data could not be loaded, and keeps the list', () => {
    open('admin');
    click('Beispieldaten laden');
    click('Datensatz laden', dialog());
    http
      .expectOne('/api/services/demo')
      .flush({ statusCode: 403, code: 'FORBIDDEN', message: 'Only admins may do this.' }, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe('Only admins may do this.');
    expect(status()).toBe('');
    http.expectNone((r) => r.url === '/api/services');
  });
});
