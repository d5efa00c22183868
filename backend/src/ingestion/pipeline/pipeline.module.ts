import { Module } from '@nestjs/common';
import { ModerationRulesModule } from '../../moderation/moderation-rules.module';
import { TaxonomyModule } from '../../taxonomy/taxonomy.module';
import { FeedIngestService } from './feed-ingest.service';

/** Parsed feed items to stored items: sanitize, tag, hold, store. ContentEvents comes from the global ItemsModule. */
@Module({
  imports: [TaxonomyModule, ModerationRulesModule],
  providers: [FeedIngestService],
  exports: [FeedIngestService],
})
export class PipelineModule {}
