import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * rate-limiter-flexible's counters on a PostgreSQL server (RateLimiterPostgres's schema, `key` as text), so
 * every replica counts together.
 */
@Entity('rate_limits')
@Index('rate_limits_expire_idx', ['expire'])
export class RateLimitEntity {
  /** keyPrefix:HMAC of the key, e.g. login-account:3q2-…; the address or e-mail itself is never stored. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  /** When the window ends, in milliseconds since 1970 (the library's clock); null never expires. */
  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}
