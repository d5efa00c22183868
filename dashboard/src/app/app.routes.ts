import { Route } from '@angular/router';
import { adminGuard, moderatorGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';

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
        path: 'moderation',
        pathMatch: 'full',
        title: 'moderation.title',
        canActivate: [moderatorGuard],
        loadComponent: () => import('./moderation/moderation-page/moderation-page').then((m) => m.ModerationPage),
      },
      {
        path: 'moderation/rules',
        title: 'blockedPhrases.title',
        canActivate: [moderatorGuard],
        loadComponent: () =>
          import('./moderation/blocked-phrases-page/blocked-phrases-page').then((m) => m.BlockedPhrasesPage),
      },
      {
        path: 'sources',
        title: 'sources.title',
        canActivate: [moderatorGuard],
        loadComponent: () => import('./sources/sources-page/sources-page').then((m) => m.SourcesPage),
      },
      {
        path: 'audit',
        title: 'audit.title',
        canActivate: [moderatorGuard],
        loadComponent: () => import('./audit/audit-page/audit-page').then((m) => m.AuditPage),
      },
      {
        path: 'topics',
        title: 'topics.title',
        canActivate: [adminGuard],
        loadComponent: () => import('./topics/topics-page/topics-page').then((m) => m.TopicsPage),
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
