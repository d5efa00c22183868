import { ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, ROLES, type Role, type UpdateUserRequest } from '@welcome-ruhr/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'cities must be a list of city slugs' })
  @ArrayMaxSize(60)
  @IsIn(CITY_SLUGS, { each: true, message: 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr' })
  cities?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the user; their tokens stop working at once' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
