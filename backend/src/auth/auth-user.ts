import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@welcome-ruhr/contracts';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/** Who is calling, as the guard loaded it for this request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  cities: string[];
  sessionId: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in.');
  return request.user;
});

/** Admins see every city; moderators and ambassadors only their own. */
export function canAccessCity(user: Pick<AuthUser, 'role' | 'cities'>, city: string): boolean {
  return user.role === 'admin' || user.cities.includes(city);
}

/** The cities of `requested` that the user may act on; every one must be allowed. */
export function assertCityScope(user: Pick<AuthUser, 'role' | 'cities'>, requested: string[]): void {
  const outside = requested.filter((city) => !canAccessCity(user, city));
  if (outside.length > 0) {
    throw new DomainError(ErrorCode.Forbidden, `You do not work for ${outside.join(', ')}.`);
  }
}
