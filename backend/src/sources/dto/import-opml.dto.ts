import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, type OpmlImportRequest, type SourceKind } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CITY_SLUGS, LANGUAGE_CODES, SOURCE_FIELD_MESSAGES as M, TOPIC_SLUG_PATTERN } from './source-fields';

/** Query values are strings: "essen,bochum" → ["essen", "bochum"], "true" → true. */
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** Settings for every imported source: in the JSON body, or in the query when the body is the OPML file itself. */
export class OpmlImportSettingsDto {
  @ApiPropertyOptional({ enum: SOURCE_KINDS, default: 'partner' })
  @IsOptional()
  @IsIn(SOURCE_KINDS, { message: M.kind })
  kind?: SourceKind;

  @ApiPropertyOptional({ type: [String], example: ['essen'] })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: M.citiesList })
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: M.cities })
  cities?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: M.topics })
  @ArrayMaxSize(40)
  @Matches(TOPIC_SLUG_PATTERN, { each: true, message: M.topics })
  topics?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(list)
  @IsArray({ message: M.languagesList })
  @ArrayMaxSize(40)
  @IsIn(LANGUAGE_CODES, { each: true, message: M.languages })
  languages?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: M.autoApprove })
  autoApprove?: boolean;
}

export class ImportOpmlDto extends OpmlImportSettingsDto implements OpmlImportRequest {
  @ApiProperty({ description: 'The OPML document (as exported by feed readers)' })
  @IsString({ message: 'opml must be the text of an OPML file' })
  @MinLength(1, { message: 'opml must be the text of an OPML file' })
  @MaxLength(5 * 1024 * 1024, { message: 'opml must be at most 5 MB' })
  opml!: string;
}

export class ImportOpmlQuery extends OpmlImportSettingsDto {
  @ApiPropertyOptional({ description: '1: answer at once with a job id; read the progress from GET /api/sources/import/{jobId}' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'async must be 1, 0, true or false' })
  async?: boolean;
}
