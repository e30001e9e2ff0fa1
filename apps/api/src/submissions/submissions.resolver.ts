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

/** How long a subscriber waits without an event before it re-reads the submission. */
const RECHECK_MS = 3000;

@Resolver(() => SubmissionModel)
export class SubmissionsResolver {
  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
   * before the current state is read, so no event can fall between the two; and while no
   * event arrives the state is re-read now and then, so a message lost to a Redis reconnect
   * cannot leave a subscriber waiting for ever.
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
            setTimeout(resolve, RECHECK_MS);
          });
          wake = undefined;
        }
        const e = queue.shift();
        if (e) {
          const m = applyEvent(current, e);
          if (changed(m)) yield m;
          if (e.state === SubmissionState.FINISHED) return;
        } else {
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
      this.pubsub.unsubscribe(subId);
    }
  }
}
