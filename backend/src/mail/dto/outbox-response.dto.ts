import { ApiProperty } from '@nestjs/swagger';
import { OUTBOX_STATUSES, type OutboxListDto, type OutboxMessageDto, type OutboxStatus } from '@welcome-ruhr/contracts';

export class OutboxMessageResponseDto implements OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'contact.reply' }) kind!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: 'de' }) language!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OutboxListResponseDto implements OutboxListDto {
  @ApiProperty({ type: [OutboxMessageResponseDto] }) items!: OutboxMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'false: SMTP_URL is not set, so every mail waits' }) smtpConfigured!: boolean;
}
