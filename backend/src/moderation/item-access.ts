import type { AuthUser } from '../auth/auth-user';

/**
 * Moderators work on the items of their cities and on items without any city (those concern the whole
 * region, so every moderator sees them); admins on every item. Seeing and deciding follow the same rule.
 */
export function canModerateItem(user: Pick<AuthUser, 'role' | 'cities'>, itemCities: readonly string[]): boolean {
  return user.role === 'admin' || itemCities.length === 0 || itemCities.some((city) => user.cities.includes(city));
}
