import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { httpDuration } from './health/metrics';
import { PinoNestLogger } from './logger.adapter';

/** Builds the API application (not yet listening): used by main.ts and by the tests. */
export async function createApi(config: AppConfig, logger: Logger, opts: { schemaFile?: string | boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger, opts), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const end = httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: (req.url ?? '').split('?')[0].slice(0, 64), status: String(res.statusCode) }));
    next();
  });
  app.enableShutdownHooks();
  return app;
}
