import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '@app/config';
import { createLogger, Logger, CLOCK, systemClock } from '@app/common';
import { dataSourceOptions } from '@app/migrations';
import { createRedis, REDIS } from './redis';
import { LOGGER } from './tokens';

/**
 * What both the API and the worker need: the validated config, the logger, the database and
 * one Redis connection. Global so feature modules ask for these by token.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig, serviceName: string, logger?: Logger): DynamicModule {
    const log = logger ?? createLogger(config.logLevel, serviceName);
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database),
          // Keep retrying is the API's job at runtime; at boot fail fast with a clear line.
          retryAttempts: 0,
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: log },
        { provide: CLOCK, useValue: systemClock },
        {
          provide: REDIS,
          useFactory: () => {
            const r = createRedis(config.redis);
            r.on('error', (e: Error) => log.debug({ err: e.message }, 'redis connection error'));
            return r;
          },
        },
      ],
      exports: [APP_CONFIG, LOGGER, CLOCK, REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
