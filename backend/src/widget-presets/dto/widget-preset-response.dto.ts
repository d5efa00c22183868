import { ApiProperty } from '@nestjs/swagger';
import type { PublicWidgetPresetDto, WidgetPresetDto } from '@welcome-ruhr/contracts';
import { WidgetPresetAttributesDto } from './widget-preset-attributes.dto';

export class PublicWidgetPresetResponseDto implements PublicWidgetPresetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'essen' }) city!: string;
  @ApiProperty({ type: WidgetPresetAttributesDto }) attributes!: WidgetPresetAttributesDto;
}

export class WidgetPresetResponseDto extends PublicWidgetPresetResponseDto implements WidgetPresetDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
