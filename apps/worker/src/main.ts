process.env.TZ = 'UTC';
// First, before the ~1,300 modules below: they compile from the cache of the workers before this
// one (JUDGE_CACHE_DIR; see compile-cache.ts), a restarted worker's largest cost after its children's.
import { enableCompileCache, saveCompileCache } from '@app/sandbox/compile-cache';
enableCompileCache(process.env.JUDGE_CACHE_DIR);
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, wantsPrettyLogs } from '@app/common';
import { describeConfig } from '@app/config';
import { databaseErrorLine, die, loadConfigOrDie, requireRedisOrDie } from '@app/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrDie();
  const logger = createLogger(config.logLevel, 'worker', { pretty: wantsPrettyLogs(config.isProduction) });
  await requireRedisOrDie(config);
  let app;
  try {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: false, abortOnError: false });
  } catch (e) {
    const msg = (e as Error).message ?? '';
    if (/ECONNREFUSED|SQLITE_CANTOPEN|does not exist|getaddrinfo/i.test(msg)) die(databaseErrorLine(config, e));
    die(`Cannot start the worker: ${msg.split('\n')[0]}`);
  }
  app.enableShutdownHooks();
  await app.init();
  saveCompileCache();
  logger.info({ config: describeConfig(config) }, 'worker ready');
}

void main();
