import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemEntity, SubmissionEntity } from '@app/domain';
import { ProblemValidationRecorder } from './problem-validation.recorder';
import { SubmissionReads } from './submission-reads.service';
import { SubmissionsService } from './submissions.service';

/** Submissions and their queue, for the API (create, read) and the worker (sweep). */
@Module({
  imports: [TypeOrmModule.forFeature([SubmissionEntity, ProblemEntity])],
  providers: [SubmissionsService, ProblemValidationRecorder, SubmissionReads],
  exports: [SubmissionsService, ProblemValidationRecorder, SubmissionReads, TypeOrmModule],
})
export class JudgingModule implements OnApplicationShutdown {
  constructor(@Inject(SubmissionsService) private readonly submissions: SubmissionsService) {}

  async onApplicationShutdown(): Promise<void> {
    await this.submissions.close();
  }
}
