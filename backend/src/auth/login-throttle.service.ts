import { Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { RateLimiters } from '../rate-limits/rate-limiters';

/**
 * Failed sign-ins are counted per account and per address; past the limit both answer 429 with
 * Retry-After. On a PostgreSQL server all replicas count together (see docs/operations.md).
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(limiters: RateLimiters) {
    this.perAccount = limiters.create({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 });
    this.perAddress = limiters.create({ keyPrefix: 'login-address', points: 20, duration: 15 * 60 });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(email), this.perAddress.get(ip)]);
    const blocked = [
      account && account.consumedPoints >= 5 ? account : null,
      address && address.consumedPoints >= 20 ? address : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
      throw new DomainError(
        ErrorCode.TooManyAttempts,
        `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccount.penalty(email, 1),
      this.perAddress.penalty(ip, 1),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
