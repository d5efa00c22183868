import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { ChangePasswordForm } from './change-password-form';

describe('ChangePasswordForm', () => {
  let fixture: ComponentFixture<ChangePasswordForm>;
  let http: HttpTestingController;
  let form: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ChangePasswordForm],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChangePasswordForm);
    form = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function fill(current: string, next: string, repeat: string): void {
    type(getByLabel(form, 'Aktuelles Passwort'), current);
    type(getByLabel(form, 'Neues Passwort (mind. 10 Zeichen)'), next);
    type(getByLabel(form, 'Neues Passwort wiederholen'), repeat);
    getButton(form, 'Passwort ändern').click();
    fixture.detectChanges();
  }

  it('changes the password and says so', () => {
    fill('old-password', 'new-password-1', 'new-password-1');
    const request = http.expectOne('/api/auth/change-password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();

    expect(textOf(form.querySelector('[role="status"]'))).toBe('Ihr Passwort wurde geändert.');
    expect(getByLabel(form, 'Aktuelles Passwort').value).toBe('');
  });

  it('checks length and repetition before sending', () => {
    fill('old-password', 'short', 'different');
    http.expectNone('/api/auth/change-password');
    expect(descriptionOf(getByLabel(form, 'Neues Passwort (mind. 10 Zeichen)'))).toBe(
      'Bitte geben Sie mindestens 10 Zeichen ein.',
    );
    expect(descriptionOf(getByLabel(form, 'Neues Passwort wiederholen'))).toBe('Die Passwörter stimmen nicht überein.');
  });

  it('shows the API problem at the current password', () => {
    fill('wrong-password', 'new-password-1', 'new-password-1');
    http.expectOne('/api/auth/change-password').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The password could not be changed.',
        fields: [{ field: 'currentPassword', problem: 'The current password is wrong.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();

    const current = getByLabel(form, 'Aktuelles Passwort');
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(current)).toBe('The current password is wrong.');
    expect(textOf(form.querySelector('[role="alert"]'))).toBe('The password could not be changed.');
    expect(textOf(form.querySelector('[role="status"]'))).toBe('');
  });
});
