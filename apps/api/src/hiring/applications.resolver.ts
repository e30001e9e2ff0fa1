import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { ActorRole, JobEntity, Role, STAFF_ROLES, UserEntity } from '@app/domain';
import { anonymizedProfile, ApplicationEventView, ApplicationsService, HIRING_MANAGERS, identityHidden, JobsService } from '@app/hiring';
import type { GqlContext } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { AnyRole, CurrentUser, Roles } from '../graphql/roles.decorator';
import { UserModel } from '../users/user.model';
import { ApplicationEventModel } from './dto/application-event.model';
import { ApplicantProfileModel, ApplicationModel, ApplicationPage, ScreeningModel, SkillsMatchModel } from './dto/application.model';
import { ApplicationsArgs } from './dto/applications.args';
import { ApplyToJobInput } from './dto/apply-to-job.input';
import { JobModel } from './dto/job.model';
import { MoveApplicationStageInput } from './dto/move-application-stage.input';
import { OverrideScreeningInput } from './dto/override-screening.input';
import { toApplicationModel } from './hiring.mapper';
import { applicationLoader, jobLoader, userLoader } from './hiring.loaders';

/** Under anonymized review, an interviewer reads neither who the candidate is nor anything that names them. */
async function hiddenFrom(user: AuthUser | undefined, a: Pick<ApplicationModel, 'jobId' | 'stage'>, ctx: GqlContext, jobs: JobsService): Promise<boolean> {
  if (user?.role !== Role.INTERVIEWER) return false;
  const job = await jobLoader(ctx, jobs).load(a.jobId);
  return !job || identityHidden(job, a, user);
}

@Resolver(() => ApplicationModel)
export class ApplicationsResolver {
  constructor(
    private readonly applicationsService: ApplicationsService,
    private readonly jobsService: JobsService,
    private readonly users: UsersService,
  ) {}

  @Roles(Role.CANDIDATE)
  @Mutation(() => ApplicationModel, { description: 'Once per job; screened at once (REJECTED by a failed knock-out, with the reason)' })
  async applyToJob(@Args('input') input: ApplyToJobInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.applicationsService.apply(input, user));
  }

  @Roles(Role.CANDIDATE)
  @Query(() => ApplicationPage, { description: "The caller's own applications, newest first" })
  async myApplications(@Args() page: PageArgs, @CurrentUser() user: AuthUser): Promise<ApplicationPage> {
    const { items, total } = await this.applicationsService.listMine(user.id, page);
    return { items: items.map(toApplicationModel), total };
  }

  @Roles(...STAFF_ROLES)
  @Query(() => ApplicationPage, { description: 'Staff only. Oldest first.' })
  async applications(@Args() args: ApplicationsArgs): Promise<ApplicationPage> {
    const { items, total } = await this.applicationsService.list(args);
    return { items: items.map(toApplicationModel), total };
  }

  @AnyRole()
  @Query(() => ApplicationModel, { description: "Staff read any; a candidate only their own (another's is NOT_FOUND)" })
  async application(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.applicationsService.getReadable(id, user));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => ApplicationModel, { description: 'Replaces the outcome in force (the automatic one is kept); a screening rejection overridden to PASSED or REVIEW reopens at SCREENED' })
  async overrideScreening(@Args('input') input: OverrideScreeningInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.applicationsService.overrideScreening(input.applicationId, input.outcome, input.reason, user));
  }

  @Roles(...HIRING_MANAGERS, Role.CANDIDATE)
  @Mutation(() => ApplicationModel, { description: 'Staff move along the transition table with a reason; a candidate can only withdraw their own application' })
  async moveApplicationStage(@Args('input') input: MoveApplicationStageInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.applicationsService.moveStage(input.applicationId, input.to, user, input.reason));
  }

  @AnyRole()
  @Query(() => [ApplicationEventModel], { description: 'Oldest first. Same access as application.' })
  applicationHistory(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: AuthUser): Promise<ApplicationEventView[]> {
    return this.applicationsService.history(applicationId, user);
  }

  @AnyRole()
  @ResolveField(() => JobModel, { description: 'The job applied to, whatever its status now' })
  async job(@Parent() a: ApplicationModel, @Context() ctx: GqlContext): Promise<JobEntity> {
    const job = await jobLoader(ctx, this.jobsService).load(a.jobId);
    if (!job) throw AppError.notFound('Job', a.jobId);
    return job;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => UserModel, { nullable: true, description: "Staff only: the candidate's account (null for interviewers under anonymized review)" })
  async candidate(@Parent() a: ApplicationModel, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    if (await hiddenFrom(user, a, ctx, this.jobsService)) return null;
    return userLoader(ctx, this.users).load(a.candidateId);
  }

  @AnyRole()
  @ResolveField(() => ApplicantProfileModel)
  async profile(@Parent() a: ApplicationModel, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<ApplicantProfileModel> {
    return (await hiddenFrom(user, a, ctx, this.jobsService)) ? anonymizedProfile(a.profile) : a.profile;
  }

  @AnyRole()
  @ResolveField(() => String, { nullable: true, description: 'Plain text. Null for interviewers under anonymized review (a résumé names its author).' })
  async resume(@Parent() a: ApplicationModel, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<string | null> {
    return (await hiddenFrom(user, a, ctx, this.jobsService)) ? null : a.resume;
  }

  @AnyRole()
  @ResolveField(() => [String], { description: 'While an automatic knock-out rejection stands: its reasons. Empty otherwise.' })
  rejectionReasons(@Parent() a: ApplicationModel): string[] {
    return a.rejectionReasons;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => ScreeningModel, { description: 'Staff only' })
  screening(@Parent() a: ApplicationModel): ScreeningModel {
    return a.screening;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => SkillsMatchModel, { description: 'Staff only' })
  skillsMatch(@Parent() a: ApplicationModel): SkillsMatchModel {
    return a.skillsMatch;
  }
}

@Resolver(() => ApplicationEventModel)
export class ApplicationEventFieldsResolver {
  constructor(
    private readonly users: UsersService,
    private readonly applications: ApplicationsService,
    private readonly jobs: JobsService,
  ) {}

  @Roles(...STAFF_ROLES)
  @ResolveField(() => UserModel, { nullable: true, description: 'Staff only: who acted (null for SYSTEM, and for the candidate under anonymized review)' })
  async actor(@Parent() e: ApplicationEventView, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    if (!e.actorId) return null;
    if (e.actorRole === ActorRole.CANDIDATE) {
      const a = await applicationLoader(ctx, this.applications).load(e.applicationId);
      if (!a || (await hiddenFrom(user, a, ctx, this.jobs))) return null;
    }
    return userLoader(ctx, this.users).load(e.actorId);
  }
}
