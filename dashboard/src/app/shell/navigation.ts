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
}

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
    path: '/moderation',
    labelKey: 'nav.moderation',
    descriptionKey: 'nav.moderationDescription',
    roles: ['admin', 'moderator'],
    exact: false,
    testId: 'nav-moderation',
  },
  {
    path: '/sources',
    labelKey: 'nav.sources',
    descriptionKey: 'nav.sourcesDescription',
    roles: ['admin', 'moderator'],
    exact: false,
    testId: 'nav-sources',
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'nav.auditDescription',
    roles: ['admin', 'moderator'],
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
    path: '/profile',
    labelKey: 'nav.profile',
    descriptionKey: 'nav.profileDescription',
    roles: ROLES,
    exact: false,
    testId: 'nav-profile',
  },
];

export function navLinksFor(role: Role | null): NavLink[] {
  return role ? NAV_LINKS.filter((link) => link.roles.includes(role)) : [];
}
