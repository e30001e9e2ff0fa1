import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AttemptsService, bestSubmission, candidateView, ProblemDocument, ProblemsService } from '@app/assessments';
import { AuthUser } from '@app/auth';
import { AttemptEntity, AttemptStatus, Role, SubmissionKind } from '@app/domain';
import { SimilarityService } from '@app/integrity';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { toSubmissionModel } from '../submissions/submission.mapper';
import { SubmissionModel } from '../submissions/submission.model';
import { toAttemptModel, toAttemptProblemModel } from './assessment.mapper';
import { CodeInput, RunCodeInput } from './dto/assessment.input';
import { AttemptModel, AttemptProblemModel } from './dto/assessment.model';

const ATTEMPT_READERS = [Role.ADMIN, Role.RECRUITER, Role.CANDIDATE];

const IDEMPOTENCY_KEY_ARG = {
  type: () => String,
  nullable: true,
  description:
    'A key of your choice (e.g. a UUID, 1-100 characters) for this request: a retry with the same key returns the first submission instead of storing another; the same key with other code answers IDEMPOTENCY_KEY_REUSED',
} as const;

/** The candidate's side of an assessment: every field checks the attempt is the caller's. */
@Resolver(() => AttemptModel)
@Roles(Role.CANDIDATE)
export class AttemptsResolver {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly problemsService: ProblemsService,
    private readonly similarity: SimilarityService,
  ) {}

  private async model(a: AttemptEntity): Promise<AttemptModel> {
    const now = new Date();
    return toAttemptModel(a, await this.attempts.assessmentOf(a), this.attempts.effectiveStatus(a, now), now);
  }

  @Mutation(() => AttemptModel, { description: 'Starts the attempt with the invitation token: the server sets startedAt and the deadline' })
  async startAssessment(@Args('token') token: string, @CurrentUser() user: AuthUser): Promise<AttemptModel> {
    return this.model(await this.attempts.start(token, user.id));
  }

  @Query(() => AttemptModel, { description: 'The attempt, its problems, submissions and the time left' })
  async myAttempt(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<AttemptModel> {
    return this.model(await this.attempts.mine(id, user.id));
  }

  @Query(() => [AttemptModel], { description: 'Every assessment the caller was invited to' })
  async myAttempts(@CurrentUser() user: AuthUser): Promise<AttemptModel[]> {
    return Promise.all((await this.attempts.listForCandidate(user.id)).map((a) => this.model(a)));
  }

  @Mutation(() => SubmissionModel, { description: 'Unscored run against the visible examples or custom input; rate-limited' })
  async runCode(
    @Args('input') input: RunCodeInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<SubmissionModel> {
    const custom = input.customInput ? { stdin: input.customInput.stdin, args: input.customInput.args } : null;
    return toSubmissionModel(await this.attempts.run(input.attemptId, user.id, input.problemId, input.language, input.source, custom, idempotencyKey));
  }

  @Mutation(() => SubmissionModel, { description: 'Scored submission (any number; the best counts). Follow it with submissionUpdated.' })
  async submitSolution(
    @Args('input') input: CodeInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<SubmissionModel> {
    const submission = await this.attempts.submit(input.attemptId, user.id, input.problemId, input.language, input.source, idempotencyKey);
    // An attempt nobody closes is compared once its deadline passes.
    void this.similarity.attemptSubmitted(input.attemptId);
    return toSubmissionModel(submission);
  }

  @Query(() => [AttemptProblemModel], {
    description: 'Warm-up problems the candidate may try before starting this attempt (or during it): judged normally, never scored, no timer',
  })
  async practiceProblems(@Args('attemptId', { type: () => ID }) attemptId: string, @CurrentUser() user: AuthUser): Promise<AttemptProblemModel[]> {
    const problems = await this.attempts.practiceProblems(attemptId, user.id);
    return problems.map((p, position) =>
      toAttemptProblemModel(candidateView(p.definition as ProblemDocument), { position, problemId: p.id, points: 0, bestScore: 0 }),
    );
  }

  @Mutation(() => SubmissionModel, {
    description: "A practice submission: judged on every test, but never part of the attempt's score, results or shortlist. Follow it with submissionUpdated.",
  })
  async submitPractice(@Args('input') input: CodeInput, @CurrentUser() user: AuthUser): Promise<SubmissionModel> {
    return toSubmissionModel(await this.attempts.practice(input.attemptId, user.id, input.problemId, input.language, input.source));
  }

  @Mutation(() => AttemptModel, { description: 'Ends the attempt early' })
  async finishAssessment(@Args('attemptId', { type: () => ID }) attemptId: string, @CurrentUser() user: AuthUser): Promise<AttemptModel> {
    const attempt = await this.attempts.finish(attemptId, user.id);
    // Off the request path: the worker compares the final submissions (debounced per group).
    void this.similarity.attemptFinished(attempt.id);
    return this.model(attempt);
  }

  /**
   * Problems appear once the attempt started; hidden tests only as categories and counts. An
   * Attempt reaches only its candidate and hiring managers; never interviewers, whose view of
   * results has no times (Interview.assessmentResults).
   */
  @Roles(...ATTEMPT_READERS)
  @ResolveField(() => [AttemptProblemModel])
  async problems(@Parent() attempt: AttemptModel): Promise<AttemptProblemModel[]> {
    if (attempt.status === AttemptStatus.INVITED) return [];
    const assessment = await this.attempts.assessmentOf({ assessmentId: attempt.assessmentId } as AttemptEntity);
    const problems = new Map((await this.problemsService.getMany(assessment.problems.map((p) => p.problemId))).map((p) => [p.id, p]));
    const subs = await this.attempts.submissionsOf(attempt.id);
    return assessment.problems.flatMap((ref, position) => {
      const p = problems.get(ref.problemId);
      if (!p) return [];
      const best = bestSubmission(subs.filter((s) => s.problemId === ref.problemId))?.score ?? 0;
      return [toAttemptProblemModel(candidateView(p.definition as ProblemDocument), { position, problemId: p.id, points: ref.points, bestScore: best })];
    });
  }

  @Roles(...ATTEMPT_READERS)
  @ResolveField(() => [SubmissionModel], { description: 'Scored submissions and runs of this attempt, oldest first' })
  async submissions(@Parent() attempt: AttemptModel): Promise<SubmissionModel[]> {
    return (await this.attempts.submissionsOf(attempt.id, [SubmissionKind.SUBMISSION, SubmissionKind.RUN])).map(toSubmissionModel);
  }

  /** Private accommodation: recruiters and admins only; interviewers and candidates never see it. */
  @Roles(Role.ADMIN, Role.RECRUITER)
  @ResolveField(() => Int, { nullable: true, description: 'Recruiters and admins only' })
  extraTimePercent(@Parent() attempt: AttemptModel): number {
    return attempt.extra;
  }
}
