import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../auth.service';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function signIn(email = 'ada@example.org', password = 'correct horse'): void {
    type(getByLabel(page, 'E-Mail'), email);
    type(getByLabel(page, 'Passwort'), password);
    getButton(page, 'Anmelden').click();
    fixture.detectChanges();
  }

  function alertText(): string {
    return textOf(page.querySelector('[role="alert"]'));
  }

  it('has one main landmark, a heading and labelled fields', () => {
    expect(page.querySelectorAll('main#main')).toHaveLength(1);
    expect(textOf(page.querySelector('h1'))).toBe('Anmelden');
    expect(getByLabel(page, 'E-Mail').type).toBe('email');
    expect(getByLabel(page, 'Passwort').type).toBe('password');
    expect(getByLabel(page, 'Passwort').autocomplete).toBe('current-password');
  });

  it('signs in and goes to the overview', () => {
    signIn();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'ada@example.org', password: 'correct horse' });
    login.flush({ accessToken: 't', expiresIn: 900, user: newUser() });

    expect(TestBed.inject(AuthService).signedIn()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('goes back to the page that sent the person here, but never off the dashboard', () => {
    fixture.componentRef.setInput('returnUrl', '/users?role=admin');
    signIn();
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user: newUser() });
    expect(navigateByUrl).toHaveBeenLastCalledWith('/users?role=admin');

    fixture.componentRef.setInput('returnUrl', '//evil.example/');
    signIn();
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user: newUser() });
    expect(navigateByUrl).toHaveBeenLastCalledWith('/');
  });

  it("shows the API's message when signing in fails", () => {
    signIn('ada@example.org', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    fixture.detectChanges();

    expect(alertText()).toBe('E-mail or password is wrong.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts', () => {
    signIn();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts.' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '42' } },
      );
    fixture.detectChanges();

    expect(alertText()).toBe('Zu viele Versuche. Bitte versuchen Sie es in 42 s erneut.');
  });

  it('asks for both fields before sending anything', () => {
    getButton(page, 'Anmelden').click();
    fixture.detectChanges();

    http.expectNone('/api/auth/login');
    const email = getByLabel(page, 'E-Mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(descriptionOf(getByLabel(page, 'Passwort'))).toBe('Bitte füllen Sie dieses Feld aus.');

    type(email, 'not-an-address');
    getButton(page, 'Anmelden').click();
    fixture.detectChanges();
    expect(descriptionOf(email)).toBe('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
  });
});
