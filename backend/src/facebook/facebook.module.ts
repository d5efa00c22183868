import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PipelineModule } from '../ingestion/pipeline/pipeline.module';
import { FetchSchedulerModule } from '../ingestion/scheduler/scheduler.module';
import { FacebookPageFetchService } from './facebook-page-fetch.service';
import { GraphClient } from './graph-client';
import { PageSubscriptionService } from './page-subscription.service';

/**
 * The Graph API client (FACEBOOK_GRAPH_URL), the reading of facebook_page sources into the pipeline and
 * the pages' webhook subscriptions.
 */
@Module({
  imports: [PipelineModule, FetchSchedulerModule],
  providers: [
    {
      provide: GraphClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new GraphClient({ graphUrl: config.facebookGraphUrl, appId: config.facebookAppId, appSecret: config.facebookAppSecret }),
    },
    FacebookPageFetchService,
    PageSubscriptionService,
  ],
  exports: [GraphClient, FacebookPageFetchService, PageSubscriptionService],
})
export class FacebookModule {}
