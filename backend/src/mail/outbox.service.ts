import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxListDto, OutboxMessageDto, OutboxStatus } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { cursorTimeSql, decodeCreatedCursor, encodeCreatedCursor } from './created-cursor';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import { MailTransport } from './mail-transport';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxWorker } from './outbox-worker';

const DAY_MS = 24 * 60 * 60 * 1000;

function statusOf(mail: OutboxMessageEntity): OutboxStatus {
  if (mail.sentAt) return 'sent';
  if (mail.failedAt) return 'failed';
  return 'waiting';
}

export function toOutboxDto(mail: OutboxMessageEntity): OutboxMessageDto {
  const status = statusOf(mail);
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.toAddress,
    subject: mail.subject,
    language: mail.language,
    status,
    attempts: mail.attempts,
    nextAttemptAt: status === 'waiting' ? mail.nextAttemptAt.toISOString() : null,
    lastError: mail.lastError,
    sentAt: mail.sentAt?.toISOString() ?? null,
    failedAt: mail.failedAt?.toISOString() ?? null,
    createdAt: mail.createdAt.toISOString(),
  };
}

/** What admins do with the outbox: look, retry; and the deletion of old sent mails. */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly worker: OutboxWorker,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mailOutboxRetentionDays' | 'schedulerEnabled'>,
  ) {}

  async list(query: ListOutboxQuery): Promise<OutboxListDto> {
    const limit = query.limit ?? 50;
    const builder = this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .addSelect(cursorTimeSql('m.created_at'), 'cursor_time')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1);
    if (query.status === 'sent') builder.andWhere('m.sent_at IS NOT NULL');
    if (query.status === 'failed') builder.andWhere('m.sent_at IS NULL AND m.failed_at IS NOT NULL');
    if (query.status === 'waiting') builder.andWhere('m.sent_at IS NULL AND m.failed_at IS NULL');
    if (query.cursor) {
      const cursor = decodeCreatedCursor(query.cursor);
      builder.andWhere('(m.created_at, m.id) < (:cursorTime::timestamptz, :cursorId::uuid)', { cursorTime: cursor.createdAt, cursorId: cursor.id });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ cursor_time: string }>();
    const page = entities.slice(0, limit);
    const last = page.length === limit && entities.length > limit ? page[limit - 1] : null;
    return {
      items: page.map(toOutboxDto),
      nextCursor: last ? encodeCreatedCursor({ createdAt: raw[limit - 1]!.cursor_time, id: last.id }) : null,
      smtpConfigured: this.transport.configured,
    };
  }

  /** A failed or waiting mail is due at once again, with a fresh count of attempts. */
  async retry(actor: AuthUser, id: string): Promise<OutboxMessageDto> {
    const repository = this.dataSource.getRepository(OutboxMessageEntity);
    const mail = await repository.findOne({ where: { id } });
    if (!mail) throw DomainError.notFound('The mail');
    if (mail.sentAt) throw new DomainError(ErrorCode.Conflict, 'This mail was sent already.');
    await repository.update({ id }, { failedAt: null, attempts: 0, nextAttemptAt: new Date() });
    await this.audit.record({ actorId: actor.id, action: 'mail.retry', entityType: 'outbox', entityId: id, before: { status: statusOf(mail), attempts: mail.attempts, lastError: mail.lastError } });
    this.worker.kick();
    return toOutboxDto((await repository.findOne({ where: { id } }))!);
  }

  /** Sent and failed mails hold personal data too: deleted MAIL_OUTBOX_RETENTION_DAYS later. One statement: safe on many replicas. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.mailOutboxRetentionDays * DAY_MS);
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OutboxMessageEntity)
      .where('(sent_at IS NOT NULL AND sent_at < :cutoff) OR (failed_at IS NOT NULL AND failed_at < :cutoff)', { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'mail-outbox-retention' })
  async purgeOnSchedule(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    try {
      const deleted = await this.purge();
      if (deleted > 0) this.logger.log({ deleted }, 'old mails deleted from the outbox');
    } catch (error) {
      this.logger.error({ err: error }, 'outbox retention failed');
    }
  }
}
