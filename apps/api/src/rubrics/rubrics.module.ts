import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { HiringModule } from '@app/hiring';
import { RubricsModule } from '@app/rubrics';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CalibrationResolver } from './calibration.resolver';
import { ApplicationInterviewFieldsResolver, InterviewsResolver } from './interviews.resolver';
import { RubricsResolver } from './rubrics.resolver';
import { ScorecardsResolver } from './scorecards.resolver';

@Module({
  imports: [RubricsModule, HiringModule, AuthCoreModule, AssessmentsModule],
  providers: [RubricsResolver, InterviewsResolver, ApplicationInterviewFieldsResolver, ScorecardsResolver, CalibrationResolver],
  exports: [RubricsModule],
})
export class RubricsApiModule {}
