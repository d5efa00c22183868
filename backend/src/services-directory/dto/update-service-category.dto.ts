import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateServiceCategoryRequest } from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator } from 'class-validator';
import { hasControlCharacters } from '../../contact-requests/dto/text-validators';
import { isLanguageCode } from '@welcome-ruhr/contracts';

function labelsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'labels must be an object of labels per language, e.g. {"de": "Sprachkurse", "en": "Language courses"}';
  const labels = value as Record<string, unknown>;
  for (const required of ['de', 'en']) {
    if (typeof labels[required] !== 'string' || (labels[required] as string).trim() === '') return `labels.${required} is required`;
  }
  for (const [language, label] of Object.entries(labels)) {
    if (!isLanguageCode(language)) return `labels.${language} is not an ISO 639-1 language code`;
    if (typeof label !== 'string' || label.trim().length === 0 || label.length > 100 || hasControlCharacters(label)) {
      return `labels.${language} must be a text of 1 to 100 characters`;
    }
  }
  return null;
}

function IsLabels(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLabels',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: (value: unknown) => labelsProblem(value) === null, defaultMessage: (args) => labelsProblem(args?.value) ?? 'labels is not valid' },
    });
}

export class UpdateServiceCategoryDto implements UpdateServiceCategoryRequest {
  @ApiProperty({ example: { de: 'Sprachkurse', en: 'Language courses', uk: 'Мовні курси' }, description: 'de and en are required' })
  @IsLabels()
  labels!: Record<string, string>;

  @ApiPropertyOptional({ description: 'Sort order; lower first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'position must be a whole number from 0 to 10000' })
  @Min(0, { message: 'position must be a whole number from 0 to 10000' })
  @Max(10000, { message: 'position must be a whole number from 0 to 10000' })
  position?: number;
}
