import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type UserDto } from '@welcome-ruhr/contracts';

export class UserResponseDto implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String], example: ['essen'] }) cities!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ambassadorId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastLoginAt!: string | null;
}
