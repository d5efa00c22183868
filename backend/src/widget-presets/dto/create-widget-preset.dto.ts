import { ApiProperty } from '@nestjs/swagger';
import { CITY_SLUGS, type CreateWidgetPresetRequest } from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { WidgetPresetAttributesDto } from './widget-preset-attributes.dto';

export class CreateWidgetPresetDto implements CreateWidgetPresetRequest {
  @ApiProperty({ example: 'essen' })
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city!: string;

  @ApiProperty({ example: 'Startseite, Arbeit auf Türkisch und Arabisch' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: WidgetPresetAttributesDto })
  @IsDefined({ message: 'attributes must be given (it may be {})' })
  @ValidateNested()
  @Type(() => WidgetPresetAttributesDto)
  attributes!: WidgetPresetAttributesDto;
}
