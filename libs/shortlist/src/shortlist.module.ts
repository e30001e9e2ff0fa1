import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentResultsModule } from '@app/assessments';
import { ShortlistPolicyEntity } from '@app/domain';
import { HiringModule } from '@app/hiring';
import { RubricsModule } from '@app/rubrics';
import { ShortlistService } from './shortlist.service';

/** The ranked shortlist. Owns only the policies table; applications, points and scorecards come from hiring, assessments and rubrics. */
@Module({
  imports: [HiringModule, AssessmentResultsModule, RubricsModule, TypeOrmModule.forFeature([ShortlistPolicyEntity])],
  providers: [ShortlistService],
  exports: [ShortlistService],
})
export class ShortlistModule {}
