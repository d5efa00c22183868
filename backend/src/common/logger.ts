import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'welcome-ruhr' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
  });
}

/**
 * Nest's own log lines go through the same pino logger, as structured JSON.
 * Nest calls `level(message, ...params)` with the logger's context last; an object message keeps its fields.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'fatal' | 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const extra = params.filter((p) => typeof p === 'string').join(' ') || undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, extra ?? message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ context, ...(message as object) }, extra);
    } else {
      this.logger[level]({ context, ...(extra ? { detail: extra } : {}) }, String(message));
    }
  }
}
