import { ApiPropertyOptional } from '@nestjs/swagger';
import { AMBASSADOR_BIO_MAX_CHARS, CITY_SLUGS, isLanguageCode, LANGUAGE_CODES, type UpdateAmbassadorProfileRequest } from '@welcome-ruhr/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value);

/** What is wrong with a bio map, in words; null when nothing is. */
export function bioProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'bio must be an object of language code to text, e.g. {"de": "…", "tr": "…"}';
  for (const [language, text] of Object.entries(value as Record<string, unknown>)) {
    if (!isLanguageCode(language)) return `bio has "${language}", which is not an ISO 639-1 language code`;
    if (typeof text !== 'string') return `bio.${language} must be text`;
    if ([...text].length > AMBASSADOR_BIO_MAX_CHARS) return `bio.${language} must be at most ${AMBASSADOR_BIO_MAX_CHARS} characters long`;
  }
  return null;
}

function IsBio(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBio',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => bioProblem(value) === null,
        defaultMessage: (args) => bioProblem(args?.value) ?? 'bio is not valid',
      },
    });
}

export class UpdateProfileDto implements UpdateAmbassadorProfileRequest {
  @ApiPropertyOptional({ example: 'Ayşe Yılmaz' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName must be 1 to 200 characters long' })
  @Length(1, 200, { message: 'displayName must be 1 to 200 characters long' })
  displayName?: string;

  @ApiPropertyOptional({ type: [String], example: ['tr', 'de', 'en'], description: 'ISO 639-1 codes, most fluent first' })
  @IsOptional()
  @IsArray({ message: 'languages must be a list of ISO 639-1 codes' })
  @ArrayMaxSize(20, { message: 'languages must list at most 20 languages' })
  @ArrayUnique({ message: 'languages must not list a language twice' })
  @IsIn(LANGUAGE_CODES, { each: true, message: 'languages must contain only ISO 639-1 codes such as de, en or tr' })
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'dortmund' })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_o, value) => value !== null)
  @IsIn(CITY_SLUGS, { message: 'city must be an RVR city slug such as dortmund or muelheim-an-der-ruhr' })
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Türkischer Elternverein Dortmund' })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'community must be at most 200 characters long' })
  @MaxLength(200, { message: 'community must be at most 200 characters long' })
  community?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { tr: 'Dortmund’a altı yıl önce geldim…', de: 'Ich kam vor sechs Jahren…' } })
  @IsOptional()
  @IsBio()
  bio?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Show the profile in the public directory (needs a city, a language and a bio)' })
  @IsOptional()
  @IsBoolean({ message: 'visible must be true or false' })
  visible?: boolean;
}
