import { AppConfig, ConfigError, loadConfig } from '@app/config';
import { probeRedis, redisUnreachableMessage } from './redis';

/**
 * A process that cannot start says why in one line and exits 1: bad config, Redis missing.
 */
export function die(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function loadConfigOrDie(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) die(`Cannot start: invalid configuration: ${e.problems.join('; ')}`);
    throw e;
  }
}

export async function requireRedisOrDie(config: AppConfig): Promise<void> {
  const reason = await probeRedis(config.redis);
  if (reason) die(`Cannot start: ${redisUnreachableMessage(config.redis, reason)}`);
}

export function databaseErrorLine(config: AppConfig, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const where = config.database.type === 'sqlite' ? config.database.file : config.database.url.replace(/\/\/[^@/]*@/, '//***@');
  return `Cannot start: cannot open the database at ${where} (${err.code ?? err.message}).`;
}
