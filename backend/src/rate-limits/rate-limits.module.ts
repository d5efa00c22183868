import { Module } from '@nestjs/common';
import { RateLimiters } from './rate-limiters';

/** Throttle counters that every replica shares on a PostgreSQL server (see docs/operations.md). */
@Module({
  providers: [RateLimiters],
  exports: [RateLimiters],
})
export class RateLimitsModule {}
