import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, UserDto } from '@welcome-ruhr/contracts';
import { Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AccessTokenPayload } from './auth.guard';
import type { AuthUser } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface SignedIn extends LoginResponse {
  refreshToken: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly userRepository: Repository<UserEntity>,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
  ) {}

  async login(emailInput: string, password: string, meta: { ip: string; userAgent?: string }): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.assertAllowed(email, meta.ip);
    const user = await this.userRepository.findOne({ where: { email } });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(email, meta.ip);
      this.logger.warn({ email, ip: meta.ip, reason: !user ? 'unknown e-mail' : !valid ? 'wrong password' : 'inactive' }, 'sign-in refused');
      throw new DomainError(
        ErrorCode.InvalidCredentials,
        user && valid && !user.active ? 'This account has been deactivated. Ask an admin to reactivate it.' : 'The e-mail or the password is wrong.',
      );
    }
    await this.throttle.recordSuccess(email);
    await this.userRepository.update({ id: user.id }, { lastLoginAt: new Date() });
    const { session, refreshToken } = await this.sessions.create(user.id, meta);
    this.logger.log({ userId: user.id, sessionId: session.id }, 'signed in');
    return this.signedIn(user.id, session.id, refreshToken);
  }

  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    const rotated = refreshToken ? await this.sessions.rotate(refreshToken) : null;
    if (!rotated) throw new DomainError(ErrorCode.Unauthenticated, 'Your session has ended. Please sign in again.');
    const user = await this.userRepository.findOne({ where: { id: rotated.session.userId } });
    if (!user?.active) {
      await this.sessions.revoke(rotated.session.id);
      throw new DomainError(ErrorCode.Unauthenticated, 'Your session has ended. Please sign in again.');
    }
    return this.signedIn(user.id, rotated.session.id, rotated.refreshToken);
  }

  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    if (refreshToken) await this.sessions.revokeByToken(refreshToken);
    if (sessionId) await this.sessions.revoke(sessionId);
  }

  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.userRepository.findOneOrFail({ where: { id: actor.id } });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The current password is wrong.', {
        fields: [{ field: 'currentPassword', problem: 'currentPassword is wrong' }],
      });
    }
    if (currentPassword === newPassword) {
      throw DomainError.invalidField('newPassword', 'newPassword must differ from the current password');
    }
    await this.userRepository.update({ id: user.id }, { passwordHash: await hashPassword(newPassword) });
    // Other browsers signed in as this user must sign in again with the new password.
    await this.sessions.revokeAllOf(user.id, actor.sessionId);
    this.logger.log({ userId: user.id }, 'password changed');
  }

  me(actor: AuthUser): Promise<UserDto> {
    return this.users.get(actor.id);
  }

  private async signedIn(userId: string, sessionId: string, refreshToken: string): Promise<SignedIn> {
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: ACCESS_TOKEN_SECONDS });
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, refreshToken, user: await this.users.get(userId) };
  }
}
