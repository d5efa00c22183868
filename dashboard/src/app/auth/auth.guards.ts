import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { Role } from '@welcome-ruhr/contracts';
import { AuthService } from './auth.service';

/** Lets signed-in people through; everyone else goes to the sign-in page and comes back after. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  if (auth.signedIn()) return true;
  return router.createUrlTree(['/login'], { queryParams: state.url === '/' ? {} : { returnUrl: state.url } });
};

/** Only the given roles; other signed-in people go to the overview. */
function roleGuard(allowed: readonly Role[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    await auth.ready();
    if (!auth.signedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    const role = auth.role();
    return role && allowed.includes(role) ? true : router.createUrlTree(['/']);
  };
}

/** Admins only; other signed-in people go to the overview. */
export const adminGuard: CanActivateFn = roleGuard(['admin']);

/** Moderators and admins (sources, moderation, audit log). */
export const moderatorGuard: CanActivateFn = roleGuard(['admin', 'moderator']);

/** Ambassadors only (posts, channels, the public profile). */
export const ambassadorGuard: CanActivateFn = roleGuard(['ambassador']);

/** Matches a route for ambassadors only, so the same path can show them their own start page. */
export const ambassadorMatch: CanMatchFn = async () => {
  const auth = inject(AuthService);
  await auth.ready();
  return auth.role() === 'ambassador';
};

/** The sign-in page is for people who are not signed in yet. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  return auth.signedIn() ? router.createUrlTree(['/']) : true;
};
