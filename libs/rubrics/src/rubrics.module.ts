import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentResultsModule } from '@app/assessments';
import { AuthCoreModule } from '@app/auth';
import { InterviewEntity, RubricEntity, RubricVersionEntity, ScorecardEntity, ScorecardVersionEntity } from '@app/domain';
import { HiringModule } from '@app/hiring';
import { ApplicationAccessService } from './application-access.service';
import { CalibrationService } from './calibration/calibration.service';
import { InterviewsService } from './interviews.service';
import { RubricsService } from './rubrics.service';
import { ScorecardEvidenceService } from './scorecard-evidence.service';
import { ScorecardsService } from './scorecards.service';

/**
 * Rubrics, interviews, scorecards and calibration. Registers only the tables rubrics owns; what
 * it reads of others comes from their services (users from auth, applications from hiring,
 * assessment results from assessments). Import it to read scorecards or calibration (the shortlist does).
 */
@Module({
  imports: [
    HiringModule,
    AuthCoreModule,
    AssessmentResultsModule,
    TypeOrmModule.forFeature([RubricEntity, RubricVersionEntity, InterviewEntity, ScorecardEntity, ScorecardVersionEntity]),
  ],
  providers: [RubricsService, InterviewsService, ScorecardsService, CalibrationService, ApplicationAccessService, ScorecardEvidenceService],
  exports: [RubricsService, InterviewsService, ScorecardsService, CalibrationService, ApplicationAccessService, ScorecardEvidenceService],
})
export class RubricsModule {}
