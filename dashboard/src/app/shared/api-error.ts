import { HttpErrorResponse } from '@angular/common/http';
import { FormGroup } from '@angular/forms';
import { ApiError } from '@welcome-ruhr/contracts';

/**
 * A text to show to a person: either a translation key (our own texts) or a text that the API
 * already wrote (its `message` and field problems), shown as it came.
 */
export interface Message {
  key?: string;
  params?: Record<string, unknown>;
  text?: string;
}

/** Messages per form field, keyed by the field's name in the API. */
export type FieldMessages = Partial<Record<string, Message>>;

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiError).message === 'string' &&
    typeof (body as ApiError).statusCode === 'number'
  );
}

/** The error body the API sent, or a stand-in when there was none (network down, proxy page). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (isApiError(error.error)) return error.error;
    return { statusCode: error.status, code: error.status === 0 ? 'NETWORK_ERROR' : 'UNEXPECTED', message: '' };
  }
  return { statusCode: 0, code: 'UNEXPECTED', message: '' };
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** The one sentence to show for a failed request. */
export function errorMessage(error: unknown): Message {
  if (error instanceof HttpErrorResponse && error.status === 429) {
    const seconds = retryAfterSeconds(error.headers.get('Retry-After'));
    if (seconds === null) return { key: 'errors.tooManyRequestsLater' };
    // "in 900 s" is hard to grasp; from two minutes on, say minutes.
    return seconds < 120
      ? { key: 'errors.tooManyRequests', params: { seconds } }
      : { key: 'errors.tooManyRequestsMinutes', params: { minutes: Math.ceil(seconds / 60) } };
  }
  const apiError = toApiError(error);
  if (apiError.message) return { text: apiError.message };
  return { key: apiError.code === 'NETWORK_ERROR' ? 'errors.network' : 'errors.unexpected' };
}

/**
 * The API's problems with single fields, as messages keyed by field name. A problem with a part
 * of a field (`cities.2`, `cities[2]`) belongs to the field; the first problem per field wins.
 */
export function apiFieldMessages(error: unknown): FieldMessages {
  const messages: FieldMessages = {};
  for (const { field, problem } of toApiError(error).fields ?? []) {
    messages[field.split(/[.[]/, 1)[0]] ??= { text: problem };
  }
  return messages;
}

/** Our own messages for the validators the forms use, one per invalid control. */
export function clientFieldMessages(form: FormGroup): FieldMessages {
  const messages: FieldMessages = {};
  for (const [name, control] of Object.entries(form.controls)) {
    const errors = control.enabled ? control.errors : null;
    if (!errors) continue;
    if (errors['required']) messages[name] = { key: 'validation.required' };
    else if (errors['email']) messages[name] = { key: 'validation.email' };
    else if (errors['minlength'])
      messages[name] = { key: 'validation.minLength', params: { min: errors['minlength'].requiredLength } };
    else if (errors['mismatch']) messages[name] = { key: 'validation.passwordMismatch' };
    else messages[name] = { key: 'validation.invalid' };
  }
  return messages;
}

/** The same messages without the one for `field` (the person is correcting it). */
export function withoutField(messages: FieldMessages, field: string): FieldMessages {
  if (!(field in messages)) return messages;
  const rest = { ...messages };
  delete rest[field];
  return rest;
}
