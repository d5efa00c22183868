import { isLanguageCode } from '@welcome-ruhr/contracts';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { hasControlCharacters } from '../../contact-requests/dto/text-validators';
import { openingHoursProblem } from '../opening-hours';

export const DESCRIPTION_MAX_LENGTH = 4000;

/** What is wrong with `value` as descriptions per language; null when nothing is. */
export function descriptionsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'descriptions must be an object of plain texts per ISO 639-1 language, e.g. {"de": "…", "en": "…"}';
  }
  for (const [language, text] of Object.entries(value)) {
    if (!isLanguageCode(language)) return `descriptions.${language} is not an ISO 639-1 language code`;
    if (typeof text !== 'string' || text.length > DESCRIPTION_MAX_LENGTH) return `descriptions.${language} must be a text of at most ${DESCRIPTION_MAX_LENGTH} characters`;
    if (hasControlCharacters(text)) return `descriptions.${language} must not contain control characters`;
  }
  return null;
}

function problemDecorator(name: string, problemOf: (value: unknown) => string | null, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args) => problemOf(args?.value) ?? `${String(propertyName)} is not valid`,
      },
    });
}

export const IsOpeningHours = (options?: ValidationOptions) => problemDecorator('isOpeningHours', (value) => openingHoursProblem(value), options);
export const IsDescriptions = (options?: ValidationOptions) => problemDecorator('isDescriptions', descriptionsProblem, options);

export const SERVICE_FIELD_MESSAGES = {
  category: 'category must be a category slug such as registration-office',
  city: 'city must be an RVR city slug such as essen',
  name: 'name must be 1 to 200 characters long',
  address: 'address must be 1 to 300 characters long',
  latitude: 'latitude must be a number from -90 to 90',
  longitude: 'longitude must be a number from -180 to 180',
  phone: 'phone must be a phone number: digits, spaces and + ( ) / - .',
  email: 'email must be an e-mail address',
  website: 'website must be an http or https address',
  appointmentUrl: 'appointmentUrl must be an http or https address',
  languages: 'languages must contain only ISO 639-1 codes such as de, en or uk',
  languagesList: 'languages must be a list of at most 40 ISO 639-1 codes',
} as const;

export const PHONE_PATTERN = /^(?=(?:\D*\d){3})\+?[0-9 ()/.-]{3,40}$/;
