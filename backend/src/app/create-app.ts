import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { HttpExceptionFilter } from '../common/errors/http-exception.filter';
import { createRootLogger, PinoNestLogger } from '../common/logger';
import { createValidationPipe } from '../common/validation';
import type { AppConfig } from '../config/app-config';
import type { ConnectOptions } from '../database/connect';
import { AppModule } from './app.module';
import { registerStaticFiles } from './static-files';

export interface CreateAppOptions {
  /** Overrides the database of the config (tests pass a throwaway one). */
  database?: { url: string | null; dataDir: string | null };
  connect?: ConnectOptions;
  logger?: Logger;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, options), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    abortOnError: false,
    // Webhook signatures (X-Hub-Signature-256) are computed over the exact bytes received.
    rawBody: true,
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  // Public GET endpoints answer any origin; private ones are same-origin only (no CORS headers).
  app.enableCors({
    delegator: (request, callback) => {
      const isPublic = (request.url ?? '').startsWith('/api/public/');
      callback(null, isPublic ? { origin: '*', methods: ['GET', 'HEAD', 'POST'], maxAge: 86400 } : { origin: false });
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  await app.register(fastifyCookie as never);
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular adds component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginEmbedderPolicy: false,
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Welcome Ruhr API')
      .setDescription('Content, moderation and directory API of the Welcome Ruhr portal.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await registerStaticFiles(fastify, config.staticDir, logger);
  return app;
}
