import { ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, type SourceKind, type UpdateSourceRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CITY_SLUGS, EXTERNAL_ID_PATTERN, LANGUAGE_CODES, SOURCE_FIELD_MESSAGES as M, TOPIC_SLUG_PATTERN } from './source-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Every field optional; the type of a source cannot change. Any edit resumes a paused source. */
export class UpdateSourceDto implements UpdateSourceRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: M.name })
  @Length(1, 200, { message: M.name })
  name?: string;

  @ApiPropertyOptional({ description: 'Checked against the type of the source (feed address or Mastodon account)' })
  @IsOptional()
  @IsString({ message: 'url must be an http or https address' })
  @MaxLength(2000, { message: 'url must be an http or https address' })
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(EXTERNAL_ID_PATTERN, { message: M.externalId })
  externalId?: string;

  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS, { message: M.kind })
  kind?: SourceKind;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: M.citiesList })
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: M.cities })
  cities?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: M.topics })
  @ArrayMaxSize(40)
  @Matches(TOPIC_SLUG_PATTERN, { each: true, message: M.topics })
  topics?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: M.languagesList })
  @ArrayMaxSize(40)
  @IsIn(LANGUAGE_CODES, { each: true, message: M.languages })
  languages?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: M.autoApprove })
  autoApprove?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: M.active })
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A new token (stored encrypted); null removes it' })
  @ValidateIf((o: UpdateSourceDto) => o.accessToken !== undefined && o.accessToken !== null)
  @IsString({ message: M.accessToken })
  @MaxLength(4000, { message: M.accessToken })
  accessToken?: string | null;
}
