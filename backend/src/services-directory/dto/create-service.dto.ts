import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_SLUGS, LANGUAGE_CODES, SERVICE_CATEGORY_PATTERN, type CreateServiceRequest, type OpeningHours } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNumber, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText, lowerEmail, trimText } from '../../contact-requests/dto/text-validators';
import { IsDescriptions, IsOpeningHours, PHONE_PATTERN, SERVICE_FIELD_MESSAGES as M } from './service-validators';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateServiceDto implements CreateServiceRequest {
  @ApiProperty({ example: 'registration-office', description: 'A slug of GET /api/public/service-categories' })
  @Matches(SERVICE_CATEGORY_PATTERN, { message: M.category })
  category!: string;

  @ApiProperty({ example: 'essen' })
  @IsIn(CITY_SLUGS, { message: M.city })
  city!: string;

  @ApiProperty({ example: 'Bürgeramt Essen-Mitte' })
  @Transform(trimText)
  @IsString({ message: M.name })
  @Length(1, 200, { message: M.name })
  @IsPlainText()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Porscheplatz 1, 45127 Essen' })
  @IsOptional()
  @Transform(trimText)
  @IsString({ message: M.address })
  @Length(1, 300, { message: M.address })
  @IsPlainText()
  address?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 51.4556 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: M.latitude })
  @Min(-90, { message: M.latitude })
  @Max(90, { message: M.latitude })
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 7.0116 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: M.longitude })
  @Min(-180, { message: M.longitude })
  @Max(180, { message: M.longitude })
  longitude?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Weekly ranges and exceptions by date',
    example: { weekly: [{ day: 'mon', opens: '08:00', closes: '12:00' }], exceptions: [{ date: '2026-12-24', closed: true }], notes: { de: 'Nur mit Termin' } },
  })
  @IsOptional()
  @IsOpeningHours()
  openingHours?: OpeningHours | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 201 88-0' })
  @IsOptional()
  @Transform(trimText)
  @IsString({ message: M.phone })
  @Matches(PHONE_PATTERN, { message: M.phone })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: M.email })
  @MaxLength(254, { message: M.email })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimText)
  @IsUrl(HTTP_URL, { message: M.website })
  @MaxLength(2000, { message: M.website })
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where to book an appointment' })
  @IsOptional()
  @Transform(trimText)
  @IsUrl(HTTP_URL, { message: M.appointmentUrl })
  @MaxLength(2000, { message: M.appointmentUrl })
  appointmentUrl?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['de', 'en', 'tr'], description: 'Languages spoken there' })
  @IsOptional()
  @IsArray({ message: M.languagesList })
  @ArrayMaxSize(40, { message: M.languagesList })
  @IsIn(LANGUAGE_CODES, { each: true, message: M.languages })
  languages?: string[];

  @ApiPropertyOptional({ example: { de: 'An- und Ummeldung, Personalausweis', en: 'Registration of your address, ID cards' } })
  @IsOptional()
  @IsDescriptions()
  descriptions?: Record<string, string>;
}
