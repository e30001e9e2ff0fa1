import { RedisPubSub } from 'graphql-redis-subscriptions';
import { AppConfig } from '@app/config';
import { createRedis } from '@app/core';

export const PUB_SUB = Symbol('PUB_SUB');

/**
 * Subscriptions are published through Redis so an event raised by the worker, or by another
 * API instance, reaches every subscriber wherever it is connected.
 */
export function createPubSub(config: AppConfig): RedisPubSub {
  const publisher = createRedis(config.redis);
  const subscriber = createRedis(config.redis);
  for (const c of [publisher, subscriber]) c.on('error', () => undefined);
  return new RedisPubSub({ publisher, subscriber, connection: undefined, messageEventName: 'message', pmessageEventName: 'pmessage' });
}

export function channel(config: AppConfig, name: string): string {
  return `${config.redis.prefix}:events:${name}`;
}
