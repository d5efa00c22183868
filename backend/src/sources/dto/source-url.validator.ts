import type { SourceType } from '@welcome-ruhr/contracts';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { normalizeSourceUrl } from '../source-urls';

const MAX_URL_LENGTH = 2000;

/** What is wrong with `value` as the url of a source of `type`; null when nothing is. */
export function sourceUrlProblem(type: SourceType, value: unknown): string | null {
  if (type === 'facebook_page') return 'is only for rss and mastodon sources; a Facebook page is named by externalId';
  if (value === undefined || value === null || value === '') return `is required for a ${type} source`;
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return 'must be an http or https address';
  return normalizeSourceUrl(type, value).problem ?? null;
}

/** `url` checked against the `type` next to it: a feed address, or a Mastodon account. */
export function IsSourceUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSourceUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return sourceUrlProblem((args.object as { type: SourceType }).type, value) === null;
        },
        defaultMessage(args: ValidationArguments) {
          return `url ${sourceUrlProblem((args.object as { type: SourceType }).type, args.value)}`;
        },
      },
    });
}
