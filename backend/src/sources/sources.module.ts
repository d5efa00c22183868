import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FacebookModule } from '../facebook/facebook.module';
import { ImportJobsModule } from '../import-jobs/import-jobs.module';
import { FetchSchedulerModule } from '../ingestion/scheduler/scheduler.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { registerOpmlBodyParser } from './opml/opml-body';
import { OpmlImportService } from './opml/opml-import.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

/** Sources (CRUD, OPML, fetch now); brings the fetch scheduler and the Facebook pages' webhook subscriptions with it. */
@Module({
  imports: [TaxonomyModule, FetchSchedulerModule, FacebookModule, ImportJobsModule],
  controllers: [SourcesController],
  providers: [SourcesService, OpmlImportService],
})
export class SourcesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerOpmlBodyParser(this.adapterHost.httpAdapter?.getInstance<FastifyInstance>());
  }
}
