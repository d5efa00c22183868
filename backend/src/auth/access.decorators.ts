import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ROLES, type Role } from '@welcome-ruhr/contracts';

export const IS_PUBLIC = 'access:public';
export const ALLOWED_ROLES = 'access:roles';

/** Reachable without a login. Every route is either this or `Roles(...)`; a test walks them all. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Needs a login with one of these roles. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiBearerAuth());

/** Needs a login; any role. */
export const SignedIn = () => Roles(...ROLES);
