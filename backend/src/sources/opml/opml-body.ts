import { Injectable, type PipeTransform } from '@nestjs/common';
import type { OpmlImportSettings } from '@welcome-ruhr/contracts';
import type { FastifyInstance } from 'fastify';
import { createValidationPipe } from '../../common/validation';
import { ImportOpmlDto, type ImportOpmlQuery } from '../dto/import-opml.dto';

const OPML_CONTENT_TYPES = ['text/xml', 'application/xml', 'text/x-opml', 'application/x-opml'];
export const OPML_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** Lets `POST /api/sources/import` take the OPML file itself as its body (text/plain is built in). */
export function registerOpmlBodyParser(fastify: FastifyInstance | undefined): void {
  if (!fastify?.addContentTypeParser) return;
  for (const type of OPML_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit: OPML_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  }
}

/** The import body: the OPML text itself, or JSON `{opml, …settings}` validated like any DTO. */
@Injectable()
export class OpmlBodyPipe implements PipeTransform<unknown, Promise<string | ImportOpmlDto>> {
  private readonly validation = createValidationPipe();

  async transform(value: unknown): Promise<string | ImportOpmlDto> {
    if (typeof value === 'string') return value;
    return this.validation.transform(value ?? {}, { type: 'body', metatype: ImportOpmlDto });
  }
}

/** The file and the settings, wherever they came: JSON body, or file body with settings in the query. */
export function opmlImportOf(body: string | ImportOpmlDto, query: ImportOpmlQuery): { opml: string; settings: OpmlImportSettings } {
  if (typeof body === 'string') {
    const { kind, cities, topics, languages, autoApprove } = query;
    return { opml: body, settings: { kind, cities, topics, languages, autoApprove } };
  }
  const { opml, ...settings } = body;
  return { opml, settings };
}
