import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGE_CODES, type BlockedPhraseDto, type CreateBlockedPhraseRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

export class CreateBlockedPhraseDto implements CreateBlockedPhraseRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'schnell reich' })
  @Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value))
  @IsString({ message: 'phrase must be text' })
  @Length(1, 200, { message: 'phrase must be 1 to 200 characters long' })
  phrase!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'de', description: 'ISO 639-1; absent or null: every language' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code such as de or tr' })
  language?: string | null;
}

export class BlockedPhraseResponseDto implements BlockedPhraseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() phrase!: string;
  @ApiProperty({ type: String, nullable: true }) language!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
