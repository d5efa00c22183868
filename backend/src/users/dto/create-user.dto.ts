import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, PASSWORD_MIN_LENGTH, ROLES, type CreateUserRequest, type Role } from '@welcome-ruhr/contracts';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'moderator@essen.de' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Ayşe Yılmaz' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ type: [String], example: ['essen', 'bochum'] })
  @IsOptional()
  @IsArray({ message: 'cities must be a list of city slugs' })
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr' })
  cities?: string[];
}
