import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { ContactInboxService } from './contact-inbox.service';
import { ContactIntakeService } from './contact-intake.service';
import { ContactPrivacyService } from './contact-privacy.service';
import { ContactRequestsController } from './contact-requests.controller';
import { ContactSpamGuard } from './contact-spam-guard';
import { PublicContactController } from './public-contact.controller';

/** Newcomers' questions: the public form, the inbox, and their privacy (export, erasure, retention). */
@Module({
  imports: [MailModule, RateLimitsModule],
  controllers: [PublicContactController, ContactRequestsController],
  providers: [ContactIntakeService, ContactInboxService, ContactPrivacyService, ContactSpamGuard],
})
export class ContactRequestsModule {}
