import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, LANGUAGE_CODES } from '@welcome-ruhr/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class PublicAmbassadorsQuery {
  @ApiPropertyOptional({ example: 'dortmund' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as dortmund or muelheim-an-der-ruhr' })
  city?: string;

  @ApiPropertyOptional({ example: 'tr', description: 'Only ambassadors who speak this language' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be an ISO 639-1 code such as de, en or tr' })
  lang?: string;
}
