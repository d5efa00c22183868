import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { apiFieldMessages, clientFieldMessages, errorMessage, retryAfterSeconds, withoutField } from './api-error';

function httpError(status: number, error: unknown, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, headers: new HttpHeaders(headers), url: '/api/x' });
}

describe('api errors', () => {
  describe('retryAfterSeconds', () => {
    it('reads seconds and HTTP dates', () => {
      expect(retryAfterSeconds('42')).toBe(42);
      const now = Date.parse('2026-01-01T12:00:00Z');
      expect(retryAfterSeconds('Thu, 01 Jan 2026 12:01:30 GMT', now)).toBe(90);
    });

    it('gives up on nonsense', () => {
      expect(retryAfterSeconds(null)).toBeNull();
      expect(retryAfterSeconds('soon')).toBeNull();
    });
  });

  describe('errorMessage', () => {
    it("uses the API's own sentence", () => {
      expect(errorMessage(httpError(409, { statusCode: 409, code: 'CONFLICT', message: 'Already there.' }))).toEqual({
        text: 'Already there.',
      });
    });

    it('says how long to wait on 429', () => {
      expect(errorMessage(httpError(429, { statusCode: 429, code: 'X', message: 'Slow down' }, { 'Retry-After': '7' }))).toEqual(
        { key: 'errors.tooManyRequests', params: { seconds: 7 } },
      );
      expect(errorMessage(httpError(429, null, { 'Retry-After': '900' }))).toEqual({
        key: 'errors.tooManyRequestsMinutes',
        params: { minutes: 15 },
      });
      expect(errorMessage(httpError(429, null))).toEqual({ key: 'errors.tooManyRequestsLater' });
    });

    it('has its own words when there is no API body', () => {
      expect(errorMessage(httpError(0, new ProgressEvent('error')))).toEqual({ key: 'errors.network' });
      expect(errorMessage(httpError(502, '<html>Bad gateway</html>'))).toEqual({ key: 'errors.unexpected' });
      expect(errorMessage(new Error('boom'))).toEqual({ key: 'errors.unexpected' });
    });
  });

  it('maps field problems to fields, parts of a field to the field, first problem first', () => {
    const error = httpError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Check the fields.',
      fields: [
        { field: 'email', problem: 'taken' },
        { field: 'email', problem: 'second problem' },
        { field: 'cities[1]', problem: 'unknown city' },
      ],
    });
    expect(apiFieldMessages(error)).toEqual({ email: { text: 'taken' }, cities: { text: 'unknown city' } });
    expect(apiFieldMessages(httpError(500, null))).toEqual({});
  });

  it('names the first failing validator of each enabled control', () => {
    const form = new FormGroup({
      email: new FormControl('nope', [Validators.required, Validators.email]),
      password: new FormControl('short', Validators.minLength(10)),
      name: new FormControl(''),
      role: new FormControl('', Validators.required),
      skipped: new FormControl({ value: '', disabled: true }, Validators.required),
    });
    expect(clientFieldMessages(form)).toEqual({
      email: { key: 'validation.email' },
      password: { key: 'validation.minLength', params: { min: 10 } },
      role: { key: 'validation.required' },
    });
  });

  it('drops the message of one field', () => {
    const messages = { email: { text: 'a' }, name: { text: 'b' } };
    expect(withoutField(messages, 'email')).toEqual({ name: { text: 'b' } });
    expect(withoutField(messages, 'role')).toBe(messages);
  });
});
