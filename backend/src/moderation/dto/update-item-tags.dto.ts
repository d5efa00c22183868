import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, LANGUAGE_CODES, type UpdateItemRequest } from '@welcome-ruhr/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';

/** Tag corrections; topics are checked against the taxonomy by the service (it changes at run time). */
export class UpdateItemTagsDto implements UpdateItemRequest {
  @ApiPropertyOptional({ type: [String], example: ['essen'] })
  @IsOptional()
  @IsArray({ message: 'cities must be a list of city slugs' })
  @ArrayMaxSize(60, { message: 'cities may hold at most 60 cities' })
  @IsIn(CITY_SLUGS, { each: true, message: 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr' })
  cities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['work', 'housing'] })
  @IsOptional()
  @IsArray({ message: 'topics must be a list of topic slugs' })
  @ArrayMaxSize(50, { message: 'topics may hold at most 50 topics' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { each: true, message: 'topics must contain only topic slugs such as work' })
  topics?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'tr', description: 'ISO 639-1; null: unknown' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code such as de or tr' })
  language?: string | null;
}
