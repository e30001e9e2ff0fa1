import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AssessmentsService, AttemptsService, managedProblemViews, ProblemsService } from '@app/assessments';
import { AuthUser } from '@app/auth';
import { AppError } from '@app/common';
import { HIRING_MANAGERS, STAFF_ROLES } from '@app/domain';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { toAssessmentModel, toAttemptModel } from './assessment.mapper';
import { CreateAssessmentInput, InviteInput } from './dto/assessment.input';
import { AssessmentModel, AssessmentProblemModel, AttemptModel, AttemptResultsModel, InvitationModel } from './dto/assessment.model';
import { ProblemModel } from './dto/problem.model';
import { toProblemModel } from './problems.resolver';

@Resolver(() => AssessmentModel)
@Roles(...HIRING_MANAGERS)
export class AssessmentsResolver {
  constructor(
    private readonly assessmentsService: AssessmentsService,
    private readonly attempts: AttemptsService,
    private readonly problems: ProblemsService,
  ) {}

  @Mutation(() => AssessmentModel)
  async createAssessment(@Args('input') input: CreateAssessmentInput, @CurrentUser() user: AuthUser): Promise<AssessmentModel> {
    return toAssessmentModel(await this.assessmentsService.create(input, user.id));
  }

  @Query(() => [AssessmentModel])
  async assessments(@Args('jobId', { type: () => ID, nullable: true }) jobId?: string): Promise<AssessmentModel[]> {
    return (await this.assessmentsService.list(jobId)).map(toAssessmentModel);
  }

  @Mutation(() => InvitationModel, { description: 'Invites the candidate of an application; the token is shown once' })
  async inviteToAssessment(@Args('input') input: InviteInput, @CurrentUser() user: AuthUser): Promise<InvitationModel> {
    const { attempt, token } = await this.assessmentsService.invite(input.assessmentId, input.applicationId, input.extraTimePercent, user, undefined, input.expiresInDays);
    const assessment = await this.assessmentsService.get(attempt.assessmentId);
    return { attempt: toAttemptModel(attempt, assessment, attempt.status, this.assessmentsService.now()), token, link: `/invite/${token}` };
  }

  @Mutation(() => AttemptModel, { description: 'Grants or changes the private extra-time accommodation of an attempt' })
  async setAccommodation(
    @Args('attemptId', { type: () => ID }) attemptId: string,
    @Args('extraTimePercent', { type: () => Int }) extraTimePercent: number,
  ): Promise<AttemptModel> {
    if (!Number.isInteger(extraTimePercent) || extraTimePercent < 0 || extraTimePercent > 200) {
      throw AppError.badInput([{ field: 'extraTimePercent', message: 'must be an integer from 0 to 200' }]);
    }
    const attempt = await this.assessmentsService.setAccommodation(attemptId, extraTimePercent);
    const assessment = await this.assessmentsService.get(attempt.assessmentId);
    return toAttemptModel(attempt, assessment, this.attempts.effectiveStatus(attempt), this.assessmentsService.now());
  }

  // Attempts carry their times (and so the accommodation): recruiters and admins only, like the
  // whole resolver. Interviewers read results through Interview.assessmentResults, without times.
  @Query(() => [AttemptModel], { description: 'Recruiters and admins: the invitations and attempts of an assessment' })
  async assessmentAttempts(@Args('assessmentId', { type: () => ID }) assessmentId: string): Promise<AttemptModel[]> {
    const assessment = await this.assessmentsService.get(assessmentId);
    const now = this.assessmentsService.now();
    return (await this.assessmentsService.attemptsOf(assessmentId)).map((a) => toAttemptModel(a, assessment, this.attempts.effectiveStatus(a, now), now));
  }

  @Query(() => AttemptResultsModel, {
    description: 'Recruiters and admins: per problem, best score, verdicts, time taken, submissions and their code (interviewers: Interview.assessmentResults)',
  })
  async attemptResults(@Args('attemptId', { type: () => ID }) attemptId: string): Promise<AttemptResultsModel> {
    const r = await this.attempts.results(attemptId);
    const now = this.assessmentsService.now();
    const titles = new Map((await this.problems.getMany(r.problems.map((p) => p.problemId))).map((p) => [p.id, p.title]));
    return {
      attempt: toAttemptModel(r.attempt, r.assessment, this.attempts.effectiveStatus(r.attempt, now), now),
      pointsPossible: r.pointsPossible,
      pointsEarned: r.pointsEarned,
      score: r.score,
      problems: managedProblemViews(r, titles),
    };
  }
}

@Resolver(() => AssessmentProblemModel)
export class AssessmentProblemFieldsResolver {
  constructor(private readonly problems: ProblemsService) {}

  @Roles(...STAFF_ROLES)
  @ResolveField(() => ProblemModel)
  async problem(@Parent() parent: AssessmentProblemModel): Promise<ProblemModel> {
    return toProblemModel(await this.problems.get(parent.problemId));
  }
}
