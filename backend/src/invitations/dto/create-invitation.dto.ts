import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, INVITATION_LANGUAGES, ROLES, type CreateInvitationRequest, type InvitationLanguage, type Role } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsPlainText, lowerEmail, trimText } from '../../contact-requests/dto/text-validators';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'moderatorin@bochum.de' })
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  email!: string;

  @ApiProperty({ example: 'Ayşe Yılmaz' })
  @Transform(trimText)
  @IsString({ message: 'name must be 1 to 200 characters long' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  @IsPlainText()
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ type: [String], example: ['bochum'] })
  @IsOptional()
  @IsArray({ message: 'cities must be a list of city slugs' })
  @ArrayMaxSize(60, { message: 'cities must be a list of at most 60 city slugs' })
  @IsIn(CITY_SLUGS, { each: true, message: 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr' })
  cities?: string[];

  @ApiPropertyOptional({ enum: INVITATION_LANGUAGES, default: 'de', description: 'The language of the invitation mail' })
  @IsOptional()
  @IsIn(INVITATION_LANGUAGES, { message: `language must be one of ${INVITATION_LANGUAGES.join(', ')}` })
  language?: InvitationLanguage;
}
