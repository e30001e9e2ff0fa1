import { Module } from '@nestjs/common';
import { AssessmentResultsModule } from '@app/assessments';
import { SimilarityModule } from '@app/integrity';
import { SimilarityResolver } from './similarity.resolver';

@Module({ imports: [SimilarityModule, AssessmentResultsModule], providers: [SimilarityResolver], exports: [SimilarityModule] })
export class SimilarityApiModule {}
