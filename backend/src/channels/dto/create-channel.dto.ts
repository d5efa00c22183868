import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType, type CreateChannelRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateChannelDto implements CreateChannelRequest {
  @ApiProperty({ enum: CHANNEL_TYPES })
  @IsIn(CHANNEL_TYPES, { message: `type must be one of ${CHANNEL_TYPES.join(', ')}` })
  type!: ChannelType;

  @ApiPropertyOptional({ example: '104958162837', description: 'facebook_page: the page id (required)' })
  @ValidateIf((o: CreateChannelDto) => o.type === 'facebook_page' || o.externalId !== undefined)
  @Transform(trim)
  @Matches(/^\d{1,30}$/, { message: 'externalId must be the numeric id of the Facebook page' })
  externalId?: string;

  @ApiPropertyOptional({ example: 'https://mastodon.social', description: 'mastodon: the instance (required)' })
  @ValidateIf((o: CreateChannelDto) => o.type === 'mastodon' || o.instanceUrl !== undefined)
  @Transform(trim)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'instanceUrl must be the address of a Mastodon instance, e.g. https://mastodon.social' })
  instanceUrl?: string;

  @ApiProperty({ description: 'facebook_page: a page access token; mastodon: an access token with write:statuses. Stored encrypted, never returned.' })
  @Transform(trim)
  @IsString({ message: 'accessToken must be a token of 1 to 4000 characters' })
  @Length(1, 4000, { message: 'accessToken must be a token of 1 to 4000 characters' })
  accessToken!: string;

  @ApiPropertyOptional({ description: 'Shown in the dashboard; the page’s or account’s own name when left out' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name must be 1 to 200 characters long' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  name?: string;
}
