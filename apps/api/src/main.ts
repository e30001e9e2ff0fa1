process.env.TZ = 'UTC';
import 'reflect-metadata';
import { createLogger, wantsPrettyLogs } from '@app/common';
import { describeConfig } from '@app/config';
import { databaseErrorLine, die, loadConfigOrDie, requireRedisOrDie } from '@app/core';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrDie();
  const logger = createLogger(config.logLevel, 'api', { pretty: wantsPrettyLogs(config.isProduction) });
  if (config.jwt.generated) {
    logger.warn('JWT_SECRET is not set: using a random secret for this process; tokens die with it (set JWT_SECRET)');
  }
  await requireRedisOrDie(config);
  let app;
  try {
    app = await createApi(config, logger);
  } catch (e) {
    const msg = (e as Error).message ?? '';
    if (/ECONNREFUSED|SQLITE_CANTOPEN|database .* does not exist|password authentication|getaddrinfo/i.test(msg + ((e as NodeJS.ErrnoException).code ?? ''))) {
      die(databaseErrorLine(config, e));
    }
    die(`Cannot start the API: ${msg.split('\n')[0]}`);
  }
  await app.listen(config.port, config.host);
  logger.info({ config: describeConfig(config), url: `http://localhost:${config.port}/graphql` }, 'API listening');
}

void main();
