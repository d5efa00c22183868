import { Inject, Injectable } from '@nestjs/common';
import { CONTACT_MIN_FILL_SECONDS } from '@welcome-ruhr/contracts';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimiters } from '../rate-limits/rate-limiters';
import { readFormToken } from './form-token';

/** Every attempt from one client address (a shelter or a library may share one). */
export const REQUESTS_PER_ADDRESS_PER_HOUR = 20;
/** Accepted requests from one e-mail address. */
export const REQUESTS_PER_EMAIL_PER_HOUR = 5;

/**
 * Spam defence without third-party captchas: limits per client address and per e-mail address (counted
 * together by all replicas on a PostgreSQL server, like the sign-in throttle), and the minimum fill time.
 * The honeypot is the intake's.
 */
@Injectable()
export class ContactSpamGuard {
  private readonly perAddress: RateLimiterAbstract;
  private readonly perEmail: RateLimiterAbstract;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'secretKey'>,
    limiters: RateLimiters,
  ) {
    this.perAddress = limiters.create({ keyPrefix: 'contact-address', points: REQUESTS_PER_ADDRESS_PER_HOUR, duration: 3600 });
    this.perEmail = limiters.create({ keyPrefix: 'contact-email', points: REQUESTS_PER_EMAIL_PER_HOUR, duration: 3600 });
  }

  async countAddress(ip: string): Promise<void> {
    await this.consume(this.perAddress, ip, 'from your network');
  }

  async countEmail(email: string): Promise<void> {
    await this.consume(this.perEmail, email, 'from this e-mail address');
  }

  /** A form sent sooner than CONTACT_MIN_FILL_SECONDS after it was shown was filled by a machine. */
  assertFillTime(startedAt: string | number | undefined, now = Date.now()): void {
    if (startedAt === undefined) return;
    const shownAt = typeof startedAt === 'number' ? startedAt : readFormToken(this.config.secretKey, startedAt);
    if (shownAt === null) {
      throw DomainError.invalidField('startedAt', 'startedAt must be the formToken of the privacy notice or the time the form was shown in milliseconds');
    }
    const elapsedMs = now - shownAt;
    // A negative time means the browser's clock is ahead of ours: no judgement possible, so no refusal.
    if (elapsedMs >= 0 && elapsedMs < CONTACT_MIN_FILL_SECONDS * 1000) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `The form was sent too quickly. Please take at least ${CONTACT_MIN_FILL_SECONDS} seconds, check your message and send it again.`,
        { fields: [{ field: 'startedAt', problem: `startedAt is less than ${CONTACT_MIN_FILL_SECONDS} seconds ago: the form was sent too quickly` }] },
      );
    }
  }

  private async consume(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new DomainError(
        ErrorCode.TooManyAttempts,
        `Too many questions ${what} in a short time. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds },
      );
    }
  }
}
