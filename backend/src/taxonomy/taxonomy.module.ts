import { Module } from '@nestjs/common';
import { TaxonomyEditorService } from './taxonomy-editor.service';
import { TaxonomyService } from './taxonomy.service';
import { PublicTopicsController, TopicsController } from './topics.controller';

@Module({
  controllers: [TopicsController, PublicTopicsController],
  providers: [TaxonomyService, TaxonomyEditorService],
  exports: [TaxonomyService],
})
export class TaxonomyModule {}
