import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONTACT_MIN_FILL_SECONDS, cityName, type ContactRequestAccepted, type PrivacyNoticeDto } from '@welcome-ruhr/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, type OutgoingMail } from '../mail/mail.service';
import { waitingNotice } from './contact-mails';
import { ContactRequestEntity } from './contact-request.entity';
import { ContactSpamGuard } from './contact-spam-guard';
import type { CreateContactRequestDto } from './dto/create-contact-request.dto';
import { issueFormToken } from './form-token';
import { privacyNotice } from './privacy-notices';

interface Recipient {
  email: string;
  name: string;
}

const ACCEPTED: ContactRequestAccepted = { received: true };

/** The public side: the privacy notice, and a newcomer's question from the form into the inbox. */
@Injectable()
export class ContactIntakeService {
  private readonly logger = new Logger(ContactIntakeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guard: ContactSpamGuard,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'secretKey' | 'publicUrl' | 'contactRetentionDays' | 'mailOutboxRetentionDays'>,
  ) {}

  privacyNotice(language: string | undefined): PrivacyNoticeDto {
    const notice = privacyNotice(language ?? 'en', { days: this.config.contactRetentionDays, mailDays: this.config.mailOutboxRetentionDays });
    return { ...notice, formToken: issueFormToken(this.config.secretKey), minFillSeconds: CONTACT_MIN_FILL_SECONDS };
  }

  async submit(input: CreateContactRequestDto, clientAddress: string): Promise<ContactRequestAccepted> {
    await this.guard.countAddress(clientAddress);
    if (input.website && input.website.trim() !== '') {
      // A bot filled the hidden field: it gets the same answer as a person and nothing is stored.
      this.logger.log('contact request dropped: honeypot filled');
      return ACCEPTED;
    }
    this.guard.assertFillTime(input.startedAt);
    const route = input.ambassadorId ? await this.ambassadorRoute(input.ambassadorId) : await this.portalRoute(input.city!);
    await this.guard.countEmail(input.email);

    const notice = privacyNotice(input.language, { days: this.config.contactRetentionDays, mailDays: this.config.mailOutboxRetentionDays });
    const id = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ContactRequestEntity);
      const request = await repository.save(
        repository.create({
          routedTo: input.ambassadorId ? 'ambassador' : 'portal',
          ambassadorId: input.ambassadorId ?? null,
          city: input.city ?? null,
          name: input.name,
          email: input.email,
          language: input.language,
          message: input.message,
          status: 'new',
          consentAt: new Date(),
          privacyNoticeVersion: notice.version,
          replyToken: randomBytes(16).toString('hex'),
        }),
      );
      await this.notify(manager, request, route.recipients);
      return request.id;
    });
    this.mail.deliverSoon();
    this.logger.log({ contactRequestId: id, routedTo: input.ambassadorId ? 'ambassador' : 'portal', city: input.city ?? null }, 'contact request received');
    return ACCEPTED;
  }

  private async ambassadorRoute(ambassadorId: string): Promise<{ recipients: Recipient[] }> {
    const rows: Array<{ email: string; display_name: string }> = await this.dataSource.query(
      `SELECT u.email, a.display_name FROM ambassadors a JOIN users u ON u.id = a.user_id
        WHERE a.id = $1 AND a.visible AND u.active AND u.role = 'ambassador'`,
      [ambassadorId],
    );
    const row = rows[0];
    if (!row) throw DomainError.invalidField('ambassadorId', 'ambassadorId must be the id of an ambassador who takes questions');
    return { recipients: [{ email: row.email, name: row.display_name }] };
  }

  /** The active moderators of the city; without any, the admins, so that no question goes unread. */
  private async portalRoute(city: string): Promise<{ recipients: Recipient[] }> {
    const moderators: Recipient[] = await this.dataSource.query(
      `SELECT email, name FROM users WHERE active AND role = 'moderator' AND $1 = ANY(cities) ORDER BY email`,
      [city],
    );
    if (moderators.length > 0) return { recipients: moderators };
    const admins: Recipient[] = await this.dataSource.query(`SELECT email, name FROM users WHERE active AND role = 'admin' ORDER BY email`);
    return { recipients: admins };
  }

  private async notify(manager: EntityManager, request: ContactRequestEntity, recipients: Recipient[]): Promise<void> {
    const mails: OutgoingMail[] = recipients.map((recipient) => ({
      kind: 'contact.waiting',
      to: recipient.email,
      language: 'de',
      contactRequestId: request.id,
      ...waitingNotice({
        recipientName: recipient.name,
        reason: request.routedTo,
        cityName: request.city ? cityName(request.city) : null,
        language: request.language,
        inboxUrl: `${this.config.publicUrl}/inbox/${request.id}`,
      }),
    }));
    await this.mail.enqueue(mails, manager);
  }
}
