import { Module } from '@nestjs/common';
import { PublicWidgetPresetsController } from './public-widget-presets.controller';
import { WidgetPresetsController } from './widget-presets.controller';
import { WidgetPresetsService } from './widget-presets.service';

@Module({
  controllers: [WidgetPresetsController, PublicWidgetPresetsController],
  providers: [WidgetPresetsService],
})
export class WidgetPresetsModule {}
