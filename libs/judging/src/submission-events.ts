import type { Redis } from 'ioredis';
import { SubmissionEntity, SubmissionState, StoredTestResult, Verdict } from '@app/domain';
import { submissionChannel } from '@app/queue';

/** What subscribers of a submission receive: its state after each step. */
export interface SubmissionEvent {
  submissionId: string;
  state: SubmissionState;
  verdict: Verdict | null;
  score: number | null;
  passed: number;
  total: number;
  /** Results known so far (all of them once FINISHED). Hidden tests are already redacted. */
  results: StoredTestResult[];
  compileError: SubmissionEntity['compileError'];
  at: string;
}

/** The event for a submission's state at `at` (the handler's clock). */
export function eventOf(s: SubmissionEntity, at: Date, results: StoredTestResult[] = s.results ?? []): SubmissionEvent {
  return {
    submissionId: s.id,
    state: s.state,
    verdict: s.verdict,
    score: s.score,
    passed: s.passed,
    total: s.total,
    results,
    compileError: s.compileError,
    at: at.toISOString(),
  };
}

/**
 * Publishes progress on Redis pub/sub; the API's graphql-redis-subscriptions PubSub reads the
 * same channel, so events reach subscribers on any API instance. Best effort: a lost event
 * is recovered by the final state in the database, which the subscription also reads.
 */
export class SubmissionPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async publish(event: SubmissionEvent): Promise<void> {
    await this.redis.publish(submissionChannel(this.prefix, event.submissionId), JSON.stringify(event)).catch(() => undefined);
  }
}
