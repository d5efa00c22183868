import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailTransport } from './mail-transport';
import { CLAIM_LEASE_SECONDS, describeFailure, isPermanent, MAX_ATTEMPTS, retryDelaySeconds, type SendFailure } from './outbox-policy';

const TICK_MS = 5000;
const BATCH = 20;
const INTERVAL_NAME = 'mail-outbox-tick';

interface ClaimedMail {
  id: string;
  to_address: string;
  from_name: string | null;
  reply_to: string | null;
  subject: string;
  text: string;
  html: string | null;
  language: string;
  attempts: number;
}

export interface DeliveryResult {
  sent: number;
  /** Failed this time and due again later. */
  retrying: number;
  /** Given up: a permanent refusal or too many attempts. */
  failed: number;
}

/**
 * Delivers due mails of the outbox. A claim pushes `next_attempt_at` forward (a lease) with
 * `FOR UPDATE SKIP LOCKED`, so several replicas never send the same mail at once, and a mail whose
 * process died while sending is due again when the lease ends. Failures wait with exponential backoff.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxWorker.name);
  private current: Promise<DeliveryResult> | null = null;
  private next: Promise<DeliveryResult> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'schedulerEnabled'>,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  /** Sends on its own only where timed work runs (SCHEDULER_ENABLED) and SMTP_URL is set. */
  private get automatic(): boolean {
    return this.config.schedulerEnabled && this.transport.configured && !this.stopped;
  }

  onApplicationBootstrap(): void {
    if (!this.transport.configured) {
      this.logger.warn('SMTP_URL is not set: mails wait in the outbox (admins see them under Mail).');
      return;
    }
    if (!this.config.schedulerEnabled || !this.registry) return;
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => this.kick(), TICK_MS));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.registry?.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    await Promise.allSettled([this.current, this.next]);
  }

  /** Starts a delivery round in the background (new mail, a retry, the tick). */
  kick(): void {
    if (!this.automatic) return;
    this.sendDue().catch((error) => this.logger.error({ err: error }, 'mail delivery round failed'));
  }

  /**
   * Sends every mail due at `now` and returns what happened. A call while a round runs waits for it and
   * runs one more round (calls meanwhile share that one), so nothing enqueued meanwhile is missed.
   */
  sendDue(now?: Date): Promise<DeliveryResult> {
    if (!this.current) {
      this.current = this.round(now).finally(() => (this.current = null));
      return this.current;
    }
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.sendDue(now);
      });
    return this.next;
  }

  private async round(now = new Date()): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
    if (!this.transport.configured) return result;
    for (;;) {
      const claimed = await this.claim(now);
      for (const mail of claimed) {
        const outcome = await this.deliver(mail, now);
        result[outcome]++;
      }
      if (claimed.length < BATCH || this.stopped) return result;
    }
  }

  /** Due by `now` or by the database's clock: a mail enqueued within the same millisecond is due too (JavaScript stops at ms). */
  private async claim(now: Date): Promise<ClaimedMail[]> {
    const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000);
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2
        WHERE id IN (SELECT id FROM outbox
                      WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= greatest($1::timestamptz, now())
                      ORDER BY next_attempt_at, created_at
                      LIMIT $3
                      FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, from_name, reply_to, subject, text, html, language, attempts`,
      [now, leaseUntil, BATCH],
    )) as [ClaimedMail[], number];
    return rows;
  }

  private async deliver(mail: ClaimedMail, now: Date): Promise<keyof DeliveryResult> {
    try {
      const messageId = await this.transport.send({
        to: mail.to_address,
        fromName: mail.from_name,
        replyTo: mail.reply_to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        language: mail.language,
      });
      await this.dataSource.query(`UPDATE outbox SET sent_at = now(), last_error = NULL, message_id = $2 WHERE id = $1`, [
        mail.id,
        messageId.slice(0, 300) || null,
      ]);
      this.logger.log({ outboxId: mail.id, attempts: mail.attempts }, 'mail sent');
      return 'sent';
    } catch (error) {
      const failure = error as SendFailure;
      const lastError = describeFailure({ ...failure, message: String(failure.message ?? error) });
      if (isPermanent(failure) || mail.attempts >= MAX_ATTEMPTS) {
        await this.dataSource.query(`UPDATE outbox SET failed_at = now(), last_error = $2 WHERE id = $1`, [mail.id, lastError]);
        this.logger.warn({ outboxId: mail.id, attempts: mail.attempts, error: lastError }, 'mail failed for good');
        return 'failed';
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelaySeconds(mail.attempts) * 1000);
      await this.dataSource.query(`UPDATE outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1`, [mail.id, nextAttemptAt, lastError]);
      this.logger.warn({ outboxId: mail.id, attempts: mail.attempts, nextAttemptAt, error: lastError }, 'mail not sent; will retry');
      return 'retrying';
    }
  }
}
