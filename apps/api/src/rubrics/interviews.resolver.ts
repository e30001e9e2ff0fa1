import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AttemptsService, gradedAttemptViews } from '@app/assessments';
import { AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { InterviewEntity, STAFF_ROLES, UserEntity } from '@app/domain';
import { ApplicationsService, HIRING_MANAGERS, JobsService } from '@app/hiring';
import { candidateSummary, InterviewsService, RubricsService, ScorecardsService } from '@app/rubrics';
import type { GqlContext } from '../graphql/context';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { ApplicationModel } from '../hiring/dto/application.model';
import { applicationLoader, jobLoader, userLoader } from '../hiring/hiring.loaders';
import { UserModel } from '../users/user.model';
import { ScheduleInterviewInput } from './dto/interview.input';
import { InterviewAssessmentResultModel, InterviewCandidateModel, InterviewModel } from './dto/interview.model';
import { MyInterviewsArgs } from './dto/interviews.args';
import { RubricModel } from './dto/rubric.model';
import { ScorecardModel } from './dto/scorecard.model';
import {
  assessmentResultsLoader,
  readableInterviewsLoader,
  readableScorecardsLoader,
  rubricVersionLoader,
  versionKey,
} from './rubrics.loaders';
import { toCandidateModel, toRubricModel, toScorecardModel } from './rubrics.mapper';

const ID_ARG = { type: () => ID };

@Resolver(() => InterviewModel)
export class InterviewsResolver {
  constructor(
    private readonly interviewsService: InterviewsService,
    private readonly scorecardsService: ScorecardsService,
    private readonly rubrics: RubricsService,
    private readonly applications: ApplicationsService,
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    private readonly attempts: AttemptsService,
  ) {}

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => InterviewModel, {
    description: "Pins the rubric's current version; an application at SCREENED or ASSESSMENT moves to INTERVIEW",
  })
  scheduleInterview(@Args('input') input: ScheduleInterviewInput, @CurrentUser() user: AuthUser): Promise<InterviewEntity> {
    return this.interviewsService.schedule(input, user);
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => InterviewModel, { description: 'A SCHEDULED interview that will not happen' })
  cancelInterview(@Args('id', ID_ARG) id: string, @Args('reason') reason: string, @CurrentUser() user: AuthUser): Promise<InterviewEntity> {
    return this.interviewsService.cancel(id, reason, user);
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [InterviewModel], { description: "The caller's own interviews, soonest first" })
  myInterviews(@Args() args: MyInterviewsArgs, @CurrentUser() user: AuthUser): Promise<InterviewEntity[]> {
    return this.interviewsService.listMine(user.id, args);
  }

  @Roles(...STAFF_ROLES)
  @Query(() => InterviewModel, { description: "Recruiters and admins read any; an interviewer their own (another's is NOT_FOUND)" })
  interview(@Args('id', ID_ARG) id: string, @CurrentUser() user: AuthUser): Promise<InterviewEntity> {
    return this.interviewsService.getReadable(id, user);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => UserModel, { nullable: true })
  interviewer(@Parent() i: InterviewEntity, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return userLoader(ctx, this.users).load(i.interviewerId);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => RubricModel, { description: 'At the pinned version' })
  async rubric(@Parent() i: InterviewEntity, @Context() ctx: GqlContext): Promise<RubricModel> {
    const pinned = await rubricVersionLoader(ctx, this.rubrics).load(versionKey(i.rubricId, i.rubricVersion));
    if (!pinned) throw AppError.notFound('Rubric version', `${i.rubricId} v${i.rubricVersion}`);
    return toRubricModel(pinned.rubric, pinned.version);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => InterviewCandidateModel, {
    description: 'Never the accommodations; identity hidden from interviewers under anonymized review until shortlisted',
  })
  async candidate(
    @Parent() i: InterviewEntity,
    @CurrentUser() user: AuthUser,
    @Context() ctx: GqlContext,
  ): Promise<InterviewCandidateModel> {
    const application = await applicationLoader(ctx, this.applications).load(i.applicationId);
    const job = await jobLoader(ctx, this.jobs).load(i.jobId);
    if (!application || !job) throw AppError.notFound('Application', i.applicationId);
    return toCandidateModel(candidateSummary(application, job, user));
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [InterviewAssessmentResultModel], {
    description: "The application's finished assessment attempts, oldest first: results only, without times",
  })
  async assessmentResults(@Parent() i: InterviewEntity, @Context() ctx: GqlContext): Promise<InterviewAssessmentResultModel[]> {
    const { results, problemTitles } = await assessmentResultsLoader(ctx, this.interviewsService).load(i.applicationId);
    return gradedAttemptViews(results, (a) => this.attempts.effectiveStatus(a), problemTitles);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => ScorecardModel, {
    nullable: true,
    description: "This interview's scorecard, when there is one and the caller may read it (the blind rule)",
  })
  async scorecard(@Parent() i: InterviewEntity, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<ScorecardModel | null> {
    const readable = await readableScorecardsLoader(ctx, this.scorecardsService, user).load(i.applicationId);
    const own = readable.find((s) => s.interviewId === i.id);
    return own ? toScorecardModel(own) : null;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [ScorecardModel], {
    description: "Every scorecard of the interview's application the caller may read (the blind rule)",
  })
  async scorecards(@Parent() i: InterviewEntity, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<ScorecardModel[]> {
    return (await readableScorecardsLoader(ctx, this.scorecardsService, user).load(i.applicationId)).map(toScorecardModel);
  }
}

/** Interviews and scorecards as fields of an application, under the same rules as the root fields. */
@Resolver(() => ApplicationModel)
export class ApplicationInterviewFieldsResolver {
  constructor(
    private readonly interviewsService: InterviewsService,
    private readonly scorecardsService: ScorecardsService,
  ) {}

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [InterviewModel], {
    description: 'Staff only: every interview for recruiters and admins, their own for an interviewer',
  })
  interviews(@Parent() a: ApplicationModel, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<InterviewEntity[]> {
    return readableInterviewsLoader(ctx, this.interviewsService, user).load(a.id);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [ScorecardModel], { description: 'Staff only, under the blind rule (see Scorecard)' })
  async scorecards(@Parent() a: ApplicationModel, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<ScorecardModel[]> {
    return (await readableScorecardsLoader(ctx, this.scorecardsService, user).load(a.id)).map(toScorecardModel);
  }
}
