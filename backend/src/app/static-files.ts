import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

/**
 * The dashboard's production build at `/` (any other non-API path gets its index.html, so deep links
 * work) and the widget scripts at `/widgets/`, which any site may load (CORS, cross-origin resource policy).
 */
const HASHED_FILE = /-[A-Z0-9]{8,}\.(?:js|css|woff2?)$/;

export async function registerStaticFiles(fastify: FastifyInstance, staticDir: string, logger: Logger): Promise<void> {
  const dashboardDir = join(staticDir, 'dashboard', 'browser');
  const widgetsDir = join(staticDir, 'widgets');

  if (existsSync(widgetsDir)) {
    await fastify.register(fastifyStatic, {
      root: widgetsDir,
      prefix: '/widgets/',
      decorateReply: false,
      // widgets/build.mjs writes .br and .gz copies; a city site's visitors get the small one.
      preCompressed: true,
      maxAge: '5m',
      setHeaders: (res) => {
        res.header('Access-Control-Allow-Origin', '*');
        res.header('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    });
  } else {
    logger.warn({ widgetsDir }, 'widgets are not built; /widgets/ is empty (run `npm run build`)');
  }

  if (!existsSync(join(dashboardDir, 'index.html'))) {
    logger.warn({ dashboardDir }, 'the dashboard is not built; / answers 404 (run `npm run build`)');
    return;
  }
  await fastify.register(fastifyStatic, {
    root: dashboardDir,
    prefix: '/',
    wildcard: false,
    index: false,
    // Files with a content hash in their name never change; everything else (index.html, i18n/*.json) is revalidated.
    setHeaders: (res, path) => {
      res.header('Cache-Control', HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/widgets/')) {
      return reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `Nothing is at ${request.url.split('?')[0]}.` });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', dashboardDir);
  });
  fastify.get('/', (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', dashboardDir));
}
