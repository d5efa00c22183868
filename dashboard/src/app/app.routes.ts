import { Route, UrlMatchResult, UrlSegment } from '@angular/router';
import {
  adminGuard,
  ambassadorGuard,
  ambassadorMatch,
  moderatorGuard,
  signedInGuard,
  signedOutGuard,
} from './auth/auth.guards';

/** `inbox` and `inbox/<id>`; the id becomes the page's `id` input. */
export function inboxMatcher(segments: UrlSegment[]): UrlMatchResult | null {
  if (segments[0]?.path !== 'inbox' || segments.length > 2) return null;
  return { consumed: segments, posParams: segments[1] ? { id: segments[1] } : {} };
}

/** Route titles are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page/login-page').then((m) => m.LoginPage),
  },
  {
    // The link of an invitation mail: public, the invitee has no account yet.
    path: 'invitations/:token',
    title: 'acceptInvitation.title',
    loadComponent: () =>
      import('./invitations/accept-invitation-page/accept-invitation-page').then((m) => m.AcceptInvitationPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        // Ambassadors start on their own page: posts, calendar, channels, notifications.
        path: '',
        pathMatch: 'full',
        title: 'overview.title',
        canMatch: [ambassadorMatch],
        loadComponent: () => import('./ambassador/ambassador-home/ambassador-home').then((m) => m.AmbassadorHome),
      },
      {
        path: '',
        pathMatch: 'full',
        title: 'overview.title',
        loadComponent: () => import('./overview/overview-page/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'posts',
        title: 'posts.title',
        canActivate: [ambassadorGuard],
        loadComponent: () => import('./posts/posts-page/posts-page').then((m) => m.PostsPage),
      },
      {
        path: 'posts/new',
        title: 'composer.newTitle',
        canActivate: [ambassadorGuard],
        loadComponent: () => import('./posts/post-composer/post-composer').then((m) => m.PostComposer),
      },
      {
        path: 'posts/:id/edit',
        title: 'composer.editTitle',
        canActivate: [ambassadorGuard],
        loadComponent: () => import('./posts/post-composer/post-composer').then((m) => m.PostComposer),
      },
      {
        path: 'channels',
        title: 'channels.title',
        canActivate: [ambassadorGuard],
        loadComponent: () => import('./channels/channels-page/channels-page').then((m) => m.ChannelsPage),
      },
      {
        // Facebook Login returns here (the redirect address registered with the Facebook app).
        path: 'channels/facebook/callback',
        title: 'facebookCallback.title',
        canActivate: [ambassadorGuard],
        loadComponent: () =>
          import('./channels/facebook-callback-page/facebook-callback-page').then((m) => m.FacebookCallbackPage),
      },
      {
        path: 'ambassador-profile',
        title: 'ambassadorProfile.title',
        canActivate: [ambassadorGuard],
        loadComponent: () =>
          import('./ambassador/ambassador-profile-page/ambassador-profile-page').then((m) => m.AmbassadorProfilePage),
      },
      {
        // `/inbox` and `/inbox/:id` are one route, so moving between requests keeps the list.
        matcher: inboxMatcher,
        title: 'inbox.title',
        loadComponent: () => import('./inbox/inbox-page/inbox-page').then((m) => m.InboxPage),
      },
      {
        path: 'moderation',
        pathMatch: 'full',
        title: 'moderation.title',
        canActivate: [moderatorGuard],
        loadComponent: () => import('./moderation/moderation-page/moderation-page').then((m) => m.ModerationPage),
      },
      {
        path: 'moderation/posts',
        title: 'postReview.title',
        canActivate: [moderatorGuard],
        loadComponent: () =>
          import('./moderation/post-review-page/post-review-page').then((m) => m.PostReviewPage),
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
        path: 'widgets',
        title: 'widgets.title',
        canActivate: [moderatorGuard],
        loadComponent: () =>
          import('./widgets/widget-config-page/widget-config-page').then((m) => m.WidgetConfigPage),
      },
      {
        path: 'services',
        title: 'services.title',
        canActivate: [moderatorGuard],
        loadComponent: () => import('./services-directory/services-page/services-page').then((m) => m.ServicesPage),
      },
      {
        path: 'services/categories',
        title: 'serviceCategories.title',
        canActivate: [adminGuard],
        loadComponent: () =>
          import('./services-directory/categories-page/categories-page').then((m) => m.CategoriesPage),
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
        path: 'mail-outbox',
        title: 'outbox.title',
        canActivate: [adminGuard],
        loadComponent: () => import('./mail-outbox/outbox-page/outbox-page').then((m) => m.OutboxPage),
      },
      {
        path: 'privacy',
        title: 'privacy.title',
        canActivate: [adminGuard],
        loadComponent: () => import('./privacy/privacy-page/privacy-page').then((m) => m.PrivacyPage),
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
