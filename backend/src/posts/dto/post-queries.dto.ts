import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POST_STATUSES, type PostStatus, type RejectPostRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class ListPostsQuery {
  @ApiPropertyOptional({ enum: POST_STATUSES })
  @IsOptional()
  @IsIn(POST_STATUSES, { message: `status must be one of ${POST_STATUSES.join(', ')}` })
  status?: PostStatus;

  @ApiPropertyOptional({ description: 'Posts due (or published) from this time on, for the calendar' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date and time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Posts due (or published) before this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date and time' })
  to?: string;
}

export class ModerationPostsQuery {
  @ApiPropertyOptional({ enum: POST_STATUSES, default: 'pending_review' })
  @IsOptional()
  @IsIn(POST_STATUSES, { message: `status must be one of ${POST_STATUSES.join(', ')}` })
  status?: PostStatus;
}

export class RejectPostDto implements RejectPostRequest {
  @ApiProperty({ example: 'Please add the source of the dates.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be 1 to 1000 characters long' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters long' })
  reason!: string;
}
