import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ImportJobsModule } from '../import-jobs/import-jobs.module';
import { registerCsvBodyParser } from './import/csv-body';
import { ServiceImportService } from './import/service-import.service';
import { PublicServicesController } from './public-services.controller';
import { ServiceCategoriesController } from './service-categories.controller';
import { ServiceCategoriesService } from './service-categories.service';
import { ServicesController } from './services.controller';
import { ServicesService } from './services.service';

/** The services directory: public search, editing, categories, CSV import and the demo data set. */
@Module({
  imports: [ImportJobsModule],
  controllers: [PublicServicesController, ServicesController, ServiceCategoriesController],
  providers: [ServicesService, ServiceCategoriesService, ServiceImportService],
})
export class ServicesDirectoryModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerCsvBodyParser(this.adapterHost.httpAdapter?.getInstance<FastifyInstance>());
  }
}
