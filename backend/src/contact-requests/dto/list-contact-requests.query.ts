import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, CONTACT_REQUEST_STATUSES, type ContactRequestListQuery, type ContactRequestStatus } from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListContactRequestsQuery implements ContactRequestListQuery {
  @ApiPropertyOptional({ enum: CONTACT_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(CONTACT_REQUEST_STATUSES, { message: `status must be one of ${CONTACT_REQUEST_STATUSES.join(', ')}` })
  status?: ContactRequestStatus;

  @ApiPropertyOptional({ example: 'essen' })
  @IsOptional()
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen' })
  city?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}
