import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, SOURCE_KINDS, SOURCE_STATES, type SourceKind, type SourceState } from '@welcome-ruhr/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class ListSourcesQuery {
  @ApiPropertyOptional({ example: 'essen' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city?: string;

  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind?: SourceKind;

  @ApiPropertyOptional({ enum: SOURCE_STATES })
  @IsOptional()
  @IsIn(SOURCE_STATES, { message: `state must be one of ${SOURCE_STATES.join(', ')}` })
  state?: SourceState;
}
