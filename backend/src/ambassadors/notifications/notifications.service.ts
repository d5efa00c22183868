import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationKind } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { composeMail } from '../../mail/mail-template';
import { MailService } from '../../mail/mail.service';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  channelId?: string | null;
  postId?: string | null;
  /** A notification with the same key for the same user is not created twice. */
  dedupeKey?: string | null;
  /** Also send it by e-mail (through the outbox). */
  email?: { subject: string };
}

export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    channelId: n.channelId,
    postId: n.postId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** What the dashboard tells a user (and, for what needs action, the mail too). */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  /** Returns false when a notification with the same dedupe key exists already. */
  async notify(input: NewNotification, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        userId: input.userId,
        kind: input.kind,
        message: input.message,
        channelId: input.channelId ?? null,
        postId: input.postId ?? null,
        dedupeKey: input.dedupeKey ?? null,
        readAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (result.raw as unknown[]).length > 0;
    if (created && input.email) {
      const users: { email: string }[] = await manager.query('SELECT email FROM users WHERE id = $1 AND active', [input.userId]);
      if (users[0]) {
        const content = composeMail('en', input.email.subject, [
          { paragraph: input.message },
          { link: { href: `${this.config.publicUrl}/`, label: 'Open the Welcome Ruhr dashboard' } },
        ]);
        await this.mail.enqueue([{ kind: `notification.${input.kind}`, to: users[0].email, language: 'en', ...content }], manager);
        this.mail.deliverSoon();
      }
    }
    return created;
  }

  /** The user's newest notifications, unread first. */
  async list(userId: string, unreadOnly: boolean, limit = 50): Promise<NotificationDto[]> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: Math.min(limit, 200),
    });
    return rows.map(toNotificationDto);
  }

  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    const row = await repository.findOne({ where: { id, userId } });
    if (!row) throw DomainError.notFound('The notification');
    if (!row.readAt) {
      row.readAt = new Date();
      await repository.save(row);
    }
    return toNotificationDto(row);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).update({ userId, readAt: IsNull() }, { readAt: new Date() });
  }
}
