import IORedis, { Redis, RedisOptions } from 'ioredis';

/**
 * ioredis connections for the platform. BullMQ needs maxRetriesPerRequest: null; the
 * reconnect strategy retries forever with a capped delay so a Redis restart heals itself.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new IORedis(url, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    connectTimeout: 5000,
    lazyConnect: false,
    ...extra,
  });
}

/**
 * Fails fast at start: one attempt, short timeout. Returns null when Redis answers,
 * otherwise the reason in one line.
 */
export async function probeRedis(url: string, timeoutMs = 3000): Promise<string | null> {
  const client = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  // connect() rejects with "Connection is closed"; the cause arrives on the error event.
  let cause: NodeJS.ErrnoException | undefined;
  client.on('error', (e: NodeJS.ErrnoException) => (cause ??= e));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (e) {
    const err = cause ?? (e as NodeJS.ErrnoException);
    return err.code ?? err.message;
  } finally {
    client.disconnect();
  }
}

export function redisUnreachableMessage(url: string, reason: string): string {
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return `Cannot reach Redis at ${safe} (${reason}). Start one with "redis-server --daemonize yes" or point REDIS_URL at a running server.`;
}

export const REDIS = Symbol('REDIS');
