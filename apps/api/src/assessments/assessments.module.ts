import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APPLICATIONS_PORT, AssessmentsService, AttemptsService, HiringApplicationsAdapter, ProblemsService } from '@app/assessments';
import { AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity } from '@app/domain';
import { HiringModule } from '@app/hiring';
import { JudgingModule } from '@app/judging';
import { AssessmentProblemFieldsResolver, AssessmentsResolver } from './assessments.resolver';
import { AttemptsResolver } from './attempts.resolver';
import { ProblemsResolver } from './problems.resolver';

@Module({
  imports: [JudgingModule, HiringModule, TypeOrmModule.forFeature([AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity])],
  providers: [
    ProblemsService,
    AssessmentsService,
    AttemptsService,
    { provide: APPLICATIONS_PORT, useClass: HiringApplicationsAdapter },
    ProblemsResolver,
    AssessmentsResolver,
    AssessmentProblemFieldsResolver,
    AttemptsResolver,
  ],
  exports: [ProblemsService, AssessmentsService, AttemptsService],
})
export class AssessmentsModule {}
