import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_REPLY_MAX_LENGTH, type ReplyToContactRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { IsPlainText, normalizeText } from './text-validators';

export class ReplyToContactRequestDto implements ReplyToContactRequest {
  @ApiProperty({ maxLength: CONTACT_REPLY_MAX_LENGTH, description: 'Plain text; sent to the newcomer by e-mail' })
  @Transform(normalizeText)
  @IsString({ message: `message must be 1 to ${CONTACT_REPLY_MAX_LENGTH} characters long` })
  @Length(1, CONTACT_REPLY_MAX_LENGTH, { message: `message must be 1 to ${CONTACT_REPLY_MAX_LENGTH} characters long` })
  @IsPlainText()
  message!: string;
}
