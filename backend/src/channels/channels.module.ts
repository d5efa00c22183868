import { Module } from '@nestjs/common';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FacebookModule } from '../facebook/facebook.module';
import { AddressGuard } from '../ingestion/fetch/address-guard';
import { ChannelHealthService } from './channel-health.service';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { FacebookLoginService } from './facebook-login.service';
import { MastodonClient } from './mastodon/mastodon-client';

/** Ambassadors' connected pages and accounts: connecting (token or Facebook Login), health, disconnecting. */
@Module({
  imports: [AmbassadorsModule, FacebookModule],
  controllers: [ChannelsController],
  providers: [
    {
      provide: MastodonClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MastodonClient(new AddressGuard(config.fetchAllowPrivateHosts)),
    },
    ChannelsService,
    ChannelHealthService,
    FacebookLoginService,
  ],
  exports: [ChannelsService, ChannelHealthService, MastodonClient],
})
export class ChannelsModule {}
