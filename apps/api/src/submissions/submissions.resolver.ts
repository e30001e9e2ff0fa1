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
    const base = await this.readable(id, user);
    // Subscribe before reading the current state, so no event falls between the two.
    const events = this.pubsub.asyncIterableIterator<SubmissionEvent>(submissionChannel(this.config.redis.prefix, id));
    const current = await this.submissions.findById(id);
    return stream(current ?? base, events);
  }
}

async function* stream(current: SubmissionEntity, events: AsyncIterableIterator<SubmissionEvent>): AsyncIterableIterator<SubmissionModel> {
  try {
    yield toSubmissionModel(current);
    if (current.state === SubmissionState.FINISHED) return;
    for await (const e of events) {
      yield applyEvent(current, e);
      if (e.state === SubmissionState.FINISHED) return;
    }
  } finally {
    await events.return?.();
  }
}
