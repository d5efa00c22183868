import { Role, ROLES } from '@welcome-ruhr/contracts';

export interface NavLink {
  path: string;
  /** Translation key of the link text. */
  labelKey: string;
  /** Translation key of a sentence that says what the page is for (shown on the overview). */
  descriptionKey: string;
  roles: readonly Role[];
  /** Active only on this exact URL (the overview would otherwise match every page). */
  exact: boolean;
  /** For browser tests: the overview links to the same pages under the same names. */
  testId: string;
  /** Other pages that belong to this link (an ambassador's account page belongs to "Profil"). */
  alsoActiveOn?: readonly string[];
  /** Sub-pages with a link of their own (the post review inside moderation). */
  notActiveOn?: readonly string[];
}

const STAFF: readonly Role[] = ['admin', 'moderator'];

/** The dashboard's pages in navigation order, and who may open them. */
export const NAV_LINKS: readonly NavLink[] = [
  {
    path: '/',
    labelKey: 'nav.overview',
    descriptionKey: 'nav.overviewDescription',
    roles: ROLES,
    exact: true,
    testId: 'nav-overview',
  },
  {
    path: '/posts',
    labelKey: 'nav.posts',
    descriptionKey: 'nav.postsDescription',
    roles: ['ambassador'],
    exact: false,
    testId: 'nav-posts',
  },
  {
    path: '/channels',
    labelKey: 'nav.channels',
    descriptionKey: 'nav.channelsDescription',
    roles: ['ambassador'],
    exact: false,
    testId: 'nav-channels',
  },
  {
    path: '/moderation',
    labelKey: 'nav.moderation',
    descriptionKey: 'nav.moderationDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-moderation',
    notActiveOn: ['/moderation/posts'],
  },
  {
    path: '/moderation/posts',
    labelKey: 'nav.postReview',
    descriptionKey: 'nav.postReviewDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-post-review',
  },
  {
    path: '/sources',
    labelKey: 'nav.sources',
    descriptionKey: 'nav.sourcesDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-sources',
  },
  {
    path: '/inbox',
    labelKey: 'nav.inbox',
    descriptionKey: 'nav.inboxDescription',
    roles: ROLES,
    exact: false,
    testId: 'nav-inbox',
  },
  {
    path: '/widgets',
    labelKey: 'nav.widgets',
    descriptionKey: 'nav.widgetsDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-widgets',
  },
  {
    path: '/services',
    labelKey: 'nav.services',
    descriptionKey: 'nav.servicesDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-services',
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'nav.auditDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-audit',
  },
  {
    path: '/topics',
    labelKey: 'nav.topics',
    descriptionKey: 'nav.topicsDescription',
    roles: ['admin'],
    exact: false,
    testId: 'nav-topics',
  },
  {
    path: '/users',
    labelKey: 'nav.users',
    descriptionKey: 'nav.usersDescription',
    roles: ['admin'],
    exact: false,
    testId: 'nav-users',
  },
  {
    path: '/mail-outbox',
    labelKey: 'nav.outbox',
    descriptionKey: 'nav.outboxDescription',
    roles: ['admin'],
    exact: false,
    testId: 'nav-outbox',
  },
  {
    path: '/privacy',
    labelKey: 'nav.privacy',
    descriptionKey: 'nav.privacyDescription',
    roles: ['admin'],
    exact: false,
    testId: 'nav-privacy',
  },
  {
    path: '/ambassador-profile',
    labelKey: 'nav.profile',
    descriptionKey: 'nav.ambassadorProfileDescription',
    roles: ['ambassador'],
    exact: false,
    testId: 'nav-profile',
    alsoActiveOn: ['/profile'],
  },
  {
    path: '/profile',
    labelKey: 'nav.profile',
    descriptionKey: 'nav.profileDescription',
    roles: STAFF,
    exact: false,
    testId: 'nav-profile',
  },
];

export function navLinksFor(role: Role | null): NavLink[] {
  return role ? NAV_LINKS.filter((link) => link.roles.includes(role)) : [];
}

function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** Whether the page at `url` belongs to the link (query and fragment do not count). */
export function isLinkActive(link: NavLink, url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] || '/';
  if (link.exact) return path === link.path;
  if (link.notActiveOn?.some((other) => within(path, other))) return false;
  return within(path, link.path) || (link.alsoActiveOn ?? []).some((other) => within(path, other));
}
