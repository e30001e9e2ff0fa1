import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { AppConfig, APP_CONFIG } from '@app/config';
import { createPubSub, PUB_SUB } from './pubsub';

@Global()
@Module({
  providers: [{ provide: PUB_SUB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createPubSub(config) }],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubsub: RedisPubSub) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close().catch(() => undefined);
  }
}
