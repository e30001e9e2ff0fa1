import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AssessmentEntity,
  AttemptEntity,
  InterviewEntity,
  ProblemEntity,
  RubricEntity,
  RubricVersionEntity,
  ScorecardEntity,
  ScorecardVersionEntity,
  SubmissionEntity,
  UserEntity,
} from '@app/domain';
import { HiringModule } from '@app/hiring';
import { ApplicationAccessService } from './application-access.service';
import { CalibrationService } from './calibration/calibration.service';
import { InterviewsService } from './interviews.service';
import { RubricsService } from './rubrics.service';
import { ScorecardsService } from './scorecards.service';

/** Rubrics, interviews, scorecards and calibration. Import it to read scorecards or calibration (the shortlist does). */
@Module({
  imports: [
    HiringModule,
    TypeOrmModule.forFeature([
      RubricEntity,
      RubricVersionEntity,
      InterviewEntity,
      ScorecardEntity,
      ScorecardVersionEntity,
      UserEntity,
      AttemptEntity,
      AssessmentEntity,
      SubmissionEntity,
      ProblemEntity,
    ]),
  ],
  providers: [RubricsService, InterviewsService, ScorecardsService, CalibrationService, ApplicationAccessService],
  exports: [RubricsService, InterviewsService, ScorecardsService, CalibrationService, ApplicationAccessService],
})
export class RubricsModule {}
