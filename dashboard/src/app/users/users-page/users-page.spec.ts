import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserDto } from '@welcome-ruhr/contracts';
import { choose, descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { SEARCH_DELAY_MS, UsersPage } from './users-page';

describe('UsersPage', () => {
  const admin = newUser({ id: 'admin-1', name: 'Ada Admin', email: 'ada@example.org', role: 'admin', cities: [] });
  const moderator = newUser({
    id: 'mod-1',
    name: 'Mo Moderator',
    email: 'mo@example.org',
    role: 'moderator',
    cities: ['essen', 'muelheim-an-der-ruhr'],
  });
  const ambassador = newUser({ id: 'amb-1', name: 'Amina Ambassador', role: 'ambassador', cities: [], active: false });

  let fixture: ComponentFixture<UsersPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(admin) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    fixture.detectChanges();
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/users');
  }

  function showUsers(users: UserDto[]): void {
    expectList().flush(users);
    fixture.detectChanges();
  }

  function rows(): HTMLTableRowElement[] {
    return Array.from(page.querySelectorAll<HTMLTableRowElement>('tbody tr'));
  }

  function openCreateForm(): HTMLElement {
    getButton(page, 'Benutzer anlegen').click();
    fixture.detectChanges();
    const form = page.querySelector<HTMLElement>('wr-user-form');
    if (!form) throw new Error('no create form');
    return form;
  }

  it('shows the users in a table', () => {
    showUsers([admin, moderator, ambassador]);

    expect(rows()).toHaveLength(3);
    const cells = (row: HTMLTableRowElement) => Array.from(row.children).map(textOf);
    expect(cells(rows()[0]).slice(0, 5)).toEqual(['Ada Admin (Sie)', 'ada@example.org', 'Admin', 'Alle Städte', 'Aktiv']);
    expect(cells(rows()[1]).slice(0, 5)).toEqual([
      'Mo Moderator',
      'mo@example.org',
      'Moderator:in',
      'Essen, Mülheim an der Ruhr',
      'Aktiv',
    ]);
    expect(cells(rows()[2])[4]).toBe('Deaktiviert');
    expect(textOf(page.querySelector('.result-count'))).toBe('Gefundene Benutzer: 3');
  });

  it('names every row action after its user, and offers no deactivation of oneself', () => {
    showUsers([admin, moderator, ambassador]);

    expect(queryButtons(page, 'Bearbeiten: Mo Moderator')).toHaveLength(1);
    expect(queryButtons(page, 'Deaktivieren: Mo Moderator')).toHaveLength(1);
    expect(queryButtons(page, 'Reaktivieren: Amina Ambassador')).toHaveLength(1);
    expect(queryButtons(page, 'Deaktivieren: Ada Admin')).toHaveLength(0);
  });

  it('asks the API again when a filter changes', () => {
    showUsers([admin, moderator]);

    choose(getByLabel<HTMLSelectElement>(page, 'Nach Rolle filtern'), 'moderator');
    const byRole = expectList();
    expect(byRole.request.params.get('role')).toBe('moderator');
    expect(byRole.request.params.has('city')).toBe(false);
    byRole.flush([moderator]);
    fixture.detectChanges();

    choose(getByLabel<HTMLSelectElement>(page, 'Nach Stadt filtern'), 'essen');
    const byCity = expectList();
    expect(byCity.request.params.get('role')).toBe('moderator');
    expect(byCity.request.params.get('city')).toBe('essen');
    byCity.flush([moderator]);
    fixture.detectChanges();
    expect(rows()).toHaveLength(1);
  });

  it('searches once the typing pauses', async () => {
    showUsers([admin, moderator]);

    type(getByLabel(page, 'Suche'), '  mo ');
    fixture.detectChanges();
    http.expectNone((r) => r.url === '/api/users');

    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 20));
    const search = expectList();
    expect(search.request.params.get('q')).toBe('mo');
    search.flush([moderator]);
  });

  it('says when loading failed and loads again on request', () => {
    expectList().flush(null, { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"].notice'))).toContain('Der Server ist nicht erreichbar.');

    getButton(page, 'Erneut versuchen').click();
    showUsers([admin]);
    expect(rows()).toHaveLength(1);
  });

  it('creates a user and shows them in the table', () => {
    showUsers([admin]);
    const form = openCreateForm();

    type(getByLabel(form, 'E-Mail'), 'new@example.org');
    type(getByLabel(form, 'Name'), 'Nina Neu');
    type(getByLabel(form, 'Passwort (mind. 10 Zeichen)'), 'a-long-password');
    choose(getByLabel<HTMLSelectElement>(form, 'Rolle'), 'ambassador');
    fixture.detectChanges();
    (form.querySelector<HTMLInputElement>('input[type="checkbox"][id$="-bochum"]') as HTMLInputElement).click();
    fixture.detectChanges();
    getButton(form, 'Benutzer anlegen').click();

    const create = http.expectOne('/api/users');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      email: 'new@example.org',
      name: 'Nina Neu',
      password: 'a-long-password',
      role: 'ambassador',
      cities: ['bochum'],
    });
    const nina = newUser({ name: 'Nina Neu', email: 'new@example.org', role: 'ambassador', cities: ['bochum'] });
    create.flush(nina, { status: 201, statusText: 'Created' });
    showUsers([admin, nina]);

    expect(page.querySelector('wr-user-form')).toBeNull();
    expect(textOf(page.querySelector('[role="status"] .notice'))).toBe('Benutzer Nina Neu wurde angelegt.');
    expect(rows().map((row) => textOf(row.querySelector('th')))).toContain('Nina Neu');
  });

  it('shows the API problems next to the fields they belong to', () => {
    showUsers([admin]);
    const form = openCreateForm();
    type(getByLabel(form, 'E-Mail'), 'taken@example.org');
    type(getByLabel(form, 'Name'), 'Tom Taken');
    type(getByLabel(form, 'Passwort (mind. 10 Zeichen)'), 'a-long-password');
    choose(getByLabel<HTMLSelectElement>(form, 'Rolle'), 'moderator');
    getButton(form, 'Benutzer anlegen').click();

    http.expectOne('/api/users').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields need attention.',
        fields: [
          { field: 'email', problem: 'This e-mail address is already in use.' },
          { field: 'cities.0', problem: 'Unknown city.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();

    const email = getByLabel(form, 'E-Mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toBe('This e-mail address is already in use.');
    expect(getByLabel(form, 'Name').hasAttribute('aria-invalid')).toBe(false);
    expect(descriptionOf(form.querySelector('wr-city-picker fieldset') as HTMLElement)).toBe('Unknown city.');
    expect(textOf(form.querySelector('[role="alert"]'))).toBe('Some fields need attention.');
    // the form stays open with what was typed
    expect(getByLabel(form, 'Name').value).toBe('Tom Taken');

    type(getByLabel(form, 'E-Mail'), 'other@example.org');
    fixture.detectChanges();
    expect(getByLabel(form, 'E-Mail').hasAttribute('aria-invalid')).toBe(false);
  });

  it('checks the form before sending it', () => {
    showUsers([admin]);
    const form = openCreateForm();
    type(getByLabel(form, 'Passwort (mind. 10 Zeichen)'), 'short');
    getButton(form, 'Benutzer anlegen').click();
    fixture.detectChanges();

    http.expectNone('/api/users');
    expect(descriptionOf(getByLabel(form, 'E-Mail'))).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(descriptionOf(getByLabel(form, 'Passwort (mind. 10 Zeichen)'))).toBe(
      'Bitte geben Sie mindestens 10 Zeichen ein.',
    );
    expect(getByLabel<HTMLSelectElement>(form, 'Rolle').getAttribute('aria-invalid')).toBe('true');
    expect(textOf(form.querySelector('[role="alert"]'))).toBe('Bitte prüfen Sie die markierten Felder.');
  });

  it('edits role and cities, and sends no cities for an admin', () => {
    showUsers([admin, moderator]);
    getButton(page, 'Bearbeiten: Mo Moderator').click();
    fixture.detectChanges();
    const form = page.querySelector<HTMLElement>('wr-user-form') as HTMLElement;

    expect(textOf(form.querySelector('h2'))).toBe('Benutzer bearbeiten: Mo Moderator');
    expect(getByLabel(form, 'Name').value).toBe('Mo Moderator');
    expect(form.querySelector<HTMLInputElement>('input[id$="-essen"]')?.checked).toBe(true);
    expect(() => getByLabel(form, 'E-Mail')).toThrow();

    choose(getByLabel<HTMLSelectElement>(form, 'Rolle'), 'admin');
    fixture.detectChanges();
    expect(form.querySelector('wr-city-picker')).toBeNull();
    getButton(form, 'Änderungen speichern').click();

    const update = http.expectOne('/api/users/mod-1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ name: 'Mo Moderator', role: 'admin', cities: [] });
    update.flush({ ...moderator, role: 'admin', cities: [] });
    fixture.detectChanges();

    expect(page.querySelector('wr-user-form')).toBeNull();
    expect(Array.from(rows()[1].children).map(textOf)[2]).toBe('Admin');
  });

  it('deactivates and reactivates a user', () => {
    showUsers([admin, moderator]);
    getButton(page, 'Deaktivieren: Mo Moderator').click();

    const deactivate = http.expectOne('/api/users/mod-1');
    expect(deactivate.request.method).toBe('PATCH');
    expect(deactivate.request.body).toEqual({ active: false });
    deactivate.flush({ ...moderator, active: false });
    fixture.detectChanges();

    expect(Array.from(rows()[1].children).map(textOf)[4]).toBe('Deaktiviert');
    expect(textOf(page.querySelector('[role="status"] .notice'))).toBe('Mo Moderator wurde deaktiviert.');

    getButton(page, 'Reaktivieren: Mo Moderator').click();
    const reactivate = http.expectOne('/api/users/mod-1');
    expect(reactivate.request.body).toEqual({ active: true });
    reactivate.flush({ statusCode: 403, code: 'FORBIDDEN', message: 'Not allowed.' }, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"] .notice'))).toBe('Not allowed.');
  });
  it('invites a person by e-mail from beside the create button, and lists the invitations', () => {
    showUsers([admin]);
    getButton(page, 'Einladen').click();
    fixture.detectChanges();
    http.expectOne('/api/invitations').flush([
      {
        id: 'inv-0',
        email: 'old@example.org',
        name: 'Old',
        role: 'moderator',
        cities: ['essen'],
        language: 'de',
        status: 'pending',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        acceptedAt: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    fixture.detectChanges();
    const form = page.querySelector('wr-invite-form') as HTMLElement;
    expect(textOf(form.querySelector('[data-invitation-id="inv-0"] .badge'))).toBe('◷ Offen');

    getButton(form, 'Einladung senden').click();
    fixture.detectChanges();
    expect(getByLabel(form, 'E-Mail').getAttribute('aria-invalid')).toBe('true');

    type(getByLabel(form, 'E-Mail'), 'olena@example.org');
    type(getByLabel(form, 'Name'), 'Olena');
    choose(getByLabel<HTMLSelectElement>(form, 'Rolle'), 'ambassador');
    choose(getByLabel<HTMLSelectElement>(form, 'Sprache der Einladung'), 'en');
    fixture.detectChanges();
    getByLabel(form, 'Bochum').click();
    getButton(form, 'Einladung senden').click();
    const request = http.expectOne({ method: 'POST', url: '/api/invitations' });
    expect(request.request.body).toEqual({
      email: 'olena@example.org',
      name: 'Olena',
      role: 'ambassador',
      cities: ['bochum'],
      language: 'en',
    });
    request.flush({
      id: 'inv-1',
      email: 'olena@example.org',
      name: 'Olena',
      role: 'ambassador',
      cities: ['bochum'],
      language: 'en',
      status: 'pending',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      acceptedAt: null,
      createdAt: new Date().toISOString(),
    });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe('Die Einladung an olena@example.org wurde gesendet.');
    expect(form.querySelector('[data-invitation-id="inv-1"]')).not.toBeNull();

    getButton(form, 'Einladung zurückziehen: old@example.org').click();
    http.expectOne({ method: 'POST', url: '/api/invitations/inv-0/revoke' }).flush({
      id: 'inv-0',
      email: 'old@example.org',
      name: 'Old',
      role: 'moderator',
      cities: ['essen'],
      language: 'de',
      status: 'revoked',
      expiresAt: new Date().toISOString(),
      acceptedAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    fixture.detectChanges();
    expect(textOf(form.querySelector('[data-invitation-id="inv-0"] .badge'))).toBe('✕ Zurückgezogen');
  });
});
