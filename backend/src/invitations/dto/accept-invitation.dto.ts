import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MIN_LENGTH, type AcceptInvitationRequest } from '@welcome-ruhr/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString({ message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(1024, { message: 'password must be at most 1024 characters long' })
  password!: string;
}
