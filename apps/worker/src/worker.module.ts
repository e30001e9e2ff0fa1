import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { CoreModule, REDIS } from '@app/core';
import { JUDGE_ENGINE, JudgeSubmissionHandler, JudgingModule, SandboxEngine, SUBMISSION_PUBLISHER, SubmissionPublisher } from '@app/judging';
import { JudgeWorker } from './judge.worker';
import { serveMetrics } from './metrics';


/** The worker: no HTTP, no GraphQL; BullMQ processors over the same libraries as the API. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(JUDGE_ENGINE) private readonly engine: SandboxEngine) {}

  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, 'worker', logger), JudgingModule],
      providers: [
        { provide: JUDGE_ENGINE, useFactory: () => new SandboxEngine(config.judge) },
        {
          provide: SUBMISSION_PUBLISHER,
          inject: [REDIS, APP_CONFIG],
          useFactory: (redis: Redis, c: AppConfig) => new SubmissionPublisher(redis, c.redis.prefix),
        },
        JudgeSubmissionHandler,
        JudgeWorker,
        {
          provide: 'METRICS_SERVER',
          useFactory: () => (config.judge.metricsPort !== undefined ? serveMetrics(config.judge.metricsPort) : null),
        },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // After the BullMQ worker drained (JudgeWorker shuts down first): stop the sandbox children.
    await this.engine.close();
  }
}
