import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginResponse } from '@welcome-ruhr/contracts';
import { newUser } from '../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

function session(accessToken: string): LoginResponse {
  return { accessToken, expiresIn: 900, user: newUser() };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let httpClient: HttpClient;
  let http: HttpTestingController;
  let auth: AuthService;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    httpClient = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  function signIn(token = 'token-1'): void {
    auth.login({ email: 'a@example.org', password: 'pw' }).subscribe();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush(session(token));
  }

  it('sends the access token with API calls', () => {
    signIn('token-1');
    httpClient.get('/api/users').subscribe();
    expect(http.expectOne('/api/users').request.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('sends no token anywhere else', () => {
    signIn('token-1');
    httpClient.get('/i18n/de.json').subscribe();
    httpClient.get('https://example.org/api/users').subscribe();
    expect(http.expectOne('/i18n/de.json').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('https://example.org/api/users').request.headers.has('Authorization')).toBe(false);
  });

  it('sends no header while signed out', () => {
    httpClient.get('/api/users').subscribe({ error: () => undefined });
    expect(http.expectOne('/api/users').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on a 401 and repeats the call with the new token', () => {
    signIn('old-token');
    let body: unknown;
    httpClient.get('/api/users').subscribe((b) => (body = b));
    http.expectOne('/api/users').flush({ statusCode: 401, code: 'TOKEN_EXPIRED', message: 'expired' }, unauthorized);

    const refresh = http.expectOne('/api/auth/refresh');
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(session('new-token'));

    const retry = http.expectOne('/api/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush([{ id: 'u1' }]);
    expect(body).toEqual([{ id: 'u1' }]);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lets calls that fail at the same moment share one refresh', () => {
    signIn('old-token');
    httpClient.get('/api/users').subscribe();
    httpClient.get('/api/auth/me').subscribe();
    http.expectOne('/api/users').flush(null, unauthorized);
    http.expectOne('/api/auth/me').flush(null, unauthorized);

    http.expectOne('/api/auth/refresh').flush(session('new-token'));

    const retries = http.match((r) => r.headers.get('Authorization') === 'Bearer new-token');
    expect(retries.map((r) => r.request.url).sort()).toEqual(['/api/auth/me', '/api/users']);
    retries.forEach((r) => r.flush({}));
  });

  it('goes to the sign-in page when the refresh is refused, and passes the 401 on', () => {
    signIn('old-token');
    let error: HttpErrorResponse | undefined;
    httpClient.get('/api/users').subscribe({ error: (e) => (error = e) });
    http.expectOne('/api/users').flush(null, unauthorized);
    http.expectOne('/api/auth/refresh').flush(null, unauthorized);

    expect(error?.status).toBe(401);
    expect(error?.url).toBe('/api/users');
    expect(auth.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('passes a second 401 on without refreshing again', () => {
    signIn('old-token');
    let error: HttpErrorResponse | undefined;
    httpClient.post('/api/auth/change-password', {}).subscribe({ error: (e) => (error = e) });
    http.expectOne('/api/auth/change-password').flush(null, unauthorized);
    http.expectOne('/api/auth/refresh').flush(session('new-token'));
    http.expectOne('/api/auth/change-password').flush({ message: 'Wrong password' }, unauthorized);

    http.expectNone('/api/auth/refresh');
    expect(error?.status).toBe(401);
    expect(auth.signedIn()).toBe(true);
  });

  it('does not refresh when signing in fails', () => {
    let error: HttpErrorResponse | undefined;
    auth.login({ email: 'a@example.org', password: 'wrong' }).subscribe({ error: (e) => (error = e) });
    http.expectOne('/api/auth/login').flush({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong' }, unauthorized);

    http.expectNone('/api/auth/refresh');
    expect(error?.status).toBe(401);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('leaves other errors alone', () => {
    signIn();
    let error: HttpErrorResponse | undefined;
    httpClient.get('/api/users').subscribe({ error: (e) => (error = e) });
    http.expectOne('/api/users').flush(null, { status: 403, statusText: 'Forbidden' });
    http.expectNone('/api/auth/refresh');
    expect(error?.status).toBe(403);
  });
});
