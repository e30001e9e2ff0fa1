import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * The similarity queue: analyses of code similarity, consumed by the worker beside the judge queue
 * but on a queue of their own, so a long analysis never delays a verdict.
 */
export const SIMILARITY_QUEUE = 'similarity';

export enum SimilarityJobName {
  Analyze = 'analyze-similarity',
}

/** One analysis: a problem in one language, across an assessment's or a job's finished attempts. */
export interface SimilarityJobData {
  scope: 'ASSESSMENT' | 'JOB';
  /** The assessment id or the job id. */
  scopeId: string;
  problemId: string;
  language: string;
}

/**
 * The job id of an analysis requested at `nowMs`: one per group and debounce window, so requests in
 * the same window collapse into one job that runs at the window's end, and a request that comes
 * while that job runs lands in the next window (its own job): nothing finished is left out, and a
 * group is analysed at most once per window. BullMQ ids may not contain ':'.
 */
export function similarityJobId(data: SimilarityJobData, nowMs: number, debounceMs: number, notBeforeMs = nowMs): { jobId: string; delay: number } {
  const at = Math.max(nowMs, notBeforeMs);
  const window = debounceMs > 0 ? Math.floor(at / debounceMs) : at;
  const delay = debounceMs > 0 ? (window + 1) * debounceMs - nowMs : at - nowMs;
  return { jobId: ['sim', data.scope, data.scopeId, data.problemId, data.language, window].join('_'), delay };
}

/** The enqueuer of similarity analyses. */
export class SimilarityQueue {
  readonly queue: Queue<SimilarityJobData, unknown, SimilarityJobName>;

  constructor(
    connection: Redis,
    readonly prefix: string,
    private readonly debounceMs: number,
  ) {
    this.queue = new Queue(SIMILARITY_QUEUE, { connection, prefix: `${prefix}:bull` });
    this.queue.on('error', () => undefined);
  }

  /**
   * Adds the analysis for the current window (or the window of `notBeforeMs`, e.g. an attempt's
   * deadline), or does nothing when that window already has it.
   */
  async schedule(data: SimilarityJobData, nowMs: number, notBeforeMs?: number): Promise<string> {
    const { jobId, delay } = similarityJobId(data, nowMs, this.debounceMs, notBeforeMs);
    await this.queue.add(SimilarityJobName.Analyze, data, {
      jobId,
      delay,
      attempts: 2,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return jobId;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
