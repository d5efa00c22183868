import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FeedFetcher } from '../fetch';
import { PipelineModule } from '../pipeline/pipeline.module';
import { FetchScheduler } from './fetch-scheduler.service';
import { SourceFetchService } from './source-fetch.service';

/** Fetching sources: the scheduler's ticks and "fetch now", sharing one fetcher and one lease owner per process. */
@Module({
  imports: [PipelineModule],
  providers: [
    {
      provide: FeedFetcher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new FeedFetcher({ allowPrivateHosts: config.fetchAllowPrivateHosts, publicUrl: config.publicUrl }),
    },
    SourceFetchService,
    FetchScheduler,
  ],
  exports: [SourceFetchService, FetchScheduler],
})
export class FetchSchedulerModule {}
