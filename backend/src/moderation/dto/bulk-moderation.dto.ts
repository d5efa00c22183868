import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MODERATION_ACTIONS, type BulkModerationRequest, type BulkModerationResponse, type ModerationAction } from '@welcome-ruhr/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const BULK_MAX_ITEMS = 500;

export class BulkModerationDto implements BulkModerationRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: BULK_MAX_ITEMS })
  @IsArray({ message: 'ids must be a list of item ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one item' })
  @ArrayMaxSize(BULK_MAX_ITEMS, { message: `ids may name at most ${BULK_MAX_ITEMS} items` })
  @IsUUID('all', { each: true, message: 'ids must contain only item ids' })
  ids!: string[];

  @ApiProperty({ enum: MODERATION_ACTIONS })
  @IsIn(MODERATION_ACTIONS, { message: `action must be one of ${MODERATION_ACTIONS.join(', ')}` })
  action!: ModerationAction;

  @ApiPropertyOptional({ description: 'For reject: why' })
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(500, { message: 'reason must be at most 500 characters long' })
  reason?: string;
}

class SkippedItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'outside your cities' }) reason!: string;
}

export class BulkModerationResponseDto implements BulkModerationResponse {
  @ApiProperty() updated!: number;
  @ApiProperty({ type: [SkippedItemDto] }) skipped!: SkippedItemDto[];
}
