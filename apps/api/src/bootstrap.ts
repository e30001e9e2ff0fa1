import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { REQUEST_BODY_MAX_BYTES } from './graphql/operation-limits';
import { httpDuration, routeLabel } from './health/metrics';
import { PinoNestLogger } from './logger.adapter';
import { securityHeaders } from './security-headers';

/** Builds the API application (not yet listening): used by main.ts and by the tests. */
export async function createApi(config: AppConfig, logger: Logger, opts: { schemaFile?: string | boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger, opts), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  // Before Nest registers its default parser (100 KB), which it then leaves out: a source at the
  // ceiling a problem may set must be able to arrive (see REQUEST_BODY_MAX_BYTES).
  app.useBodyParser('json', { limit: REQUEST_BODY_MAX_BYTES });
  // Behind a load balancer the client's address arrives in X-Forwarded-For: believed only from
  // the proxies TRUST_PROXY names (per-IP login limits key on it).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
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
    res.on('finish', () => end({ route: routeLabel(req), status: String(res.statusCode) }));
    next();
  });
  serveWebApp(app, config, logger);
  app.enableShutdownHooks();
  return app;
}

/** Paths the API answers itself: the SPA fallback must never shadow them. */
const API_PATHS = /^\/(graphql|health|ready|metrics)(\/|$)|^\/jobs\/[^/]+\/shortlist\.csv$/;

/**
 * The built web app (apps/web/dist, or WEB_DIST_DIR) at `/`, with index.html for any other GET
 * so that client-side routes such as /invite/<token> survive a reload. Without a build the API
 * runs alone: tests of the API alone do not need the web app built.
 */
function serveWebApp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  const candidates = config.webDistDir
    ? [path.resolve(config.webDistDir)]
    : [path.resolve(__dirname, '../../../../apps/web/dist'), path.resolve(__dirname, '../../../apps/web/dist'), path.resolve(process.cwd(), 'apps/web/dist')];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!dir) {
    logger.info({ looked: candidates }, 'web app not built: serving the API only');
    return;
  }
  const index = path.join(dir, 'index.html');
  app.useStaticAssets(dir, { index: false, maxAge: '1h', setHeaders: (res, file) => file.endsWith('.html') && res.setHeader('cache-control', 'no-cache') });
  app.use((req: IncomingMessage & { path?: string }, res: ServerResponse & { sendFile?: (p: string) => void }, next: () => void) => {
    const urlPath = (req.url ?? '/').split('?')[0];
    // `/` is always the app; other paths only for a browser asking for a page (not an API client).
    const wantsPage = urlPath === '/' || String(req.headers.accept ?? '').includes('text/html');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(urlPath) || !wantsPage) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile!(index);
  });
}
