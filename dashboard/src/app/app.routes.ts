import { Route } from '@angular/router';
import { adminGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';

/** Route titles are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'overview.title',
        loadComponent: () => import('./overview/overview-page/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'users',
        title: 'users.title',
        canActivate: [adminGuard],
        loadComponent: () => import('./users/users-page/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'profile',
        title: 'profile.title',
        loadComponent: () => import('./profile/profile-page/profile-page').then((m) => m.ProfilePage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
