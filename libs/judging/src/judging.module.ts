import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '@app/config';
import { REDIS } from '@app/core';
import { ProblemEntity, SubmissionEntity } from '@app/domain';
import { JudgeQueue } from '@app/queue';
import { ProblemValidationRecorder } from './problem-validation.recorder';
import { SubmissionReads } from './submission-reads.service';
import { SubmissionsService } from './submissions.service';

/**
 * Submissions and their queue, for the API (create, read), the worker (sweep) and the seed step.
 * The BullMQ queue is a provider of its own (one per process, closed here at shutdown), so
 * tests can hand SubmissionsService another.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SubmissionEntity, ProblemEntity])],
  providers: [
    {
      provide: JudgeQueue,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts),
    },
    SubmissionsService,
    ProblemValidationRecorder,
    SubmissionReads,
  ],
  exports: [SubmissionsService, ProblemValidationRecorder, SubmissionReads, TypeOrmModule],
})
export class JudgingModule implements OnApplicationShutdown {
  constructor(@Inject(JudgeQueue) private readonly queue: JudgeQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
