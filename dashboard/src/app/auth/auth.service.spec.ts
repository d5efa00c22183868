import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginResponse } from '@welcome-ruhr/contracts';
import { newUser } from '../../testing/users';
import { AuthService, REFRESH_RETRY_MS } from './auth.service';

function session(accessToken: string, expiresIn = 900): LoginResponse {
  return { accessToken, expiresIn, user: newUser({ name: 'Ada Admin', role: 'admin', cities: [] }) };
}

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  function signIn(response = session('token-1')): void {
    auth.login({ email: 'ada@example.org', password: 'secret-password' }).subscribe();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@example.org', password: 'secret-password' });
    request.flush(response);
  }

  it('keeps the access token and user in memory after signing in', () => {
    expect(auth.signedIn()).toBe(false);
    signIn();
    expect(auth.signedIn()).toBe(true);
    expect(auth.accessToken()).toBe('token-1');
    expect(auth.user()?.name).toBe('Ada Admin');
    expect(auth.role()).toBe('admin');
  });

  it('refreshes a minute before the access token expires', () => {
    signIn(session('token-1', 900));

    jest.advanceTimersByTime(839_999);
    http.expectNone('/api/auth/refresh');

    jest.advanceTimersByTime(1);
    const refresh = http.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    refresh.flush(session('token-2', 900));
    expect(auth.accessToken()).toBe('token-2');

    // ... and again for the new token
    jest.advanceTimersByTime(840_000);
    http.expectOne('/api/auth/refresh').flush(session('token-3', 900));
    expect(auth.accessToken()).toBe('token-3');
  });

  it('refreshes short-lived tokens at half their lifetime', () => {
    signIn(session('token-1', 60));
    jest.advanceTimersByTime(29_999);
    http.expectNone('/api/auth/refresh');
    jest.advanceTimersByTime(1);
    http.expectOne('/api/auth/refresh').flush(session('token-2', 60));
  });

  it('sends people to the sign-in page when the scheduled refresh is refused', () => {
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    signIn(session('token-1', 120));
    jest.advanceTimersByTime(60_000);
    http.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(auth.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('keeps the session and tries again later when the refresh fails for another reason', () => {
    signIn(session('token-1', 120));
    jest.advanceTimersByTime(60_000);
    http.expectOne('/api/auth/refresh').flush(null, { status: 503, statusText: 'Service Unavailable' });
    expect(auth.accessToken()).toBe('token-1');

    jest.advanceTimersByTime(REFRESH_RETRY_MS);
    http.expectOne('/api/auth/refresh').flush(session('token-2', 120));
    expect(auth.accessToken()).toBe('token-2');
  });

  it('shares one refresh request between callers at the same moment', () => {
    const tokens: string[] = [];
    auth.refresh().subscribe((r) => tokens.push(r.accessToken));
    auth.refresh().subscribe((r) => tokens.push(r.accessToken));
    http.expectOne('/api/auth/refresh').flush(session('token-9'));
    expect(tokens).toEqual(['token-9', 'token-9']);

    // a later call asks again
    auth.refresh().subscribe();
    http.expectOne('/api/auth/refresh').flush(session('token-10'));
  });

  describe('ready()', () => {
    it('restores the session from the refresh cookie on start', async () => {
      const ready = auth.ready();
      http.expectOne('/api/auth/refresh').flush(session('restored'));
      await ready;
      expect(auth.signedIn()).toBe(true);
      expect(auth.accessToken()).toBe('restored');
    });

    it('resolves signed out when there is no session (401)', async () => {
      const ready = auth.ready();
      http.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
      await expect(ready).resolves.toBeUndefined();
      expect(auth.signedIn()).toBe(false);
    });

    it('asks the server only once', async () => {
      const first = auth.ready();
      const second = auth.ready();
      http.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
      await Promise.all([first, second]);
      expect(auth.ready()).toBe(first);
    });
  });

  it('signs out here even when the server cannot be reached', () => {
    signIn();
    let completed = false;
    auth.logout().subscribe({ complete: () => (completed = true) });
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    request.error(new ProgressEvent('error'));

    expect(completed).toBe(true);
    expect(auth.signedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    // no refresh is left scheduled for the ended session
    jest.advanceTimersByTime(3_600_000);
    http.expectNone('/api/auth/refresh');
  });

  it('updates the user from /api/auth/me', () => {
    signIn();
    auth.me().subscribe();
    http.expectOne('/api/auth/me').flush(newUser({ name: 'Ada Renamed', role: 'admin' }));
    expect(auth.user()?.name).toBe('Ada Renamed');
    expect(auth.accessToken()).toBe('token-1');
  });

  it('changes the password', () => {
    let done = false;
    auth.changePassword({ currentPassword: 'old-password', newPassword: 'new-password-1' }).subscribe(() => (done = true));
    const request = http.expectOne('/api/auth/change-password');
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });
});
