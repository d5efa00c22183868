import { Module } from '@nestjs/common';
import { FacebookModule } from '../facebook/facebook.module';
import { FacebookWebhooksService } from './facebook-webhooks.service';
import { WebhooksController } from './webhooks.controller';

/** `GET|POST /api/webhooks/facebook`. */
@Module({
  imports: [FacebookModule],
  controllers: [WebhooksController],
  providers: [FacebookWebhooksService],
})
export class WebhooksModule {}
