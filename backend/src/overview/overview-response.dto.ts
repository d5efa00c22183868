import { ApiProperty } from '@nestjs/swagger';
import { SOURCE_STATES, type OverviewDay, type OverviewDto, type SourceState } from '@welcome-ruhr/contracts';

class OverviewDayDto implements OverviewDay {
  @ApiProperty({ example: '2026-11-25' }) date!: string;
  @ApiProperty({ description: 'Approved without a moderator (trusted source, no rule held it)' }) autoApproved!: number;
  @ApiProperty({ description: 'Approved by a moderator' }) approved!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ description: 'Still waiting for a moderator' }) pending!: number;
}

class OverviewQueueDto {
  @ApiProperty() pending!: number;
  @ApiProperty({ description: 'Of pending: held by at least one moderation rule (e.g. a blocked phrase), from trusted and untrusted sources alike; being a duplicate alone does not count' }) held!: number;
  @ApiProperty({ description: 'Of pending: the same link came from another source' }) duplicates!: number;
}

class OverviewPostsDto {
  @ApiProperty() pendingReview!: number;
}

class OverviewRequestsDto {
  @ApiProperty() new!: number;
}

class OverviewMailDto {
  @ApiProperty() waiting!: number;
  @ApiProperty() failed!: number;
}

export class OverviewResponseDto implements OverviewDto {
  @ApiProperty({ type: [OverviewDayDto], description: 'The last 14 days (Europe/Berlin), oldest first; items by the day they came in' })
  days!: OverviewDayDto[];
  @ApiProperty({ type: OverviewQueueDto }) queue!: OverviewQueueDto;
  @ApiProperty({
    description: 'Sources by state',
    type: 'object',
    properties: Object.fromEntries(SOURCE_STATES.map((state) => [state, { type: 'integer' }])),
  })
  sources!: Record<SourceState, number>;
  @ApiProperty({ type: OverviewPostsDto }) posts!: OverviewPostsDto;
  @ApiProperty({ type: OverviewRequestsDto }) contactRequests!: OverviewRequestsDto;
  @ApiProperty({ type: OverviewMailDto, nullable: true, description: 'Admins only' }) mail!: OverviewMailDto | null;
}
