import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MailModule } from '../mail/mail.module';
import { AmbassadorsController } from './ambassadors.controller';
import { AmbassadorsService } from './ambassadors.service';
import { registerImageBodyParser } from './image-body';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { PublicAmbassadorsController } from './public-ambassadors.controller';

/** Ambassador profiles with photos, the public directory, and the notifications of the dashboard. */
@Module({
  imports: [MailModule],
  controllers: [AmbassadorsController, PublicAmbassadorsController, NotificationsController],
  providers: [AmbassadorsService, NotificationsService],
  exports: [AmbassadorsService, NotificationsService],
})
export class AmbassadorsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerImageBodyParser(this.adapterHost.httpAdapter?.getInstance<FastifyInstance>());
  }
}
