import { Module } from '@nestjs/common';
import { ImportJobsService } from './import-jobs.service';

/** Progress and reports of imports that run as jobs (OPML sources, CSV services), shared by all replicas. */
@Module({
  providers: [ImportJobsService],
  exports: [ImportJobsService],
})
export class ImportJobsModule {}
