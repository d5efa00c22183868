import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, LANGUAGE_CODES, SERVICE_CATEGORY_PATTERN, type PublicServiceQuery } from '@welcome-ruhr/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText } from '../../contact-requests/dto/text-validators';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean) : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class SearchServicesQuery implements Omit<PublicServiceQuery, 'languages'> {
  @ApiPropertyOptional({ example: 'bochum' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city?: string;

  @ApiPropertyOptional({ example: 'foreigners-office' })
  @IsOptional()
  @Matches(SERVICE_CATEGORY_PATTERN, { message: 'category must be a category slug such as registration-office' })
  category?: string;

  @ApiPropertyOptional({ type: String, example: 'uk,ru', description: 'Only places where one of these languages is spoken' })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: 'languages must be a comma-separated list of ISO 639-1 codes' })
  @ArrayMaxSize(20, { message: 'languages must be a list of at most 20 codes' })
  @IsIn(LANGUAGE_CODES, { each: true, message: 'languages must contain only ISO 639-1 codes such as de, en or uk' })
  languages?: string[];

  @ApiPropertyOptional({ example: 'Anmeldung', description: 'Free text, searched in German and English with stemming' })
  @IsOptional()
  @IsString({ message: 'q must be a text of at most 200 characters' })
  @MaxLength(200, { message: 'q must be a text of at most 200 characters' })
  @IsPlainText()
  q?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}

export class PublicServicesQuery extends SearchServicesQuery {
  @ApiPropertyOptional({ example: 'uk', description: 'The language of descriptions and labels (else German, else English)' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be an ISO 639-1 code such as de, en or uk' })
  lang?: string;
}

export class LangQuery {
  @ApiPropertyOptional({ example: 'uk' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be an ISO 639-1 code such as de, en or uk' })
  lang?: string;
}

export class ImportServicesQuery {
  @ApiPropertyOptional({ description: '1: answer at once with a job id; read the progress from GET /api/services/import/{jobId}' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'async must be 1, 0, true or false' })
  async?: boolean;
}
