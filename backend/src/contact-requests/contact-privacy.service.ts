import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContactDataErasure, ContactDataExport } from '@welcome-ruhr/contracts';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import { replyAddressOf, toDetailDto } from './contact-dto';
import { ContactReplyEntity } from './contact-reply.entity';
import { ContactRequestEntity } from './contact-request.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The audit log must not keep the address an erasure removed: entries name the address by its SHA-256,
 * which identifies it again only for someone who already knows it.
 */
export function emailDigest(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** DSGVO: export and erasure per e-mail address, and the deletion of closed requests after the retention time. */
@Injectable()
export class ContactPrivacyService {
  private readonly logger = new Logger(ContactPrivacyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'contactRetentionDays' | 'mailReplyTo' | 'schedulerEnabled'>,
  ) {}

  async export(actor: AuthUser, email: string): Promise<ContactDataExport> {
    const requests = await this.dataSource.getRepository(ContactRequestEntity).find({ where: { email }, order: { createdAt: 'ASC' } });
    const ids = requests.map((r) => r.id);
    const [replies, ambassadors, mails] = await Promise.all([
      ids.length ? this.dataSource.getRepository(ContactReplyEntity).find({ where: { contactRequestId: In(ids) }, order: { createdAt: 'ASC' } }) : [],
      this.ambassadorsOf(requests),
      this.mail.mailsTo(email),
    ]);
    const ambassadorName = new Map(ambassadors.map((a) => [a.id, a.displayName]));
    await this.audit.record({
      actorId: actor.id,
      action: 'contact_request.export',
      entityType: 'contact_email',
      entityId: emailDigest(email),
      after: { contactRequests: requests.length, mails: mails.length },
    });
    return {
      email,
      exportedAt: new Date().toISOString(),
      contactRequests: requests.map((request) =>
        toDetailDto(
          request,
          request.ambassadorId && ambassadorName.has(request.ambassadorId) ? { id: request.ambassadorId, displayName: ambassadorName.get(request.ambassadorId)! } : null,
          replies.filter((reply) => reply.contactRequestId === request.id),
          replyAddressOf(this.config.mailReplyTo, request.replyToken),
          null,
        ),
      ),
      mails: mails.map((mail) => ({
        id: mail.id,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.text,
        createdAt: mail.createdAt.toISOString(),
        sentAt: mail.sentAt?.toISOString() ?? null,
      })),
    };
  }

  private ambassadorsOf(requests: ContactRequestEntity[]): Promise<AmbassadorEntity[]> {
    const ids = [...new Set(requests.map((r) => r.ambassadorId).filter((a): a is string => a !== null))];
    return ids.length ? this.dataSource.getRepository(AmbassadorEntity).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Deletes every request of the address (their replies and mails go with them) and every mail to it. */
  async erase(actor: AuthUser, email: string): Promise<ContactDataErasure> {
    const result = await this.dataSource.transaction(async (manager) => {
      const deleted = await manager.delete(ContactRequestEntity, { email });
      const mails = await this.mail.deleteMailsTo(email, manager);
      const counts = { contactRequests: deleted.affected ?? 0, mails };
      await this.audit.record(
        { actorId: actor.id, action: 'contact_request.erase', entityType: 'contact_email', entityId: emailDigest(email), after: counts },
        manager,
      );
      return counts;
    });
    this.logger.log({ actorId: actor.id, ...result }, 'contact data erased on request');
    return { email, ...result };
  }

  /**
   * Deletes requests closed more than CONTACT_RETENTION_DAYS ago, with their replies and mails. A single
   * DELETE: replicas running it at the same time delete each row once and never wait for each other long.
   */
  async purgeClosed(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.contactRetentionDays * DAY_MS);
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(ContactRequestEntity)
      .where(`status = 'closed' AND closed_at < :cutoff`, { cutoff })
      .execute();
    const deleted = result.affected ?? 0;
    if (deleted > 0) {
      await this.audit.record({
        actorId: null,
        action: 'contact_request.purge',
        entityType: 'contact_request',
        entityId: 'retention',
        after: { deleted, closedBefore: cutoff.toISOString() },
      });
    }
    return deleted;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'contact-request-retention' })
  async purgeOnSchedule(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    try {
      const deleted = await this.purgeClosed();
      if (deleted > 0) this.logger.log({ deleted }, 'closed contact requests deleted after the retention time');
    } catch (error) {
      this.logger.error({ err: error }, 'contact request retention failed');
    }
  }
}
