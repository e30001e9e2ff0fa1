import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CLOCK, Clock, Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { LOGGER, REDIS } from '@app/core';
import { JudgeSubmissionHandler, LOST_AFTER_MS, SubmissionsService } from '@app/judging';
import { JobName, JobPayloads, JUDGE_QUEUE } from '@app/queue';
import { buildRegistry, JobHandler } from './job-registry';
import { judgeDuration, jobsTotal } from './metrics';

/**
 * Consumes the judge queue. The sandbox runs in child processes, so this event loop stays
 * free while tests run and BullMQ keeps renewing job locks. A worker killed mid-job leaves
 * its job stalled; BullMQ hands it to another worker after the lock expires.
 */
@Injectable()
export class JudgeWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker<JobPayloads[JobName], unknown, JobName>;
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;
  private readonly registry: Map<JobName, JobHandler<JobName>>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly judgeHandler: JudgeSubmissionHandler,
    private readonly submissions: SubmissionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.registry = buildRegistry([{ name: JobName.JudgeSubmission, handle: (data) => this.judgeHandler.handle(data) }]);
  }

  onApplicationBootstrap(): void {
    const { judge, redis } = this.config;
    this.worker = new Worker<JobPayloads[JobName], unknown, JobName>(JUDGE_QUEUE, (job) => this.process(job), {
      connection: this.redis,
      prefix: `${redis.prefix}:bull`,
      concurrency: judge.concurrency,
      lockDuration: judge.lockMs,
      // A killed worker's job is taken over once its lock expires and a check sees it: checking
      // every quarter of the lock (a cheap script) takes it over within 1.25 locks, not 1.5.
      stalledInterval: Math.max(1000, Math.floor(judge.lockMs / 4)),
      // A job stalls when its worker dies or stops, never because of the submission (hostile code
      // runs in sandbox children, whose deaths are verdicts): 10 takeovers before giving up. At 3, a
      // 10,000-submission chaos run (a worker SIGKILLed every 15 s) gave one accepted solution
      // INTERNAL_ERROR after it was on the killed worker 4 times in 2 minutes.
      maxStalledCount: 10,
    });
    this.worker.on('failed', (job, err) => {
      if (!job) return;
      const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
      this.logger.warn({ jobId: job.id, attemptsMade: job.attemptsMade, exhausted, err: err.message }, 'judge job failed');
      if (exhausted && job.name === JobName.JudgeSubmission) {
        void this.judgeHandler.giveUp(job.data.submissionId, `judging failed after ${job.attemptsMade} attempt(s): ${err.message}`);
      }
    });
    this.worker.on('error', (err) => this.logger.debug({ err: err.message }, 'judge worker connection error'));
    this.sweeper = setInterval(() => void this.sweep(), judge.sweeperIntervalMs);
    this.sweeper.unref();
    this.logger.info({ concurrency: judge.concurrency, queue: JUDGE_QUEUE }, 'judge worker consuming');
  }

  private async process(job: Job<JobPayloads[JobName], unknown, JobName>): Promise<unknown> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const end = judgeDuration.startTimer();
    try {
      const outcome = await handler(job.data, { attemptsMade: job.attemptsMade, jobId: job.id });
      jobsTotal.inc({ name: job.name, outcome: String(outcome) });
      return outcome;
    } catch (e) {
      jobsTotal.inc({ name: job.name, outcome: 'error' });
      throw e;
    } finally {
      end();
    }
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return; // a sweep after a Redis data loss may outlast the interval
    this.sweeping = true;
    try {
      // One worker sweeps per interval, whichever asks first (a Redis key): the sweep's answer is
      // the same for all of them. After a Redis data loss the key is gone too, so someone sweeps at once.
      if (!(await this.submissions.claimSweep(this.config.judge.sweeperIntervalMs))) return;
      // After Redis lost its data, every unfinished submission at once, not only those older than LOST_AFTER_MS.
      const lost = await this.submissions.redisLostData();
      const sent = await this.submissions.sweep(this.clock.now(), lost ? 0 : LOST_AFTER_MS, (id) =>
        this.judgeHandler.giveUp(id, 'judging failed and the worker stopped before recording it'),
      );
      if (sent || lost) this.logger.info({ sent, redisLostData: lost }, 'sweeper enqueued submissions');
    } catch (e) {
      this.logger.debug({ err: (e as Error).message }, 'sweep failed; will retry');
    } finally {
      this.sweeping = false;
    }
  }

  /** Before anything else closes: stop taking jobs and finish the ones in hand (graceful SIGTERM). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.worker?.close();
  }
}
