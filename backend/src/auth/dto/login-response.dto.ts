import { ApiProperty } from '@nestjs/swagger';
import type { LoginResponse } from '@welcome-ruhr/contracts';
import { UserResponseDto } from '../../users/dto/user-response.dto';

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}
