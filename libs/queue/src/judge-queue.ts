import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobName, JobPayloads, JUDGE_QUEUE, judgeJobOptions } from './jobs';

/** The enqueuer: the only way work reaches the judge queue. */
export class JudgeQueue {
  readonly queue: Queue<JobPayloads[JobName], unknown, JobName>;

  constructor(
    connection: Redis,
    readonly prefix: string,
    private readonly attempts: number,
  ) {
    this.queue = new Queue(JUDGE_QUEUE, { connection, prefix: `${prefix}:bull` });
    this.queue.on('error', () => undefined);
  }

  /**
   * Adds the job, or does nothing when a job with this id exists. Rejects within timeoutMs when
   * Redis is unreachable, so the caller can leave the submission for the sweeper.
   */
  async enqueue(submissionId: string, timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(JobName.JudgeSubmission, { submissionId }, judgeJobOptions(submissionId, this.attempts)),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not accept the job within ${timeoutMs} ms`)), timeoutMs))),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** True when the job exists in Redis in any state (used by the sweeper after a Redis restart). */
  async has(submissionId: string): Promise<boolean> {
    return (await this.queue.getJob(submissionId)) !== undefined;
  }

  /** The job's BullMQ state ('failed' once its retries are spent), or 'unknown' when Redis has no such job. */
  async state(submissionId: string): Promise<string> {
    return this.queue.getJobState(submissionId);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
