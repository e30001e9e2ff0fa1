import { Module } from '@nestjs/common';
import { AssessmentsCoreModule } from '@app/assessments';
import { HiringModule } from '@app/hiring';
import { SimilarityModule } from '@app/integrity';
import { AssessmentProblemFieldsResolver, AssessmentsResolver } from './assessments.resolver';
import { AttemptsResolver } from './attempts.resolver';
import { HiringApplicationsAdapter } from './hiring-applications.adapter';
import { ProblemsResolver } from './problems.resolver';

/** The assessments' services with the API's binding of their applications port (to the hiring flow). */
export const assessmentsCore = AssessmentsCoreModule.forRoot({ applications: HiringApplicationsAdapter, imports: [HiringModule] });

@Module({
  imports: [assessmentsCore, SimilarityModule],
  providers: [ProblemsResolver, AssessmentsResolver, AssessmentProblemFieldsResolver, AttemptsResolver],
  exports: [assessmentsCore],
})
export class AssessmentsModule {}
