import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@welcome-ruhr/contracts';
import { DomainError, ErrorCode } from './errors/domain-error';

function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/** Bodies and queries are validated against their DTO; a 400 names each field and its problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = problems(errors);
      const message = fields.map((f) => f.problem).join('; ') || 'The request is not valid.';
      return new DomainError(ErrorCode.ValidationFailed, message, { fields });
    },
  });
}
