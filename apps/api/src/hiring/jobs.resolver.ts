import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser } from '@app/auth';
import { JobEntity, ScreeningQuestion, STAFF_ROLES } from '@app/domain';
import { ApplicationsService, checkJobLanguage, countryName, HIRING_MANAGERS, JobsService, JobTemplatesService, LanguageCheck, promptFor, publishingWarnings } from '@app/hiring';
import type { GqlContext } from '../graphql/context';
import { CurrentUser, Public, Roles } from '../graphql/roles.decorator';
import { CreateJobInput } from './dto/create-job.input';
import { JobModel, JobPage } from './dto/job.model';
import { ScreeningQuestionModel, ScreeningRuleModel, WorkplaceModel } from './dto/job-content.model';
import { JobTemplateModel } from './dto/job-template.model';
import { LanguageCheckModel } from './dto/language-check.model';
import { JobsArgs } from './dto/jobs.args';
import { UpdateJobInput } from './dto/update-job.input';
import { applicationCountLoader } from './hiring.loaders';

const ID_ARG = { type: () => ID };

@Resolver(() => JobModel)
export class JobsResolver {
  constructor(
    private readonly jobsService: JobsService,
    private readonly templates: JobTemplatesService,
    private readonly applicationsService: ApplicationsService,
  ) {}

  @Roles(...STAFF_ROLES)
  @Query(() => [JobTemplateModel], { description: 'Staff only' })
  async jobTemplates(): Promise<JobTemplateModel[]> {
    return (await this.templates.list()).map((t) => ({ id: t.id, key: t.key, name: t.name, updatedAt: t.updatedAt, ...t.content }));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => JobModel, { description: 'A DRAFT job from a template, with any field changed' })
  createJob(@Args('input') input: CreateJobInput, @CurrentUser() user: AuthUser): Promise<JobEntity> {
    const { templateId, templateKey, anonymizedReview, autoReject, interviewersSeeTimeline, ...changes } = input;
    return this.jobsService.create({ templateId, templateKey, anonymizedReview, autoReject, interviewersSeeTimeline, changes }, user);
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => JobModel)
  updateJob(@Args('id', ID_ARG) id: string, @Args('input') input: UpdateJobInput, @CurrentUser() user: AuthUser): Promise<JobEntity> {
    const { anonymizedReview, autoReject, interviewersSeeTimeline, ...changes } = input;
    return this.jobsService.update(id, changes, user, { anonymizedReview, autoReject, interviewersSeeTimeline });
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => JobModel, { description: 'DRAFT or CLOSED to PUBLISHED' })
  publishJob(@Args('id', ID_ARG) id: string, @CurrentUser() user: AuthUser): Promise<JobEntity> {
    return this.jobsService.publish(id, user);
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => JobModel, { description: 'No more applications; existing ones carry on' })
  closeJob(@Args('id', ID_ARG) id: string, @CurrentUser() user: AuthUser): Promise<JobEntity> {
    return this.jobsService.close(id, user);
  }

  @Public()
  @Query(() => JobPage, { description: 'Newest first. Without a staff token: published jobs only.' })
  jobs(@Args() args: JobsArgs, @CurrentUser() user: AuthUser | undefined): Promise<JobPage> {
    return this.jobsService.list(args, user);
  }

  @Public()
  @Query(() => JobModel, { description: 'NOT_FOUND for a job that is not published, unless the caller is staff' })
  job(@Args('id', ID_ARG) id: string, @CurrentUser() user: AuthUser | undefined): Promise<JobEntity> {
    return this.jobsService.getVisible(id, user);
  }

  @Public()
  @ResolveField(() => [ScreeningQuestionModel], { description: 'What applicants answer; "the country of employment" in a prompt names the job\'s workplace; the rules are staff only' })
  screeningQuestions(@Parent() job: JobEntity): ScreeningQuestion[] {
    return job.screeningQuestions.map((q) => ({ ...q, prompt: promptFor(q.prompt, job.workplace) }));
  }

  @Public()
  @ResolveField(() => WorkplaceModel, { nullable: true })
  workplace(@Parent() job: JobEntity): WorkplaceModel | null {
    return job.workplace && { ...job.workplace, countryName: countryName(job.workplace.country) };
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => Float, { description: 'Staff only' })
  screeningThreshold(@Parent() job: JobEntity): number {
    return job.screeningThreshold;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => ID, { description: 'Staff only' })
  createdById(@Parent() job: JobEntity): string {
    return job.createdById;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => LanguageCheckModel, {
    description: 'Staff only. Gender-coded, age-coded, ableist, exclusionary and jargon wording in the posting, with alternatives; ask for it in the answer of createJob/updateJob',
  })
  languageCheck(@Parent() job: JobEntity): LanguageCheck {
    return checkJobLanguage(job);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [String], { description: 'Staff only. What to fix before publishing (publishing is not blocked), e.g. a missing pay range' })
  publishingWarnings(@Parent() job: JobEntity): string[] {
    return publishingWarnings(job);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => Int, { description: 'Staff only' })
  applicationCount(@Parent() job: JobEntity, @Context() ctx: GqlContext): Promise<number> {
    return applicationCountLoader(ctx, this.applicationsService).load(job.id);
  }
}

@Resolver(() => ScreeningQuestionModel)
export class ScreeningQuestionFieldsResolver {
  /** Accepted values and weights stay with staff: candidates answer the questions, not the rules. */
  @Roles(...STAFF_ROLES)
  @ResolveField(() => ScreeningRuleModel, { description: 'Staff only' })
  rule(@Parent() q: ScreeningQuestion): ScreeningRuleModel {
    return q.rule;
  }
}
