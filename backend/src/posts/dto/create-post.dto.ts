import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POST_LENGTH_LIMITS, type CreatePostRequest, type PostPreviewRequest, type UpdatePostRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

const MAX_TEXT = POST_LENGTH_LIMITS.facebook_page;
const trimEnd = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+$/, '') : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const LINK_MESSAGE = 'link must be an http or https address of at most 2000 characters';

export class CreatePostDto implements CreatePostRequest {
  @ApiProperty({ example: 'Am Samstag: Anmeldung beim Bürgeramt – so geht’s. Cumartesi: Belediyede kayıt – nasıl yapılır.' })
  @Transform(trimEnd)
  @IsString({ message: `text must be 1 to ${MAX_TEXT} characters long` })
  @Length(1, MAX_TEXT, { message: `text must be 1 to ${MAX_TEXT} characters long` })
  text!: string;

  @ApiPropertyOptional({ example: 'https://www.dortmund.de/anmeldung' })
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: LINK_MESSAGE })
  @MaxLength(2000, { message: LINK_MESSAGE })
  link?: string;

  @ApiProperty({ type: [String], description: 'The ambassador’s own channels' })
  @IsArray({ message: 'channelIds must be a list of channel ids' })
  @ArrayMinSize(1, { message: 'channelIds must name at least one channel' })
  @ArrayMaxSize(20, { message: 'channelIds must name at most 20 channels' })
  @IsUUID('all', { each: true, message: 'channelIds must be a list of channel ids' })
  channelIds!: string[];

  @ApiPropertyOptional({ example: '2026-06-01T09:00:00+02:00', description: 'When it should appear; or asSoonAsApproved' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be a date and time such as 2026-06-01T09:00:00+02:00' })
  scheduledAt?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'asSoonAsApproved must be true or false' })
  asSoonAsApproved?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Keep it as a draft (not sent for review)' })
  @IsOptional()
  @IsBoolean({ message: 'draft must be true or false' })
  draft?: boolean;

  @ApiPropertyOptional({ description: 'Share this approved portal item: its link is used, the text is the comment' })
  @IsOptional()
  @IsUUID('all', { message: 'itemId must be the id of an approved item' })
  itemId?: string;
}

export class UpdatePostDto implements UpdatePostRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimEnd)
  @IsString({ message: `text must be 1 to ${MAX_TEXT} characters long` })
  @Length(1, MAX_TEXT, { message: `text must be 1 to ${MAX_TEXT} characters long` })
  text?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_o, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: LINK_MESSAGE })
  @MaxLength(2000, { message: LINK_MESSAGE })
  link?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'channelIds must be a list of channel ids' })
  @ArrayMinSize(1, { message: 'channelIds must name at least one channel' })
  @ArrayMaxSize(20, { message: 'channelIds must name at most 20 channels' })
  @IsUUID('all', { each: true, message: 'channelIds must be a list of channel ids' })
  channelIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be a date and time such as 2026-06-01T09:00:00+02:00' })
  scheduledAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'asSoonAsApproved must be true or false' })
  asSoonAsApproved?: boolean;
}

export class PostPreviewDto implements PostPreviewRequest {
  @ApiProperty()
  @IsString({ message: 'text must be text' })
  @MaxLength(MAX_TEXT * 2, { message: `text must be at most ${MAX_TEXT * 2} characters long` })
  text!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: LINK_MESSAGE })
  link?: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'channelIds must be a list of channel ids' })
  @ArrayMaxSize(20, { message: 'channelIds must name at most 20 channels' })
  @IsUUID('all', { each: true, message: 'channelIds must be a list of channel ids' })
  channelIds!: string[];
}
