import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RejectItemDto {
  @ApiPropertyOptional({ description: 'Why; kept with the item and in the audit log', example: 'Advertisement' })
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(500, { message: 'reason must be at most 500 characters long' })
  reason?: string;
}
