import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentEntity, AttemptActivityBatchEntity, AttemptEntity, AttemptEventEntity, CodeSnapshotEntity, ProblemEntity, SubmissionEntity } from '@app/domain';
import { JudgingModule } from '@app/judging';
import { APPLICATIONS_PORT, ApplicationsPort } from './applications.port';
import { AssessmentsService } from './assessments.service';
import { attemptLimitsProvider } from './attempt-limits';
import { AttemptsService } from './attempts.service';
import { ProblemsService } from './problems.service';
import { TimelineService } from './timeline/timeline.service';

export interface AssessmentsCoreOptions {
  /** The class behind ApplicationsPort: the app binds it (the API and the seed step, to the hiring flow). */
  applications: Type<ApplicationsPort>;
  /** Modules that class needs (e.g. HiringModule). */
  imports?: ModuleMetadata['imports'];
}

/**
 * Problems, assessments and attempts, for the API and the seed step. The lib does not know who
 * stores applications: the importing app names the ApplicationsPort binding.
 */
@Module({})
export class AssessmentsCoreModule {
  static forRoot(opts: AssessmentsCoreOptions): DynamicModule {
    return {
      module: AssessmentsCoreModule,
      imports: [JudgingModule, TypeOrmModule.forFeature([AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity, AttemptActivityBatchEntity, AttemptEventEntity, CodeSnapshotEntity]), ...(opts.imports ?? [])],
      providers: [ProblemsService, AssessmentsService, AttemptsService, TimelineService, attemptLimitsProvider, { provide: APPLICATIONS_PORT, useClass: opts.applications }],
      exports: [ProblemsService, AssessmentsService, AttemptsService, TimelineService, APPLICATIONS_PORT, JudgingModule],
    };
  }
}
