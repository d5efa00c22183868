import { ApiProperty } from '@nestjs/swagger';
import {
  SOURCE_KINDS,
  SOURCE_STATES,
  SOURCE_TYPES,
  SOURCE_WEBHOOK_STATES,
  type OpmlImportLine,
  type OpmlImportReport,
  type SourceDto,
  type SourceFetchSummary,
  type SourceKind,
  type SourceState,
  type SourceStatsDto,
  type SourceType,
  type SourceWebhookState,
} from '@welcome-ruhr/contracts';

class SourceItemCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() rejected!: number;
}

export class SourceFetchSummaryDto implements SourceFetchSummary {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['ok', 'not_modified', 'failed'] }) outcome!: SourceFetchSummary['outcome'];
  @ApiProperty() durationMs!: number;
  @ApiProperty() items!: number;
  @ApiProperty() new!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() held!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class SourceResponseDto implements SourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SOURCE_TYPES }) type!: SourceType;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ type: [String] }) cities!: string[];
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() autoApprove!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: SOURCE_STATES }) state!: SourceState;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastFetchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastHttpStatus!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last problem in words' }) lastError!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextFetchAt!: string | null;
  @ApiProperty() fetchIntervalSeconds!: number;
  @ApiProperty({ type: String, nullable: true }) pausedReason!: string | null;
  @ApiProperty({ type: SourceFetchSummaryDto, nullable: true }) lastFetch!: SourceFetchSummary | null;
  @ApiProperty({
    enum: SOURCE_WEBHOOK_STATES,
    nullable: true,
    description: "Facebook pages: whether the page sends its updates to the webhook; null for other sources",
  })
  webhookState!: SourceWebhookState | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last subscription attempt in words; null when subscribed' })
  webhookMessage!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) webhookCheckedAt!: string | null;
  @ApiProperty({ type: SourceItemCountsDto }) items!: SourceDto['items'];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class SourceStatsDayDto {
  @ApiProperty({ example: '2026-11-25' }) date!: string;
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() rejected!: number;
}

export class SourceStatsResponseDto implements SourceStatsDto {
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ type: [SourceStatsDayDto] }) days!: SourceStatsDto['days'];
}

class OpmlImportLineDto implements OpmlImportLine {
  @ApiProperty() line!: number;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ enum: ['created', 'exists', 'invalid'] }) result!: OpmlImportLine['result'];
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) sourceId?: string | null;
}

export class OpmlImportReportDto implements OpmlImportReport {
  @ApiProperty() done!: boolean;
  @ApiProperty() total!: number;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() exists!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ type: [OpmlImportLineDto] }) lines!: OpmlImportLine[];
}

export class OpmlImportJobDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
}
