import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { Permission, Role } from '@app/domain';
import { FairnessService, MIN_GROUP_SIZE, selfIdQuestions } from '@app/hiring';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { AdverseImpactReportModel, SelfIdentificationInput, SelfIdQuestionModel } from './dto/fairness.model';

/**
 * Voluntary self-identification (candidates, after applying) and the adverse-impact report
 * (admins). There is no query that returns a person's answers.
 */
@Resolver()
export class FairnessResolver {
  constructor(
    private readonly fairness: FairnessService,
    private readonly users: UsersService,
  ) {}

  @Roles(Role.CANDIDATE, Role.ADMIN, Role.RECRUITER)
  @Query(() => [SelfIdQuestionModel], { description: 'The voluntary self-identification form (libs/hiring/data/self-identification.json)' })
  selfIdentificationQuestions(): SelfIdQuestionModel[] {
    return selfIdQuestions();
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => Boolean, {
    description: 'Voluntary; for your own application (another is NOT_FOUND). Stored apart from the application, never shown per person, never scored.',
  })
  async submitSelfIdentification(@Args('input') input: SelfIdentificationInput, @CurrentUser() user: AuthUser): Promise<boolean> {
    await this.fairness.submit(input.applicationId, input.answers, user);
    return true;
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Query(() => AdverseImpactReportModel, {
    description: 'ADMIN, and RECRUITERs granted the FAIRNESS_REPORT permission (others: FORBIDDEN). Selection rates and four-fifths ratios per group and step of a job',
  })
  async adverseImpactReport(
    @CurrentUser() user: AuthUser,
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('question', { description: 'A self-identification question key, e.g. "gender"' }) question: string,
    @Args('minGroupSize', { type: () => Int, nullable: true, description: `At least ${MIN_GROUP_SIZE} (the default)` }) minGroupSize?: number | null,
  ): Promise<AdverseImpactReportModel> {
    if (!(await this.users.may(user.id, Permission.FAIRNESS_REPORT))) throw AppError.forbidden('The adverse-impact report needs the FAIRNESS_REPORT permission: ask an admin');
    return this.fairness.report(jobId, question, minGroupSize ?? MIN_GROUP_SIZE);
  }
}
