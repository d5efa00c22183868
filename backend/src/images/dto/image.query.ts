import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { IMAGE_WIDTHS } from '../image-url';

export class ImageQuery {
  @ApiPropertyOptional({
    enum: IMAGE_WIDTHS,
    description: 'Largest width in pixels (never enlarged); the answer is WebP when Accept allows it, else JPEG. Without w: the original.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIn(IMAGE_WIDTHS, { message: `w must be one of ${IMAGE_WIDTHS.join(', ')}` })
  w?: number;
}
