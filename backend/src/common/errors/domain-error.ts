import type { FieldProblem } from '@welcome-ruhr/contracts';

/** Every error a service may raise across a boundary; mapped to HTTP once, in the exception filter. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} was not found.`);
  }

  /** `problem` is a whole sentence that names the field, like class-validator's: "email must be an e-mail address". */
  static invalidField(field: string, problem: string): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, problem, { fields: [{ field, problem }] });
  }
}
