import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, type UpdateWidgetPresetRequest } from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { WidgetPresetAttributesDto } from './widget-preset-attributes.dto';

export class UpdateWidgetPresetDto implements UpdateWidgetPresetRequest {
  @ApiPropertyOptional({ example: 'essen' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: WidgetPresetAttributesDto, description: 'Replaces the attributes as a whole' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WidgetPresetAttributesDto)
  attributes?: WidgetPresetAttributesDto;
}
