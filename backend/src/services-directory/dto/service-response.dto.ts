import { ApiProperty } from '@nestjs/swagger';
import type {
  OpeningHours,
  PublicServiceDto,
  PublicServiceListDto,
  ServiceCategoryDto,
  ServiceCategoryRef,
  ServiceDto,
  ServiceImportJob,
  ServiceImportProblem,
  ServiceImportReport,
  ServiceLocation,
} from '@welcome-ruhr/contracts';

class ServiceLocationDto implements ServiceLocation {
  @ApiProperty() lat!: number;
  @ApiProperty() lon!: number;
}

class ServiceCategoryRefDto implements ServiceCategoryRef {
  @ApiProperty() slug!: string;
  @ApiProperty() label!: string;
}

const OPENING_HOURS_EXAMPLE = {
  weekly: [{ day: 'mon', opens: '08:00', closes: '12:00' }],
  exceptions: [{ date: '2026-12-24', closed: true }],
  notes: { de: 'Nur mit Termin', en: 'By appointment only' },
};

export class ServiceResponseDto implements ServiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() category!: string;
  @ApiProperty() city!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: ServiceLocationDto, nullable: true }) location!: ServiceLocation | null;
  @ApiProperty({ nullable: true, example: OPENING_HOURS_EXAMPLE }) openingHours!: OpeningHours | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true }) appointmentUrl!: string | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ example: { de: '…', en: '…' } }) descriptions!: Record<string, string>;
  @ApiProperty() demo!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ServiceListResponseDto {
  @ApiProperty({ type: [ServiceResponseDto] }) items!: ServiceDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class PublicServiceResponseDto implements PublicServiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ServiceCategoryRefDto }) category!: ServiceCategoryRef;
  @ApiProperty() city!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: ServiceLocationDto, nullable: true }) location!: ServiceLocation | null;
  @ApiProperty({ nullable: true, example: OPENING_HOURS_EXAMPLE }) openingHours!: OpeningHours | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true }) appointmentUrl!: string | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Plain text' }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) descriptionLanguage!: string | null;
  @ApiProperty({ description: 'An example entry, not a real office' }) demo!: boolean;
}

export class PublicServiceListResponseDto implements PublicServiceListDto {
  @ApiProperty({ type: [PublicServiceResponseDto] }) items!: PublicServiceDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ServiceCategoryResponseDto implements ServiceCategoryDto {
  @ApiProperty() slug!: string;
  @ApiProperty({ example: { de: 'Sprachkurse', en: 'Language courses' } }) labels!: Record<string, string>;
  @ApiProperty() position!: number;
}

class ServiceImportProblemDto implements ServiceImportProblem {
  @ApiProperty() line!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The CSV column; null when the whole line is unreadable' }) field!: string | null;
  @ApiProperty() problem!: string;
}

export class ServiceImportReportDto implements ServiceImportReport {
  @ApiProperty() done!: boolean;
  @ApiProperty({ example: 'windows-1252' }) encoding!: string;
  @ApiProperty({ enum: [',', ';', '\t'] }) delimiter!: ',' | ';' | '\t';
  @ApiProperty() total!: number;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ type: [ServiceImportProblemDto] }) problems!: ServiceImportProblem[];
}

export class ServiceImportJobDto implements ServiceImportJob {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
}
