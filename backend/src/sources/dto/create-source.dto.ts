import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, SOURCE_TYPES, type CreateSourceRequest, type SourceKind, type SourceType } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CITY_SLUGS, EXTERNAL_ID_PATTERN, LANGUAGE_CODES, SOURCE_FIELD_MESSAGES as M, TOPIC_SLUG_PATTERN } from './source-fields';
import { IsSourceUrl } from './source-url.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSourceDto implements CreateSourceRequest {
  @ApiProperty({ enum: SOURCE_TYPES, description: '"rss" covers RSS, Atom, RDF and JSON Feed' })
  @IsIn(SOURCE_TYPES, { message: `type must be one of ${SOURCE_TYPES.join(', ')}` })
  type!: SourceType;

  @ApiPropertyOptional({
    example: 'https://www.uni-due.de/international/news.rss',
    description: 'rss: the feed address; mastodon: the account, e.g. https://mastodon.social/@user. Not for facebook_page.',
  })
  @ValidateIf((o: CreateSourceDto) => o.type !== 'facebook_page' || o.url !== undefined)
  @IsSourceUrl()
  url?: string;

  @ApiPropertyOptional({ example: '104958162837', description: 'facebook_page: the page id (required)' })
  @ValidateIf((o: CreateSourceDto) => o.type === 'facebook_page' || o.externalId !== undefined)
  @Transform(trim)
  @Matches(EXTERNAL_ID_PATTERN, { message: M.externalId })
  externalId?: string;

  @ApiProperty({ example: 'Universität Duisburg-Essen: International Office' })
  @Transform(trim)
  @IsString({ message: M.name })
  @Length(1, 200, { message: M.name })
  name!: string;

  @ApiPropertyOptional({ enum: SOURCE_KINDS, default: 'partner' })
  @IsOptional()
  @IsIn(SOURCE_KINDS, { message: M.kind })
  kind?: SourceKind;

  @ApiPropertyOptional({ type: [String], example: ['essen'] })
  @IsOptional()
  @IsArray({ message: M.citiesList })
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: M.cities })
  cities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['study', 'work'] })
  @IsOptional()
  @IsArray({ message: M.topics })
  @ArrayMaxSize(40)
  @Matches(TOPIC_SLUG_PATTERN, { each: true, message: M.topics })
  topics?: string[];

  @ApiPropertyOptional({ type: [String], example: ['de', 'en'] })
  @IsOptional()
  @IsArray({ message: M.languagesList })
  @ArrayMaxSize(40)
  @IsIn(LANGUAGE_CODES, { each: true, message: M.languages })
  languages?: string[];

  @ApiPropertyOptional({ default: false, description: 'Trusted: new items are approved unless a rule holds them' })
  @IsOptional()
  @IsBoolean({ message: M.autoApprove })
  autoApprove?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: M.active })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Stored encrypted, never returned' })
  @IsOptional()
  @IsString({ message: M.accessToken })
  @MaxLength(4000, { message: M.accessToken })
  accessToken?: string;
}
