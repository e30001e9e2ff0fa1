import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CoreModule, REDIS } from '@app/core';
import { SimilarityModule } from '@app/integrity';
import { JudgeRunnerModule } from '@app/judging';
import { JudgeWorker } from './judge.worker';
import { readiness, serveMetrics } from './metrics';
import { SimilarityWorker } from './similarity.worker';

/** The worker: no HTTP, no GraphQL; BullMQ processors over the same libraries as the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      // JudgeRunnerModule stops the sandbox children at shutdown, after JudgeWorker drained.
      imports: [CoreModule.forRoot(config, 'worker', logger), JudgeRunnerModule.forRoot({ sandboxes: 'boot' }), SimilarityModule],
      providers: [
        JudgeWorker,
        SimilarityWorker,
        {
          provide: 'METRICS_SERVER',
          useFactory: (db: DataSource, redis: Redis) =>
            config.judge.metricsPort !== undefined ? serveMetrics(config.judge.metricsPort, readiness(db, redis)) : null,
          inject: [getDataSourceToken(), REDIS],
        },
      ],
    };
  }
}
