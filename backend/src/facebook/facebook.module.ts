import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PipelineModule } from '../ingestion/pipeline/pipeline.module';
import { FetchSchedulerModule } from '../ingestion/scheduler/scheduler.module';
import { FacebookPageFetchService } from './facebook-page-fetch.service';
import { GraphClient } from './graph-client';

/** The Graph API client (FACEBOOK_GRAPH_URL) and the reading of facebook_page sources into the pipeline. */
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
  ],
  exports: [GraphClient, FacebookPageFetchService],
})
export class FacebookModule {}
