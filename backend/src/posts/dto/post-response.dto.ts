import { ApiProperty } from '@nestjs/swagger';
import {
  CHANNEL_TYPES,
  DELIVERY_STATUSES,
  POST_STATUSES,
  type ChannelType,
  type DeliveryStatus,
  type ModerationPostsResponse,
  type PostDeliveryDto,
  type PostDto,
  type PostPreviewDto,
  type PostStatus,
} from '@welcome-ruhr/contracts';

export class PostDeliveryResponseDto implements PostDeliveryDto {
  @ApiProperty() channelId!: string;
  @ApiProperty({ enum: CHANNEL_TYPES }) channelType!: ChannelType;
  @ApiProperty() channelName!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The id the channel gave the post' }) externalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) externalUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed and what to do, in words' }) error!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) nextAttemptAt!: string | null;
}

export class PostResponseDto implements PostDto {
  @ApiProperty() id!: string;
  @ApiProperty() ambassadorId!: string;
  @ApiProperty() ambassadorName!: string;
  @ApiProperty({ enum: POST_STATUSES }) status!: PostStatus;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) scheduledAt!: string | null;
  @ApiProperty() asSoonAsApproved!: boolean;
  @ApiProperty({ type: String, nullable: true }) itemId!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: [PostDeliveryResponseDto] }) deliveries!: PostDeliveryResponseDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ModerationPostsResponseDto implements ModerationPostsResponse {
  @ApiProperty({ type: [PostResponseDto] }) posts!: PostResponseDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts!: Partial<Record<PostStatus, number>>;
}

class PreviewChannelDto {
  @ApiProperty() channelId!: string;
  @ApiProperty({ enum: CHANNEL_TYPES }) channelType!: ChannelType;
  @ApiProperty() channelName!: string;
  @ApiProperty({ description: 'The text as the channel receives it' }) text!: string;
  @ApiProperty() length!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() fits!: boolean;
}

export class PostPreviewResponseDto implements PostPreviewDto {
  @ApiProperty({ type: [PreviewChannelDto] }) channels!: PreviewChannelDto[];
}
