import { Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';

/** Mail through the outbox: features enqueue with MailService; the worker delivers over SMTP_URL. */
@Module({
  controllers: [OutboxController],
  providers: [MailService, MailTransport, OutboxWorker, OutboxService],
  exports: [MailService],
})
export class MailModule {}
