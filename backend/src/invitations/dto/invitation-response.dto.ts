import { ApiProperty } from '@nestjs/swagger';
import { INVITATION_LANGUAGES, ROLES, type InvitationDto, type InvitationLanguage, type InvitationPreviewDto, type InvitationStatus, type Role } from '@welcome-ruhr/contracts';

export class InvitationResponseDto implements InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String] }) cities!: string[];
  @ApiProperty({ enum: INVITATION_LANGUAGES }) language!: InvitationLanguage;
  @ApiProperty({ enum: ['pending', 'accepted', 'expired', 'revoked'] }) status!: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acceptedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvitationPreviewResponseDto implements InvitationPreviewDto {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String] }) cities!: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
