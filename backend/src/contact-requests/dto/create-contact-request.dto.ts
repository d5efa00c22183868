import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITY_SLUGS,
  CONTACT_MESSAGE_MAX_LENGTH,
  CONTACT_MESSAGE_MAX_LINKS,
  CONTACT_NAME_MAX_LENGTH,
  LANGUAGE_CODES,
  type CreateContactRequest,
} from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf, registerDecorator } from 'class-validator';
import { IsPlainText, lowerEmail, MaxLinks, normalizeText, trimText } from './text-validators';

/** `startedAt`: the signed formToken, or the browser's time in milliseconds. */
function IsFormStart(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFormStart',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'startedAt must be the formToken of the privacy notice or the time the form was shown in milliseconds' },
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && value.length <= 200),
      },
    });
}

export class CreateContactRequestDto implements CreateContactRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'To this ambassador; absent: to the portal of `city`' })
  @IsOptional()
  @IsUUID('all', { message: 'ambassadorId must be the id of an ambassador' })
  ambassadorId?: string;

  @ApiPropertyOptional({ example: 'bochum', description: 'Required without ambassadorId: the city whose moderators answer' })
  @ValidateIf((o: CreateContactRequestDto) => o.ambassadorId === undefined || o.city !== undefined)
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as essen; it is required when no ambassadorId is given' })
  city?: string;

  @ApiProperty({ example: 'Olena', maxLength: CONTACT_NAME_MAX_LENGTH })
  @Transform(trimText)
  @IsString({ message: `name must be 1 to ${CONTACT_NAME_MAX_LENGTH} characters long` })
  @Length(1, CONTACT_NAME_MAX_LENGTH, { message: `name must be 1 to ${CONTACT_NAME_MAX_LENGTH} characters long` })
  @IsPlainText()
  name!: string;

  @ApiProperty({ example: 'olena@example.org' })
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  email!: string;

  @ApiProperty({ example: 'uk', description: 'ISO 639-1; the answer comes in this language where possible' })
  @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code such as de, en or uk' })
  language!: string;

  @ApiProperty({ maxLength: CONTACT_MESSAGE_MAX_LENGTH, description: `Plain text; at most ${CONTACT_MESSAGE_MAX_LINKS} links` })
  @Transform(normalizeText)
  @IsString({ message: `message must be 1 to ${CONTACT_MESSAGE_MAX_LENGTH} characters long` })
  @Length(1, CONTACT_MESSAGE_MAX_LENGTH, { message: `message must be 1 to ${CONTACT_MESSAGE_MAX_LENGTH} characters long` })
  @IsPlainText()
  @MaxLinks(CONTACT_MESSAGE_MAX_LINKS)
  message!: string;

  @ApiProperty({ enum: [true], description: 'The newcomer agreed to the privacy notice' })
  @Equals(true, { message: 'consent must be true: agree to the privacy notice to send a question' })
  consent!: boolean;

  @ApiPropertyOptional({ description: 'Honeypot: hidden from people, filled by bots. Leave empty.' })
  @IsOptional()
  @IsString({ message: 'website must be empty' })
  @MaxLength(2000, { message: 'website must be empty' })
  website?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    description: 'The formToken of GET /api/public/privacy-notice (preferred), or the time the form was shown in ms since 1970',
  })
  @IsOptional()
  @IsFormStart()
  startedAt?: string | number;
}
