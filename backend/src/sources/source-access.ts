import type { AuthUser } from '../auth/auth-user';
import { assertCityScope } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

type Viewer = Pick<AuthUser, 'role' | 'cities'>;

/**
 * Moderators see the sources of their cities and the regional ones (no city); they manage (edit,
 * delete, fetch now) only sources whose every city is theirs. Admins see and manage all.
 */
export function canSeeSource(viewer: Viewer, cities: readonly string[]): boolean {
  return viewer.role === 'admin' || cities.length === 0 || cities.some((city) => viewer.cities.includes(city));
}

export function assertCanSeeSource(viewer: Viewer, cities: readonly string[]): void {
  if (!canSeeSource(viewer, cities)) throw new DomainError(ErrorCode.Forbidden, 'This source belongs to cities you do not work for.');
}

export function assertCanManageSource(viewer: Viewer, cities: readonly string[]): void {
  if (viewer.role === 'admin') return;
  if (cities.length === 0) {
    throw new DomainError(ErrorCode.Forbidden, 'Only admins manage sources for the whole region (sources without a city).');
  }
  assertCityScope(viewer, [...cities]);
}

/** Cities of a new or edited source: a moderator must name at least one, and only their own. */
export function assertCanAssignCities(viewer: Viewer, cities: readonly string[], field = 'cities'): void {
  if (viewer.role === 'admin') return;
  if (cities.length === 0) {
    throw DomainError.invalidField(field, 'must name at least one of your cities (only admins add sources for the whole region)');
  }
  assertCityScope(viewer, [...cities]);
}
