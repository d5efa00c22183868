import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';

/** Types browsers and tools send a .csv file as; Windows reports Excel's. */
export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
export const CSV_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** Lets `POST /api/services/import` take the file's bytes as they are, so that the import detects the encoding. */
export function registerCsvBodyParser(fastify: FastifyInstance | undefined): void {
  if (!fastify?.addContentTypeParser) return;
  for (const type of CSV_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  }
}

@Injectable()
export class CsvBodyPipe implements PipeTransform<unknown, Buffer> {
  transform(value: unknown): Buffer {
    if (Buffer.isBuffer(value) && value.length > 0) return value;
    throw DomainError.invalidField('file', 'file must be sent as the request body with Content-Type text/csv');
  }
}
