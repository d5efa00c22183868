import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicWidgetPresetDto } from '@welcome-ruhr/contracts';
import { Public } from '../auth/access.decorators';
import { PublicWidgetPresetResponseDto } from './dto/widget-preset-response.dto';
import { WidgetPresetsService } from './widget-presets.service';

@ApiTags('public')
@Controller('public/widget-presets')
export class PublicWidgetPresetsController {
  constructor(private readonly presets: WidgetPresetsService) {}

  @Get(':id')
  @Public()
  // Edits reach the city sites within five minutes.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'A widget preset as <welcome-ruhr-feed preset="…"> reads it' })
  @ApiResponse({ status: 200, type: PublicWidgetPresetResponseDto })
  get(@Param('id') id: string): Promise<PublicWidgetPresetDto> {
    return this.presets.getPublic(id);
  }
}
