import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobName, JobPayloads, JUDGE_QUEUE, judgeJobOptions } from './jobs';

/** The enqueuer: the only way work reaches the judge queue. */
export class JudgeQueue {
  readonly queue: Queue<JobPayloads[JobName], unknown, JobName>;

  constructor(
    private readonly connection: Redis,
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

  /**
   * What the sweeper needs to know of many jobs at once, in one round trip: 'missing' (Redis has
   * no such job: lost with its data, or never added), 'failed' (its retries are spent) or
   * 'present' (waiting, active, delayed or completed). Each is O(1) in Redis (an EXISTS of the
   * job's hash and a ZSCORE in the failed set); `state()` (BullMQ's getJobState) searches the
   * active and wait lists with LPOS, O(queue length) per job, which made a sweep over a backlog
   * quadratic (npm run chaos: the workers' share of the CPU grew with the queue). A job's hash
   * exists exactly while BullMQ keeps the job in one of its states.
   */
  async presence(submissionIds: readonly string[]): Promise<Map<string, 'missing' | 'failed' | 'present'>> {
    const found = new Map<string, 'missing' | 'failed' | 'present'>();
    if (!submissionIds.length) return found;
    const pipeline = this.connection.pipeline();
    const failedKey = this.queue.keys.failed;
    for (const id of submissionIds) pipeline.exists(this.queue.toKey(id)).zscore(failedKey, id);
    const replies = (await pipeline.exec()) ?? [];
    if (replies.length !== submissionIds.length * 2) throw new Error('Redis did not answer every presence check');
    submissionIds.forEach((id, i) => {
      const [[existsErr, exists], [failedErr, failedScore]] = [replies[2 * i], replies[2 * i + 1]];
      const err = existsErr ?? failedErr;
      if (err) throw err instanceof Error ? err : new Error(String(err));
      found.set(id, !exists ? 'missing' : failedScore !== null ? 'failed' : 'present');
    });
    return found;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
