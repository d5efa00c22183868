import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { AcceptInvitationPage } from './accept-invitation-page';

describe('AcceptInvitationPage', () => {
  let fixture: ComponentFixture<AcceptInvitationPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AcceptInvitationPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de'), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AcceptInvitationPage);
    fixture.componentRef.setInput('token', 'tok-123');
    page = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows the invitation and sets the password, leading to the field to correct', async () => {
    http.expectOne('/api/invitations/tok-123').flush({
      email: 'olena@example.org',
      name: 'Olena',
      role: 'ambassador',
      cities: ['bochum'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    fixture.detectChanges();
    expect(textOf(page.querySelector('main p'))).toBe(
      'Hallo Olena, Sie sind als Ambassador zu Welcome Ruhr eingeladen. Legen Sie ein Passwort fest, um Ihr Konto anzulegen.',
    );

    type(getByLabel(page, 'Passwort (mind. 10 Zeichen)'), 'kurz');
    getButton(page, 'Konto anlegen').click();
    fixture.detectChanges();
    expect(descriptionOf(getByLabel(page, 'Passwort (mind. 10 Zeichen)'))).toBe('Bitte geben Sie mindestens 10 Zeichen ein.');
    await fixture.whenStable();
    expect(document.activeElement).toBe(getByLabel(page, 'Passwort (mind. 10 Zeichen)'));

    type(getByLabel(page, 'Passwort (mind. 10 Zeichen)'), 'lang-genug-123');
    type(getByLabel(page, 'Passwort wiederholen'), 'lang-genug-124');
    getButton(page, 'Konto anlegen').click();
    fixture.detectChanges();
    expect(descriptionOf(getByLabel(page, 'Passwort wiederholen'))).toBe('Die Passwörter stimmen nicht überein.');
    await fixture.whenStable();
    expect(document.activeElement).toBe(getByLabel(page, 'Passwort wiederholen'));
    http.expectNone('/api/invitations/tok-123/accept');

    type(getByLabel(page, 'Passwort wiederholen'), 'lang-genug-123');
    getButton(page, 'Konto anlegen').click();
    const accept = http.expectOne({ method: 'POST', url: '/api/invitations/tok-123/accept' });
    expect(accept.request.body).toEqual({ password: 'lang-genug-123' });
    accept.flush({});
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toContain('Ihr Konto ist angelegt.');
    expect(page.querySelector('a[href="/login"]')).not.toBeNull();
  });

  it('says why a link no longer works', () => {
    http
      .expectOne('/api/invitations/tok-123')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'This invitation has expired.' },
        { status: 404, statusText: 'Not Found' },
      );
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"]'))).toContain('This invitation has expired.');
  });
});
