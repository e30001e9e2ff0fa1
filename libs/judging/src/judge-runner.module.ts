import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '@app/config';
import { REDIS } from '@app/core';
import type { StoredTestResult } from '@app/domain';
import { EngineRequest, EngineResult, JUDGE_ENGINE, JudgeEngine, SolutionsCheck, SolutionsCheckRequest } from './engine.port';
import { JudgeSubmissionHandler, SUBMISSION_PUBLISHER } from './judge-submission.handler';
import { JudgingModule } from './judging.module';
import { SandboxEngine } from './sandbox-engine';
import { SubmissionPublisher } from './submission-events';

/**
 * A SandboxEngine whose children start on demand: start(), or the first judge() call. The seed
 * step needs sandboxes only when a bank problem is not VALID yet, and the problem importer never
 * judges. Starting them holds this thread a while (forks, type-check threads): a caller about to
 * judge many at once calls start() first, so that pause does not land while the judgements wait
 * on the database pool (whose acquire timeout it would exceed on a busy machine).
 */
export class OnDemandSandboxEngine implements JudgeEngine {
  private engine?: SandboxEngine;

  constructor(private readonly options: ConstructorParameters<typeof SandboxEngine>[0]) {}

  get started(): boolean {
    return this.engine !== undefined;
  }

  start(): SandboxEngine {
    this.engine ??= new SandboxEngine(this.options);
    return this.engine;
  }

  judge(req: EngineRequest, onTest?: (result: StoredTestResult, index: number) => void): Promise<EngineResult> {
    return this.start().judge(req, onTest);
  }

  checkSolutions(req: SolutionsCheckRequest): Promise<SolutionsCheck> {
    return this.start().checkSolutions(req);
  }

  async close(): Promise<void> {
    await this.engine?.close();
  }
}

export interface JudgeRunnerOptions {
  /** `boot`: the sandbox children start with the module (the worker); `first-judge`: on demand (the seed step). */
  sandboxes: 'boot' | 'first-judge';
}

/**
 * Judging in this process: the sandbox engine, the progress publisher and the handler that
 * turns a queued submission into a stored verdict. The worker imports it, and so does the seed
 * step, which validates the problem bank before any worker runs. The sandbox children stop at
 * shutdown, after the worker's BullMQ consumer drained (it does so in beforeApplicationShutdown).
 */
@Module({})
export class JudgeRunnerModule implements OnApplicationShutdown {
  constructor(@Inject(JUDGE_ENGINE) private readonly engine: SandboxEngine | OnDemandSandboxEngine) {}

  static forRoot(opts: JudgeRunnerOptions): DynamicModule {
    return {
      module: JudgeRunnerModule,
      imports: [JudgingModule],
      providers: [
        {
          provide: JUDGE_ENGINE,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => (opts.sandboxes === 'boot' ? new SandboxEngine(config.judge) : new OnDemandSandboxEngine(config.judge)),
        },
        {
          provide: SUBMISSION_PUBLISHER,
          inject: [REDIS, APP_CONFIG],
          useFactory: (redis: Redis, config: AppConfig) => new SubmissionPublisher(redis, config.redis.prefix),
        },
        JudgeSubmissionHandler,
      ],
      exports: [JUDGE_ENGINE, JudgeSubmissionHandler, JudgingModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}
