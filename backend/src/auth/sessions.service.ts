import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

export const REFRESH_TOKEN_DAYS = 30;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Refresh tokens: random, stored only as a hash, rotated on every use, revocable. */
@Injectable()
export class SessionsService {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(userId: string, meta: { userAgent?: string; ip?: string }): Promise<{ session: SessionEntity; refreshToken: string }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
        revokedAt: null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip?.slice(0, 64) ?? null,
      }),
    );
    return { session, refreshToken };
  }

  /** The live session a refresh token belongs to, with a new token in place of the old one. */
  async rotate(refreshToken: string): Promise<{ session: SessionEntity; refreshToken: string } | null> {
    const next = randomBytes(32).toString('base64url');
    const result = await this.sessions
      .createQueryBuilder()
      .update()
      .set({ tokenHash: sha256(next), expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000) })
      .where('token_hash = :hash AND revoked_at IS NULL AND expires_at > now()', { hash: sha256(refreshToken) })
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) return null;
    return { session: this.sessions.create({ id: row['id'] as string, userId: row['user_id'] as string }), refreshToken: next };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeByToken(refreshToken: string): Promise<void> {
    await this.sessions.update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOf(userId: string, exceptSessionId?: string): Promise<void> {
    const query = this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    await query.execute();
  }
}
