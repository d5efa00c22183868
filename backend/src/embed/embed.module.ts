import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { EMBED_PAGE_CSP, embedAttributes, renderEmbedPage } from './embed-page';

export const EMBED_PAGE_PATH = '/embed/feed';

/**
 * The iframe alternative for sites that allow no scripts: `GET /embed/feed?city=…` (public, no login).
 * It lives outside the global `/api` prefix, so it is a route of Fastify itself rather than a controller.
 */
@Module({})
export class EmbedModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(EMBED_PAGE_PATH, async (request, reply) => {
      const { attributes, lang } = embedAttributes(request.query as Record<string, unknown>);
      // Helmet has set the portal's headers on the raw response already; this page replaces three of
      // them (X-Frame-Options would forbid framing whatever the policy says).
      for (const name of ['X-Frame-Options', 'Content-Security-Policy', 'Cross-Origin-Resource-Policy']) reply.raw.removeHeader(name);
      return reply
        .header('Content-Security-Policy', EMBED_PAGE_CSP)
        .header('Cross-Origin-Resource-Policy', 'cross-origin')
        .header('Cache-Control', 'public, max-age=300')
        .type('text/html; charset=utf-8')
        .send(renderEmbedPage(attributes, lang));
    });
  }
}
