import { ApiProperty } from '@nestjs/swagger';
import type { AmbassadorProfileDto, PublicAmbassadorDto } from '@welcome-ruhr/contracts';

export class PublicAmbassadorResponseDto implements PublicAmbassadorDto {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) community!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) bio!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) photoUrl!: string | null;
}

export class ProfileResponseDto extends PublicAmbassadorResponseDto implements AmbassadorProfileDto {
  @ApiProperty() visible!: boolean;
  @ApiProperty() updatedAt!: string;
}
