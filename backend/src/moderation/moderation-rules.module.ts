import { Module } from '@nestjs/common';
import { ModerationRulesService } from './moderation-rules.service';

/**
 * The blocked-phrase rules on their own, so that ingestion (which holds items) and moderation
 * (which edits the list) share one instance and one compiled cache.
 */
@Module({ providers: [ModerationRulesService], exports: [ModerationRulesService] })
export class ModerationRulesModule {}
