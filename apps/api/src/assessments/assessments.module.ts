import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentsCoreModule } from '@app/assessments';
import { AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity } from '@app/domain';
import { HiringModule } from '@app/hiring';
import { JudgingModule } from '@app/judging';
import { AssessmentProblemFieldsResolver, AssessmentsResolver } from './assessments.resolver';
import { AttemptsResolver } from './attempts.resolver';
import { HiringApplicationsAdapter } from './hiring-applications.adapter';
import { ProblemsResolver } from './problems.resolver';

/** The assessments' resolvers; the API binds the assessments' applications port to the hiring flow here. */
export const assessmentsCore = AssessmentsCoreModule.forRoot({ applications: HiringApplicationsAdapter, imports: [HiringModule] });

@Module({
  imports: [assessmentsCore, JudgingModule, HiringModule, TypeOrmModule.forFeature([AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity])],
  providers: [ProblemsResolver, AssessmentsResolver, AssessmentProblemFieldsResolver, AttemptsResolver],
  exports: [assessmentsCore],
})
export class AssessmentsModule {}
