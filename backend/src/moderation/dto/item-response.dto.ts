import { ApiProperty } from '@nestjs/swagger';
import {
  ITEM_STATUSES,
  SOURCE_KINDS,
  SOURCE_TYPES,
  type ItemDto,
  type ItemStatus,
  type ModerationItemsResponse,
  type SourceKind,
  type SourceType,
} from '@welcome-ruhr/contracts';

class ItemSourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SOURCE_TYPES }) type!: SourceType;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
}

export class ItemResponseDto implements ItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ type: ItemSourceDto }) source!: ItemSourceDto;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'Sanitized at ingest' }) html!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) author!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ format: 'date-time' }) fetchedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'de' }) language!: string | null;
  @ApiProperty({ type: Number, nullable: true }) languageConfidence!: number | null;
  @ApiProperty({ type: [String] }) cities!: string[];
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty({ type: [String], description: 'Why a rule held the item for review' }) heldReasons!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) duplicateOfId!: string | null;
  @ApiProperty() pinned!: boolean;
  @ApiProperty() tagsEdited!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) decidedBy!: string | null;
}

class StatusCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() rejected!: number;
}

export class ModerationItemsResponseDto implements ModerationItemsResponse {
  @ApiProperty({ type: [ItemResponseDto] }) items!: ItemResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: StatusCountsDto, description: 'Items per status under the same filters and scope' })
  counts!: StatusCountsDto;
}
