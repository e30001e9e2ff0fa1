import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { AssessmentResultsModule } from '@app/assessments';
import { AppConfig, APP_CONFIG } from '@app/config';
import { REDIS } from '@app/core';
import { SimilarityPairEntity } from '@app/domain';
import { SimilarityQueue } from '@app/queue';
import { SimilarityRunner } from './similarity-runner';
import { SimilarityService } from './similarity.service';

/**
 * Code similarity: the API schedules analyses and reads pairs; the worker runs the analyses. The
 * queue is a provider of its own (one per process, closed here), like the judge queue.
 */
@Module({
  imports: [AssessmentResultsModule, TypeOrmModule.forFeature([SimilarityPairEntity])],
  providers: [
    {
      provide: SimilarityQueue,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new SimilarityQueue(redis, config.redis.prefix, config.similarity.debounceMs),
    },
    {
      provide: SimilarityRunner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SimilarityRunner({ maxHeapMb: config.similarity.maxHeapMb, timeoutMs: config.similarity.timeoutMs }),
    },
    SimilarityService,
  ],
  exports: [SimilarityService, SimilarityQueue],
})
export class SimilarityModule implements OnApplicationShutdown {
  constructor(@Inject(SimilarityQueue) private readonly queue: SimilarityQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
