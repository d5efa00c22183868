import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError } from '@welcome-ruhr/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, HTTP_STATUS_BY_CODE } from './domain-error';

const CODE_BY_STATUS: Record<number, string> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: 'METHOD_NOT_ALLOWED',
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: ErrorCode.TooManyAttempts,
};

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** One error shape for every response; no stack trace ever leaves the server. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toApiError(exception);
    body.requestId = String(request.id);

    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'request failed');
    } else {
      this.logger.warn(
        { requestId: request.id, method: request.method, url: request.url, code: body.code, fields: body.fields },
        body.message,
      );
    }
    if (exception instanceof DomainError && exception.details.retryAfterSeconds !== undefined) {
      reply.header('Retry-After', String(exception.details.retryAfterSeconds));
    }
    reply.status(body.statusCode).send(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof DomainError) {
      return {
        statusCode: HTTP_STATUS_BY_CODE[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.details.fields ? { fields: exception.details.fields } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message).join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message };
    }
    const fastifyError = exception as FastifyLikeError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      return {
        statusCode: fastifyError.statusCode,
        code: CODE_BY_STATUS[fastifyError.statusCode] ?? fastifyError.code ?? 'HTTP_ERROR',
        message: friendlyFastifyMessage(fastifyError),
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again.' };
  }
}

function friendlyFastifyMessage(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This content type is not accepted here; send application/json.';
    default:
      return error.message ?? 'The request could not be processed.';
  }
}
