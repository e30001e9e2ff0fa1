import IORedis, { Cluster, ClusterOptions, Redis, RedisOptions } from 'ioredis';
import type { RedisConfig } from '@app/config';

/** Options shared by every connection: BullMQ needs maxRetriesPerRequest null; reconnect forever, capped. */
const BASE: RedisOptions = {
  maxRetriesPerRequest: null,
  enableOfflineQueue: true,
  retryStrategy: (times) => Math.min(times * 200, 2000),
  connectTimeout: 5000,
  lazyConnect: false,
};

/** The user, password and TLS of a redis:// or rediss:// URL, for the data nodes of a Sentinel or Cluster setup. */
export function credentialsOf(url: string): Pick<RedisOptions, 'username' | 'password' | 'tls' | 'db'> {
  const u = new URL(url);
  const out: Pick<RedisOptions, 'username' | 'password' | 'tls' | 'db'> = {};
  if (u.username) out.username = decodeURIComponent(u.username);
  if (u.password) out.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') out.tls = {};
  const db = Number(u.pathname.replace(/^\//, '') || '0');
  if (db) out.db = db;
  return out;
}

/**
 * How to build the connection, without connecting (what the config tests check):
 * one server from REDIS_URL; the master of a Sentinel group, found through the sentinels and
 * followed across failovers; or a Cluster from its seed nodes.
 */
export type RedisPlan =
  | { kind: 'single'; url: string; options: RedisOptions }
  | { kind: 'sentinel'; options: RedisOptions }
  | { kind: 'cluster'; nodes: Array<{ host: string; port: number }>; options: ClusterOptions };

export function redisPlan(config: RedisConfig | string, extra: RedisOptions = {}): RedisPlan {
  const c: RedisConfig = typeof config === 'string' ? { url: config, prefix: '' } : config;
  if (c.sentinel) {
    return {
      kind: 'sentinel',
      options: {
        ...BASE,
        ...credentialsOf(c.url),
        sentinels: c.sentinel.sentinels,
        name: c.sentinel.name,
        ...(c.sentinel.password ? { sentinelPassword: c.sentinel.password } : {}),
        // Follow a failover as soon as the sentinels announce it (+switch-master)...
        failoverDetector: true,
        // ...and if a write still reaches the demoted master (now a replica, READONLY), reconnect
        // through the sentinels and send that command again (2).
        reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
        ...extra,
      },
    };
  }
  if (c.cluster) {
    const { db: _db, ...credentials } = credentialsOf(c.url);
    return {
      kind: 'cluster',
      nodes: c.cluster.nodes,
      options: {
        enableOfflineQueue: true,
        clusterRetryStrategy: (times) => Math.min(times * 200, 2000),
        lazyConnect: extra.lazyConnect ?? false,
        redisOptions: { ...BASE, ...credentials, ...extra },
      },
    };
  }
  return { kind: 'single', url: c.url, options: { ...BASE, ...extra } };
}

/**
 * ioredis connections for the platform: a Redis Cluster client is typed as `Redis` (it answers
 * the same commands, and BullMQ and graphql-redis-subscriptions accept either), so the rest of
 * the code base has one type.
 */
export function createRedis(config: RedisConfig | string, extra: RedisOptions = {}): Redis {
  const plan = redisPlan(config, extra);
  switch (plan.kind) {
    case 'single':
      return new IORedis(plan.url, plan.options);
    case 'sentinel':
      return new IORedis(plan.options);
    case 'cluster':
      return new Cluster(plan.nodes, plan.options) as unknown as Redis;
  }
}

/**
 * Fails fast at start: one attempt, short timeout. Returns null when Redis answers,
 * otherwise the reason in one line.
 */
export async function probeRedis(config: RedisConfig | string, timeoutMs = 3000): Promise<string | null> {
  const client = createRedis(config, {
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
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs + 500).unref()),
    ]);
    return null;
  } catch (e) {
    const err = cause ?? (e as NodeJS.ErrnoException);
    return err.code ?? err.message;
  } finally {
    client.disconnect();
  }
}

export function redisUnreachableMessage(config: RedisConfig | string, reason: string): string {
  const c: RedisConfig = typeof config === 'string' ? { url: config, prefix: '' } : config;
  const safe = c.url.replace(/\/\/[^@/]*@/, '//***@');
  const where = c.sentinel
    ? `the master "${c.sentinel.name}" through sentinels ${c.sentinel.sentinels.map((h) => `${h.host}:${h.port}`).join(',')}`
    : c.cluster
      ? `the cluster at ${c.cluster.nodes.map((h) => `${h.host}:${h.port}`).join(',')}`
      : safe;
  return `Cannot reach Redis at ${where} (${reason}). Start one with "redis-server --daemonize yes" or point REDIS_URL at a running server.`;
}

export const REDIS = Symbol('REDIS');
