import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { BlockedPhrasesController } from './blocked-phrases.controller';
import { BlockedPhrasesService } from './blocked-phrases.service';
import { ModerationDecisionsService } from './moderation-decisions.service';
import { ModerationItemsController } from './moderation-items.controller';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationRulesModule } from './moderation-rules.module';

/** The queue, decisions, tag edits and the blocked-phrase list. */
@Module({
  imports: [ModerationRulesModule, TaxonomyModule],
  controllers: [ModerationItemsController, BlockedPhrasesController],
  providers: [ModerationQueueService, ModerationDecisionsService, BlockedPhrasesService],
})
export class ModerationModule {}
