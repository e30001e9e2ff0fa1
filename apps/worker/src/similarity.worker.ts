import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { LOGGER, REDIS } from '@app/core';
import { SimilarityService } from '@app/integrity';
import { SIMILARITY_QUEUE, SimilarityJobData, SimilarityJobName } from '@app/queue';

type SimilarityHandler = (data: SimilarityJobData) => Promise<unknown>;

/** Every similarity job name has exactly one handler, or the worker refuses to boot. */
export function buildSimilarityRegistry(entries: { name: SimilarityJobName; handle: SimilarityHandler }[]): Map<SimilarityJobName, SimilarityHandler> {
  const registry = new Map<SimilarityJobName, SimilarityHandler>();
  const problems: string[] = [];
  for (const e of entries) {
    if (registry.has(e.name)) problems.push(`job "${e.name}" has two handlers`);
    registry.set(e.name, e.handle);
  }
  for (const name of Object.values(SimilarityJobName)) if (!registry.has(name)) problems.push(`job "${name}" has no handler`);
  if (problems.length) throw new Error(`Similarity job registry is inconsistent: ${problems.join('; ')}`);
  return registry;
}

/**
 * Consumes the similarity queue, one analysis at a time: each runs in a child process of its own
 * (memory bounded by SIMILARITY_MAX_HEAP_MB, time by SIMILARITY_TIMEOUT_MS), so this event loop
 * stays free and the judge worker beside it keeps its pace.
 */
@Injectable()
export class SimilarityWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker<SimilarityJobData, unknown, SimilarityJobName>;
  private readonly registry: Map<SimilarityJobName, SimilarityHandler>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    similarity: SimilarityService,
  ) {
    this.registry = buildSimilarityRegistry([{ name: SimilarityJobName.Analyze, handle: (data) => similarity.analyze(data) }]);
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<SimilarityJobData, unknown, SimilarityJobName>(SIMILARITY_QUEUE, (job) => this.process(job), {
      connection: this.redis,
      prefix: `${this.config.redis.prefix}:bull`,
      concurrency: 1,
      // The analysis runs in a child; the lock only has to outlive a stalled worker's restart.
      lockDuration: 60_000,
    });
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, err: err.message }, 'similarity analysis failed'));
    this.worker.on('error', (err) => this.logger.debug({ err: err.message }, 'similarity worker connection error'));
    this.logger.info({ queue: SIMILARITY_QUEUE }, 'similarity worker consuming');
  }

  private async process(job: Job<SimilarityJobData, unknown, SimilarityJobName>): Promise<unknown> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job.data);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
