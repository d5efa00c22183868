import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Role } from '@welcome-ruhr/contracts';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ALLOWED_ROLES, IS_PUBLIC } from './access.decorators';
import type { AuthUser } from './auth-user';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

/**
 * Guards every route: public ones pass, all others need a valid access token whose session is live
 * and whose user is active (so deactivating a user or signing out stops their tokens at once), and
 * one of the route's roles. A route with neither marker is refused: access is never granted by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access rule; refused.`);
      throw new DomainError(ErrorCode.Forbidden, 'This route is not open to anyone.');
    }

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const user = await this.authenticate(request.headers['authorization']);
    if (!roles.includes(user.role)) {
      throw new DomainError(ErrorCode.Forbidden, 'Your role may not do this.');
    }
    request.user = user;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthUser> {
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in.');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'Your session has expired. Please sign in again.');
    }
    const rows: Array<{ id: string; email: string; name: string; role: Role; cities: string[] }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.cities
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [payload.sid, payload.sub],
    );
    const row = rows[0];
    if (!row) throw new DomainError(ErrorCode.Unauthenticated, 'Your session has ended. Please sign in again.');
    return { ...row, sessionId: payload.sid };
  }
}
