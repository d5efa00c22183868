import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** Endpoints that manage the session itself: a 401 from them means what it says, no refresh. */
const SESSION_ENDPOINTS = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);
/** Endpoints that do not take the access token (the refresh cookie or the password identifies). */
const TOKENLESS_ENDPOINTS = new Set(['/api/auth/login', '/api/auth/refresh']);

function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Sends the access token with every API call. On a 401 it refreshes the token once and repeats
 * the call; when the refresh fails too, the session is over and the sign-in page opens.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) return next(request);

  const auth = inject(AuthService);
  const path = pathOf(request.url);
  const sessionEndpoint = SESSION_ENDPOINTS.has(path);
  const sent = TOKENLESS_ENDPOINTS.has(path) ? request : withToken(request, auth.accessToken());

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (sessionEndpoint || !(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError(() => {
          auth.expire();
          return throwError(() => error);
        }),
        switchMap((session) => next(withToken(request, session.accessToken))),
      );
    }),
  );
};
