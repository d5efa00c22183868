import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';

/**
 * Who sees which requests: an ambassador those routed or assigned to them; a moderator the portal
 * requests of their cities (also after assigning one); an admin all.
 */
export function applyInboxScope<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  viewer: Pick<AuthUser, 'id' | 'role' | 'cities'>,
  alias = 'r',
): SelectQueryBuilder<T> {
  if (viewer.role === 'admin') return builder;
  if (viewer.role === 'ambassador') {
    return builder.andWhere(`${alias}.ambassador_id IN (SELECT id FROM ambassadors WHERE user_id = :viewerId)`, { viewerId: viewer.id });
  }
  return builder.andWhere(`${alias}.routed_to = 'portal' AND ${alias}.city = ANY(:viewerCities)`, { viewerCities: viewer.cities });
}
