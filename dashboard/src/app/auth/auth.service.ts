import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ChangePasswordRequest, LoginRequest, LoginResponse, UserDto } from '@welcome-ruhr/contracts';
import { catchError, finalize, firstValueFrom, map, Observable, of, shareReplay, tap } from 'rxjs';

/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_SECONDS = 60;
/** After a refresh that failed for another reason than 401 (network, 5xx), try again after this. */
export const REFRESH_RETRY_MS = 30_000;

interface Session {
  accessToken: string;
  user: UserDto;
}

/**
 * The signed-in session. The access token lives in memory only; the refresh token is an httpOnly
 * cookie the server sets, so a reload restores the session through `POST /api/auth/refresh`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly session = signal<Session | null>(null);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingRefresh: Observable<LoginResponse> | null = null;
  private restored: Promise<void> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed(() => this.user()?.role ?? null);
  readonly signedIn = computed(() => this.session() !== null);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /** Resolves once the session that may survive from an earlier visit has been restored (or not). */
  ready(): Promise<void> {
    this.restored ??= firstValueFrom(this.refresh()).then(
      () => undefined,
      () => undefined,
    );
    return this.restored;
  }

  login(credentials: LoginRequest): Observable<UserDto> {
    return this.http
      .post<LoginResponse>('/api/auth/login', credentials)
      .pipe(map((response) => this.start(response).user));
  }

  /** A new access token from the refresh cookie; callers at the same moment share one request. */
  refresh(): Observable<LoginResponse> {
    this.pendingRefresh ??= this.http.post<LoginResponse>('/api/auth/refresh', null).pipe(
      tap({
        next: (response) => this.start(response),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) this.end();
        },
      }),
      finalize(() => (this.pendingRefresh = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.pendingRefresh;
  }

  /** Signs out on the server and always here, even when the server cannot be reached. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null).pipe(
      catchError(() => of(null)),
      map(() => undefined),
      finalize(() => this.end()),
    );
  }

  /** The session is gone (the refresh cookie expired or was revoked): back to the sign-in page. */
  expire(): void {
    const returnUrl = this.router.url;
    this.end();
    void this.router.navigate(['/login'], {
      queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {},
    });
  }

  me(): Observable<UserDto> {
    return this.http.get<UserDto>('/api/auth/me').pipe(
      tap((user) => this.session.update((session) => (session ? { ...session, user } : session))),
    );
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/change-password', request).pipe(map(() => undefined));
  }

  private start(response: LoginResponse): LoginResponse {
    this.session.set({ accessToken: response.accessToken, user: response.user });
    this.schedule(this.refreshDelayMs(response.expiresIn));
    return response;
  }

  private end(): void {
    clearTimeout(this.refreshTimer);
    this.session.set(null);
  }

  /** A minute before expiry; for very short tokens, at half their lifetime. */
  private refreshDelayMs(expiresIn: number): number {
    return Math.max(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn / 2) * 1000;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refresh().subscribe({
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) this.expire();
          else if (this.session()) this.schedule(REFRESH_RETRY_MS);
        },
      });
    }, delayMs);
  }
}
