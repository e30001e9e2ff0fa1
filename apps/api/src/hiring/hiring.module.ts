import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { HiringModule } from '@app/hiring';
import { RubricsModule } from '@app/rubrics';
import { ApplicationEventFieldsResolver, ApplicationsResolver } from './applications.resolver';
import { FairnessResolver } from './fairness.resolver';
import { JobsResolver, ScreeningQuestionFieldsResolver } from './jobs.resolver';

@Module({
  imports: [HiringModule, RubricsModule, AuthCoreModule],
  providers: [JobsResolver, ScreeningQuestionFieldsResolver, ApplicationsResolver, ApplicationEventFieldsResolver, FairnessResolver],
  exports: [HiringModule],
})
export class HiringApiModule {}
