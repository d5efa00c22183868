import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none belongs in plain text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Plain text a person typed: no control characters (tabs and line breaks are fine). */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not contain control characters`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacters(value) },
    });
}

/** At most `max` links (http://, https:// or www.): more is the mark of spam. */
export function MaxLinks(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'maxLinks',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [max],
      options: { message: `${String(propertyName)} may contain at most ${max} links`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || countLinks(value) <= max },
    });
}

export const trimText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Trimmed, with Windows line breaks made plain. */
export const normalizeText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value);
export const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
