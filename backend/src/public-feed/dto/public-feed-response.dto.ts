import { ApiProperty } from '@nestjs/swagger';
import { SOURCE_KINDS, SOURCE_TYPES, type PublicFeedItem, type PublicFeedResponse, type SourceKind, type SourceType } from '@welcome-ruhr/contracts';

class PublicFeedSourceDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SOURCE_TYPES }) type!: SourceType;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
}

export class PublicFeedItemDto implements PublicFeedItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Plain text' }) summary!: string;
  @ApiProperty({ description: 'Sanitized HTML' }) html!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'de' }) language!: string | null;
  @ApiProperty({ type: [String], example: ['work'] }) topics!: string[];
  @ApiProperty({ type: [String], example: ['essen'] }) cities!: string[];
  @ApiProperty() pinned!: boolean;
  @ApiProperty({ type: PublicFeedSourceDto }) source!: PublicFeedSourceDto;
}

export class PublicFeedResponseDto implements PublicFeedResponse {
  @ApiProperty({ type: [PublicFeedItemDto] }) items!: PublicFeedItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
