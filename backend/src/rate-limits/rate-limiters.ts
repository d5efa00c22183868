import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DatabaseTarget } from '../database/data-source';
import { DATABASE_TARGET } from '../database/database.module';
import { RateLimitEntity } from './rate-limit.entity';

export interface RateLimit {
  /** Names the counter; keys of different limits never meet. */
  keyPrefix: string;
  points: number;
  /** The window, in seconds. */
  duration: number;
}

const TABLE = 'rate_limits';

/** Keys reach the table as HMACs: no client address or e-mail address is stored, and every key has the same length. */
class HashedKeyRateLimiterPostgres extends RateLimiterPostgres {
  constructor(
    options: ConstructorParameters<typeof RateLimiterPostgres>[0],
    private readonly keySecret: Buffer,
  ) {
    super(options);
  }

  override getKey(key: string | number): string {
    return super.getKey(createHmac('sha256', this.keySecret).update(String(key)).digest('base64url'));
  }
}

/**
 * Counters for throttles. On a PostgreSQL server they live in the rate_limits table, so all replicas count
 * together; while that table cannot be reached, each replica counts in memory (the insurance limiter). The embedded database serves one process, so its counters stay in memory: the library's queries
 * would bypass the serialized PGlite pool and could land inside another request's transaction.
 */
@Injectable()
export class RateLimiters {
  private readonly logger = new Logger(RateLimiters.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'schedulerEnabled' | 'secretKey'>,
  ) {}

  get shared(): boolean {
    return this.target.url !== null;
  }

  create(limit: RateLimit): RateLimiterAbstract {
    if (!this.shared) return new RateLimiterMemory(limit);
    return new HashedKeyRateLimiterPostgres(
      {
        ...limit,
        storeClient: this.dataSource,
        storeType: 'typeorm',
        tableName: TABLE,
        // The table comes from a migration: no DDL at start, and no timer per limiter (purgeExpired below).
        tableCreated: true,
        clearExpiredByTimeout: false,
        // When the table cannot be reached (the database is down or overloaded), this process counts alone in
        // memory with the same limit, instead of failing sign-ins and contact requests with a 500.
        insuranceLimiter: new RateLimiterMemory(limit),
      },
      createHmac('sha256', this.config.secretKey).update('rate-limit-keys').digest(),
    );
  }

  /** Deletes counters whose window has ended; returns how many. */
  async purgeExpired(now = Date.now()): Promise<number> {
    if (!this.shared) return 0;
    const result = await this.dataSource.createQueryBuilder().delete().from(RateLimitEntity).where('expire < :now', { now }).execute();
    return result.affected ?? 0;
  }

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'rate-limit-purge' })
  async purgeOnSchedule(): Promise<void> {
    if (!this.config.schedulerEnabled || !this.shared) return;
    try {
      await this.purgeExpired();
    } catch (error) {
      this.logger.error({ err: error }, 'deleting expired rate-limit counters failed');
    }
  }
}
