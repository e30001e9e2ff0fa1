import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { AuthUser } from '@app/auth';
import { AppError } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { Role, SubmissionEntity, SubmissionState } from '@app/domain';
import { SubmissionEvent, SubmissionsService } from '@app/judging';
import { submissionChannel } from '@app/queue';
import { PUB_SUB } from '../graphql/pubsub';
import { AnyRole, CurrentUser } from '../graphql/roles.decorator';
import { applyEvent, toSubmissionModel } from './submission.mapper';
import { SubmissionModel } from './submission.model';

const STAFF = new Set<Role>([Role.ADMIN, Role.RECRUITER, Role.INTERVIEWER]);

/** How long a subscriber waits without an event before it re-reads the submission. */
const RECHECK_MS = 3000;

@Resolver(() => SubmissionModel)
export class SubmissionsResolver {
  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Staff read any submission; a candidate only their own. Others get NOT_FOUND, not FORBIDDEN. */
  private async readable(id: string, user: AuthUser): Promise<SubmissionEntity> {
    const s = await this.submissions.findById(id);
    if (!s || (!STAFF.has(user.role) && s.userId !== user.id)) throw AppError.notFound('Submission', id);
    return s;
  }

  @AnyRole()
  @Query(() => SubmissionModel)
  async submission(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<SubmissionModel> {
    return toSubmissionModel(await this.readable(id, user));
  }

  @AnyRole()
  @Subscription(() => SubmissionModel, {
    description: 'The submission now, then after each step (RUNNING, each test, the final verdict); completes when FINISHED.',
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
    try {
      let current = await this.submissions.findById(id);
      if (!current) return;
      yield toSubmissionModel(current);
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
          yield applyEvent(current, e);
          if (e.state === SubmissionState.FINISHED) return;
        } else {
          const fresh = await this.submissions.findById(id);
          if (fresh && fresh.state !== current.state) yield toSubmissionModel(fresh);
          if (fresh) current = fresh;
        }
      }
    } finally {
      this.pubsub.unsubscribe(subId);
    }
  }
}
