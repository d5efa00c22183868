import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_REQUEST_STATUSES,
  CONTACT_ROUTES,
  PRIVACY_NOTICE_LANGUAGES,
  type ContactAmbassadorRef,
  type ContactDataErasure,
  type ContactDataExport,
  type ContactMailExport,
  type ContactReplyDto,
  type ContactRequestAccepted,
  type ContactRequestDto,
  type ContactRequestListDto,
  type ContactRequestStatus,
  type ContactRequestSummaryDto,
  type ContactRoute,
  type PrivacyNoticeDto,
  type PrivacyNoticeLanguage,
} from '@welcome-ruhr/contracts';

export class ContactRequestAcceptedDto implements ContactRequestAccepted {
  @ApiProperty({ enum: [true] }) received!: true;
}

export class PrivacyNoticeResponseDto implements PrivacyNoticeDto {
  @ApiProperty({ enum: PRIVACY_NOTICE_LANGUAGES }) language!: PrivacyNoticeLanguage;
  @ApiProperty({ example: 'uk-3f2a9c0d11be' }) version!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Plain text; paragraphs separated by an empty line' }) text!: string;
  @ApiProperty() consentLabel!: string;
  @ApiProperty({ description: 'Send back as startedAt' }) formToken!: string;
  @ApiProperty() minFillSeconds!: number;
}

class ContactAmbassadorRefDto implements ContactAmbassadorRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class ContactRequestSummaryResponseDto implements ContactRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONTACT_REQUEST_STATUSES }) status!: ContactRequestStatus;
  @ApiProperty({ enum: CONTACT_ROUTES }) routedTo!: ContactRoute;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: ContactAmbassadorRefDto, nullable: true }) ambassador!: ContactAmbassadorRef | null;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'uk' }) language!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
}

class ContactReplyResponseDto implements ContactReplyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ description: 'Plain text' }) message!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContactRequestResponseDto extends ContactRequestSummaryResponseDto implements ContactRequestDto {
  @ApiProperty({ description: 'Plain text; never render it as HTML' }) message!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for ambassadors: they answer through the portal' }) email!: string | null;
  @ApiProperty({ format: 'date-time' }) consentAt!: string;
  @ApiProperty() privacyNoticeVersion!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) assignedAt!: string | null;
  @ApiProperty({ example: 'reply+5f0c…@welcome-ruhr.de' }) replyAddress!: string;
  @ApiProperty({ type: [ContactReplyResponseDto] }) replies!: ContactReplyDto[];
}

export class ContactRequestListResponseDto implements ContactRequestListDto {
  @ApiProperty({ type: [ContactRequestSummaryResponseDto] }) items!: ContactRequestSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class ContactMailExportDto implements ContactMailExport {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
}

export class ContactDataExportDto implements ContactDataExport {
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: [ContactRequestResponseDto] }) contactRequests!: ContactRequestDto[];
  @ApiProperty({ type: [ContactMailExportDto] }) mails!: ContactMailExport[];
}

export class ContactDataErasureDto implements ContactDataErasure {
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Contact requests deleted, with their replies' }) contactRequests!: number;
  @ApiProperty({ description: 'Mails to the address deleted from the outbox' }) mails!: number;
}
