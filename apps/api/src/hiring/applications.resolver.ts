import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { ApplicationEntity, JobEntity, Role, STAFF_ROLES, UserEntity } from '@app/domain';
import { ApplicationEventView, ApplicationsService, ApplicationViews, HIRING_MANAGERS, JobsService } from '@app/hiring';
import { ApplicationAccessService } from '@app/rubrics';
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
import { ConfirmRejectionsInput, OverrideScreeningInput } from './dto/override-screening.input';
import { toApplicationModel } from './hiring.mapper';
import { jobLoader, userLoader } from './hiring.loaders';

@Resolver(() => ApplicationModel)
export class ApplicationsResolver {
  constructor(
    private readonly applicationsService: ApplicationsService,
    private readonly access: ApplicationAccessService,
    private readonly views: ApplicationViews,
    private readonly jobsService: JobsService,
    private readonly users: UsersService,
  ) {}

  private async model(a: ApplicationEntity, user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.views.view(a, user));
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => ApplicationModel, { description: 'Once per job; screened at once (REJECTED by a failed knock-out, with the reason)' })
  async applyToJob(@Args('input') input: ApplyToJobInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return this.model(await this.applicationsService.apply(input, user), user);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => ApplicationPage, { description: "The caller's own applications, newest first" })
  async myApplications(@Args() page: PageArgs, @CurrentUser() user: AuthUser): Promise<ApplicationPage> {
    const { items, total } = await this.applicationsService.listMine(user.id, page);
    return { items: (await this.views.views(items, user)).map(toApplicationModel), total };
  }

  @Roles(...STAFF_ROLES)
  @Query(() => ApplicationPage, { description: 'Staff only: recruiters and admins all, an interviewer those they interview. Oldest first.' })
  async applications(@Args() args: ApplicationsArgs, @CurrentUser() user: AuthUser): Promise<ApplicationPage> {
    const { items, total } = await this.access.list(args, user);
    return { items: items.map(toApplicationModel), total };
  }

  @AnyRole()
  @Query(() => ApplicationModel, {
    description: 'Recruiters and admins read any; an interviewer those they interview; a candidate their own (anything else is NOT_FOUND)',
  })
  async application(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return toApplicationModel(await this.access.get(id, user));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => [ApplicationModel], {
    description: 'Rejects failed knock-outs waiting in the review queue (applications(awaitingRejection: true)); every id must be waiting, or nothing changes',
  })
  async confirmRejections(@Args('input') input: ConfirmRejectionsInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel[]> {
    const done = await this.applicationsService.confirmRejections(input.applicationIds, input.reason, user);
    return Promise.all(done.map((a) => this.model(a, user)));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => ApplicationModel, { description: 'Replaces the outcome in force (the automatic one is kept); a screening rejection overridden to PASSED or REVIEW reopens at SCREENED' })
  async overrideScreening(@Args('input') input: OverrideScreeningInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return this.model(await this.applicationsService.overrideScreening(input.applicationId, input.outcome, input.reason, user), user);
  }

  @Roles(...HIRING_MANAGERS, Role.CANDIDATE)
  @Mutation(() => ApplicationModel, { description: 'Staff move along the transition table with a reason; a candidate can only withdraw their own application' })
  async moveApplicationStage(@Args('input') input: MoveApplicationStageInput, @CurrentUser() user: AuthUser): Promise<ApplicationModel> {
    return this.model(await this.applicationsService.moveStage(input.applicationId, input.to, user, input.reason), user);
  }

  @AnyRole()
  @Query(() => [ApplicationEventModel], { description: 'Oldest first. Same access as application.' })
  applicationHistory(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: AuthUser): Promise<ApplicationEventView[]> {
    return this.access.history(applicationId, user);
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
  async candidate(@Parent() a: ApplicationModel, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    // Anonymized: candidateId is an alias, and the account would name the person.
    if (a.anonymized) return null;
    return userLoader(ctx, this.users).load(a.candidateId);
  }

  @AnyRole()
  @ResolveField(() => ApplicantProfileModel, { description: 'No name, email, links or institution for interviewers under anonymized review' })
  profile(@Parent() a: ApplicationModel): ApplicantProfileModel {
    return a.profile;
  }

  @AnyRole()
  @ResolveField(() => String, { nullable: true, description: 'Plain text. Null for interviewers under anonymized review (a résumé names its author).' })
  resume(@Parent() a: ApplicationModel): string | null {
    return a.resume;
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
  constructor(private readonly users: UsersService) {}

  @Roles(...STAFF_ROLES)
  @ResolveField(() => UserModel, { nullable: true, description: 'Staff only: who acted (null for SYSTEM, and for the candidate under anonymized review)' })
  async actor(@Parent() e: ApplicationEventView, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    if (!e.actorId) return null;
    // Under anonymized review the candidate's actorId is their alias (see ApplicationViews.history), which no account has.
    return userLoader(ctx, this.users).load(e.actorId);
  }
}
