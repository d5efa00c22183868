import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MailContent } from './mail-template';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxWorker } from './outbox-worker';

export interface OutgoingMail extends MailContent {
  /** What the mail is about (contact.waiting, contact.reply, invitation, …), for the admins' list. */
  kind: string;
  to: string;
  language: string;
  /** The sender's display name; the address is always MAIL_FROM's. Default: MAIL_FROM's name. */
  fromName?: string;
  replyTo?: string;
  /** Ties the mail to a contact request: deleted with it. */
  contactRequestId?: string;
}

/** The one way to send mail: into the outbox (with the caller's transaction), then the worker delivers it. */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly worker: OutboxWorker,
  ) {}

  /** Pass the transaction's manager, so the mail exists exactly when the change it tells about commits. */
  async enqueue(mails: OutgoingMail[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (mails.length === 0) return [];
    const result = await manager.insert(
      OutboxMessageEntity,
      mails.map((mail) => ({
        kind: mail.kind,
        toAddress: mail.to.trim().toLowerCase(),
        fromName: mail.fromName ?? null,
        replyTo: mail.replyTo ?? null,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        language: mail.language,
        contactRequestId: mail.contactRequestId ?? null,
      })),
    );
    return result.identifiers.map((identifier) => String(identifier['id']));
  }

  /** Call after the transaction that enqueued mails committed: sends them now instead of at the next tick. */
  deliverSoon(): void {
    this.worker.kick();
  }

  /** Mails to this address still in the outbox (for a data export); addresses are stored lower-cased. */
  mailsTo(email: string): Promise<OutboxMessageEntity[]> {
    return this.dataSource
      .getRepository(OutboxMessageEntity)
      .find({ where: { toAddress: email.trim().toLowerCase() }, order: { createdAt: 'ASC' } });
  }

  /** Erases every mail to this address. */
  async deleteMailsTo(email: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = await manager.delete(OutboxMessageEntity, { toAddress: email.trim().toLowerCase() });
    return result.affected ?? 0;
  }
}
