import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { WidgetPresetDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateWidgetPresetDto } from './dto/create-widget-preset.dto';
import { ListWidgetPresetsQuery } from './dto/list-widget-presets.query';
import { UpdateWidgetPresetDto } from './dto/update-widget-preset.dto';
import { WidgetPresetResponseDto } from './dto/widget-preset-response.dto';
import { WidgetPresetsService } from './widget-presets.service';

@ApiTags('widget presets')
@Controller('widget-presets')
export class WidgetPresetsController {
  constructor(private readonly presets: WidgetPresetsService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Widget presets of your cities (admins: all), by city and name' })
  @ApiResponse({ status: 200, type: [WidgetPresetResponseDto] })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListWidgetPresetsQuery): Promise<WidgetPresetDto[]> {
    return this.presets.list(viewer, query.city);
  }

  @Post()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Save a widget configuration as a named preset of one of your cities' })
  @ApiResponse({ status: 201, type: WidgetPresetResponseDto })
  create(@CurrentUser() viewer: AuthUser, @Body() body: CreateWidgetPresetDto): Promise<WidgetPresetDto> {
    return this.presets.create(viewer, body);
  }

  @Get(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'One widget preset' })
  @ApiResponse({ status: 200, type: WidgetPresetResponseDto })
  get(@CurrentUser() viewer: AuthUser, @Param('id') id: string): Promise<WidgetPresetDto> {
    return this.presets.get(viewer, id);
  }

  @Patch(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Rename a preset, move it to another of your cities, or replace its attributes' })
  @ApiResponse({ status: 200, type: WidgetPresetResponseDto })
  update(@CurrentUser() viewer: AuthUser, @Param('id') id: string, @Body() body: UpdateWidgetPresetDto): Promise<WidgetPresetDto> {
    return this.presets.update(viewer, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Delete a preset (widgets that name it fall back to their own attributes)' })
  @ApiResponse({ status: 204 })
  remove(@CurrentUser() viewer: AuthUser, @Param('id') id: string): Promise<void> {
    return this.presets.remove(viewer, id);
  }
}
