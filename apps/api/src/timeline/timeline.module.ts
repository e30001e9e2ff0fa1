import { Module } from '@nestjs/common';
import { HiringModule } from '@app/hiring';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AttemptRecordingFieldsResolver, InterviewTimelineFieldsResolver, TimelineResolver } from './timeline.resolver';

/** Attempt timeline and code playback (issue 15): the resolvers over @app/assessments' TimelineService. */
@Module({
  imports: [AssessmentsModule, HiringModule],
  providers: [TimelineResolver, InterviewTimelineFieldsResolver, AttemptRecordingFieldsResolver],
})
export class TimelineApiModule {}
