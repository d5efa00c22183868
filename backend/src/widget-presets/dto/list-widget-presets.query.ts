import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS } from '@welcome-ruhr/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class ListWidgetPresetsQuery {
  @ApiPropertyOptional({ example: 'essen' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city?: string;
}
