import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, ITEM_STATUSES, LANGUAGE_CODES, type ItemStatus } from '@welcome-ruhr/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))] : value;

export class ListModerationItemsQuery {
  @ApiPropertyOptional({ enum: ITEM_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ITEM_STATUSES, { message: `status must be one of ${ITEM_STATUSES.join(', ')}` })
  status?: ItemStatus;

  @ApiPropertyOptional({ description: 'City slugs, comma-separated; items tagged with any of them', example: 'essen' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: 'city must contain only RVR city slugs such as essen' })
  city?: string[];

  @ApiPropertyOptional({ description: 'Topic slugs, comma-separated', example: 'work' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { each: true, message: 'topic must contain only topic slugs such as work' })
  topic?: string[];

  @ApiPropertyOptional({ description: 'ISO 639-1 codes, comma-separated', example: 'de,tr' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @IsIn(LANGUAGE_CODES, { each: true, message: 'lang must contain only ISO 639-1 codes such as de or tr' })
  lang?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a source id' })
  sourceId?: string;

  @ApiPropertyOptional({ description: 'Words in the title or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'q must be at most 200 characters long' })
  q?: string;

  @ApiPropertyOptional({ description: 'true: only items a rule held for review; false: only the others' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'held must be true or false' })
  held?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'cursor is not a cursor this list gave out' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}
