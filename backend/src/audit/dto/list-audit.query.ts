import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntryDto } from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AuditQuery } from '../audit.service';

export class ListAuditQuery implements AuditQuery {
  @ApiPropertyOptional({ example: 'item' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'entityType must be at most 40 characters long' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'entityId must be at most 100 characters long' })
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'item.reject' })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'action must be at most 60 characters long' })
  action?: string;

  @ApiPropertyOptional({ description: 'The id of the last entry seen: older entries follow' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'before must be the id of an audit entry' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}

class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AuditEntryResponseDto implements AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActorDto, nullable: true }) actor!: AuditActorDto | null;
  @ApiProperty({ example: 'item.reject' }) action!: string;
  @ApiProperty({ example: 'item' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ description: 'State before the change (JSON)', nullable: true }) before!: unknown;
  @ApiProperty({ description: 'State after the change (JSON)', nullable: true }) after!: unknown;
}
