import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { interviewerTimelineView, managerTimelineView, RECORDING_NOTICE, timelineAudience, TimelineService } from '@app/assessments';
import { AuthUser } from '@app/auth';
import { AppError, CLOCK, Clock } from '@app/common';
import { InterviewEntity, Role, STAFF_ROLES } from '@app/domain';
import { HIRING_MANAGERS, JobsService } from '@app/hiring';
import type { GqlContext } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { jobLoader } from '../hiring/hiring.loaders';
import { AttemptModel } from '../assessments/dto/assessment.model';
import { InterviewModel } from '../rubrics/dto/interview.model';
import { RecordAttemptActivityInput } from './dto/timeline.input';
import { AttemptPlaybackModel, AttemptTimelineModel, InterviewerAttemptTimelineModel, RecordAttemptActivityResultModel } from './dto/timeline.model';

const ID_ARG = { type: () => ID };

/**
 * The attempt timeline and code playback. The candidate writes (their own open attempt only) and
 * never reads; recruiters and admins read everything; an interviewer reads the relative view of
 * the applications they interview, and only where the job allows it (Interview.attemptTimelines).
 */
@Resolver()
export class TimelineResolver {
  constructor(
    private readonly timeline: TimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles(Role.CANDIDATE)
  @Mutation(() => RecordAttemptActivityResultModel, {
    description: 'An ordered batch of timeline events and code snapshots from the attempt page; idempotent per batchId, rate limited, bounded per attempt (LIMIT_EXCEEDED)',
  })
  recordAttemptActivity(@Args('input') input: RecordAttemptActivityInput, @CurrentUser() user: AuthUser): Promise<RecordAttemptActivityResultModel> {
    return this.timeline.record(input.attemptId, user.id, { batchId: input.batchId, events: input.events, snapshots: input.snapshots });
  }

  @Roles(...HIRING_MANAGERS)
  @Query(() => AttemptTimelineModel, { description: 'What happened during the attempt, with summary counts: evidence for a person to review' })
  async attemptTimeline(@Args('attemptId', ID_ARG) attemptId: string): Promise<AttemptTimelineModel> {
    const attempt = await this.timeline.attempt(attemptId);
    if (!attempt) throw AppError.notFound('Attempt', attemptId);
    const view = managerTimelineView(attempt, await this.timeline.eventsOf(attemptId), this.clock.now());
    return { ...view, playback: await this.timeline.snapshotCounts(attemptId) };
  }

  @Roles(...HIRING_MANAGERS)
  @Query(() => AttemptPlaybackModel, { description: "A page of one problem's code playback, oldest first; the last frame of a submitted problem is the submitted code" })
  async attemptPlayback(
    @Args('attemptId', ID_ARG) attemptId: string,
    @Args('problemId', ID_ARG) problemId: string,
    @Args() page: PageArgs,
  ): Promise<AttemptPlaybackModel> {
    const attempt = await this.timeline.attempt(attemptId);
    if (!attempt) throw AppError.notFound('Attempt', attemptId);
    return this.timeline.playback(attempt, problemId, page.offset, page.limit);
  }
}

/** The timelines of an interview's application, as its interviewer may read them. */
@Resolver(() => InterviewModel)
export class InterviewTimelineFieldsResolver {
  constructor(
    private readonly timeline: TimelineService,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [InterviewerAttemptTimelineModel], {
    description:
      "The application's started attempts, relative times only. FORBIDDEN unless the job shares timelines with interviewers (Job.interviewersSeeTimeline); recruiters and admins read attemptTimeline instead",
  })
  async attemptTimelines(@Parent() i: InterviewEntity, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<InterviewerAttemptTimelineModel[]> {
    const job = await jobLoader(ctx, this.jobs).load(i.jobId);
    // The relative view for every audience here; recruiters and admins read the full one with attemptTimeline.
    if (!timelineAudience(user.role, !!job?.interviewersSeeTimeline)) throw AppError.forbidden('This job does not share attempt timelines with interviewers');
    const now = this.clock.now();
    const attempts = await this.timeline.attemptsOfApplication(i.applicationId);
    return Promise.all(attempts.map(async (a) => interviewerTimelineView(a, await this.timeline.eventsOf(a.id), now)));
  }
}

/** What the attempt page records, as the candidate reads it before starting. */
@Resolver(() => AttemptModel)
export class AttemptRecordingFieldsResolver {
  @Roles(Role.ADMIN, Role.RECRUITER, Role.CANDIDATE)
  @ResolveField(() => [String], { description: 'What the attempt page records for the timeline and code playback, shown before the candidate starts' })
  recordingNotice(): readonly string[] {
    return RECORDING_NOTICE;
  }
}
