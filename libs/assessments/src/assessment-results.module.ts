import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentEntity, AttemptEntity, ProblemEntity } from '@app/domain';
import { JudgingModule } from '@app/judging';
import { AssessmentResultsService } from './assessment-results.service';
import { SimilaritySources } from './similarity-sources.service';

/**
 * What other domains read of assessments (results, points, change markers), without the
 * candidate-facing services (rate limits, the applications port) that the API wires itself.
 */
@Module({
  imports: [JudgingModule, TypeOrmModule.forFeature([AssessmentEntity, AttemptEntity, ProblemEntity])],
  providers: [AssessmentResultsService, SimilaritySources],
  exports: [AssessmentResultsService, SimilaritySources],
})
export class AssessmentResultsModule {}
