import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { maySeeSubmission, progressResults, SUBMISSION_READER_ROLES } from '@app/assessments';
import { AuthUser } from '@app/auth';
import { AppError } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { SubmissionEntity, SubmissionState } from '@app/domain';
import { SubmissionEvent, SubmissionsService } from '@app/judging';
import { submissionChannel } from '@app/queue';
import { PUB_SUB } from '../graphql/pubsub';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { applyEvent, toSubmissionModel } from './submission.mapper';
import { SubmissionModel } from './submission.model';

/**
 * How long a subscriber waits without an event before it re-reads the submission's state (a
 * safety net: events lost to a Redis reconnect are caught at the reconnect itself, see
 * `recheckAll`), randomised up to twice that so thousands of open subscriptions do not read
 * together. It was 3 s with the whole row read each time: with 1,000 submissions waiting in
 * `npm run chaos` (~330 rows/s), the two API processes used ~17% and ~9% of a core; with this,
 * 7% and 5%.
 */
const RECHECK_MS = 15_000;
/** After the subscriber's Redis connection comes back, each open subscription re-reads within this. */
const RECONNECT_SPREAD_MS = 2000;

@Resolver(() => SubmissionModel)
export class SubmissionsResolver {
  /** Wakes of the open subscriptions, for `recheckAll`. */
  private readonly followers = new Set<() => void>();

  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    pubsub.getSubscriber().on('ready', () => this.recheckAll());
  }

  /**
   * The subscriber's connection to Redis is (back) up: whatever was published while it was down
   * is lost, so every open subscription re-reads its submission now (spread over a moment).
   */
  private recheckAll(): void {
    for (const wake of this.followers) setTimeout(wake, Math.random() * RECONNECT_SPREAD_MS).unref();
  }

  /** Recruiters and admins read any submission; a candidate only their own. Others get NOT_FOUND, not FORBIDDEN. */
  private async readable(id: string, user: AuthUser): Promise<SubmissionEntity> {
    const s = await this.submissions.findById(id);
    if (!s || !maySeeSubmission(user, s)) throw AppError.notFound('Submission', id);
    return s;
  }

  @Roles(...SUBMISSION_READER_ROLES)
  @Query(() => SubmissionModel, { description: 'Recruiters and admins read any submission, a candidate their own' })
  async submission(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<SubmissionModel> {
    return toSubmissionModel(await this.readable(id, user));
  }

  @Roles(...SUBMISSION_READER_ROLES)
  @Subscription(() => SubmissionModel, {
    description:
      'The submission now, then after each step (RUNNING, each visible test before the first hidden one, the final verdict with every result); completes when FINISHED.',
    resolve: (payload: SubmissionModel) => payload,
  })
  async submissionUpdated(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<AsyncIterableIterator<SubmissionModel>> {
    await this.readable(id, user);
    return this.follow(id);
  }

  /**
   * The submission now, then each event until FINISHED. The Redis subscription is confirmed
   * before the current state is read, so no event can fall between the two; a message lost to a
   * Redis reconnect is caught by re-reading the state when the connection comes back, and while
   * no event arrives the state is re-read now and then (one column; the row only when it changed),
   * so nothing can leave a subscriber waiting for ever.
   */
  private async *follow(id: string): AsyncIterableIterator<SubmissionModel> {
    const queue: SubmissionEvent[] = [];
    let wake: (() => void) | undefined;
    const subId = await this.pubsub.subscribe(submissionChannel(this.config.redis.prefix, id), (e: SubmissionEvent) => {
      queue.push(e);
      wake?.();
    });
    // An event that shows nothing new is not sent: its arrival alone would time a hidden test.
    let last = '';
    const changed = (m: SubmissionModel): boolean => {
      const key = `${m.state}/${m.results.length}`;
      if (key === last) return false;
      last = key;
      return true;
    };
    const recheck = () => wake?.();
    this.followers.add(recheck);
    try {
      let current = await this.submissions.findById(id);
      if (!current) return;
      const first = toSubmissionModel(current);
      if (current.state !== SubmissionState.FINISHED) first.results = progressResults(first.results);
      changed(first);
      yield first;
      while (current.state !== SubmissionState.FINISHED) {
        if (!queue.length) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, RECHECK_MS * (1 + Math.random()));
          });
          wake = undefined;
        }
        const e = queue.shift();
        if (e) {
          const m = applyEvent(current, e);
          if (changed(m)) yield m;
          if (e.state === SubmissionState.FINISHED) return;
        } else if ((await this.submissions.stateOf(id)) !== current.state) {
          const fresh = await this.submissions.findById(id);
          if (fresh && fresh.state !== current.state) {
            const m = toSubmissionModel(fresh);
            if (fresh.state !== SubmissionState.FINISHED) m.results = progressResults(m.results);
            if (changed(m)) yield m;
          }
          if (fresh) current = fresh;
        }
      }
    } finally {
      this.followers.delete(recheck);
      this.pubsub.unsubscribe(subId);
    }
  }
}
