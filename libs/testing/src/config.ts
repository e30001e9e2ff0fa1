import { randomBytes } from 'node:crypto';
import { AppConfig, DatabaseConfig, loadConfig } from '@app/config';

/** A test AppConfig: its own Redis key prefix so test files never see each other's keys. */
export function testConfig(database: DatabaseConfig, env: Record<string, string> = {}): AppConfig {
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'hp'}-t-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0',
    PORT: '0',
    ...env,
  });
  return { ...base, database };
}
