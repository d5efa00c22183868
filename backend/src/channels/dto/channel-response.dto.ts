import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_STATUSES, CHANNEL_TYPES, type ChannelDto, type ChannelStatus, type ChannelType } from '@welcome-ruhr/contracts';

export class ChannelResponseDto implements ChannelDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CHANNEL_TYPES }) type!: ChannelType;
  @ApiProperty() name!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty({ type: String, nullable: true }) instanceUrl!: string | null;
  @ApiProperty({ enum: CHANNEL_STATUSES }) status!: ChannelStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) tokenExpiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastCheckedAt!: string | null;
  @ApiProperty() createdAt!: string;
}
