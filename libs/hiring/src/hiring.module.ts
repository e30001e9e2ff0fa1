import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity, ApplicationEventEntity, JobEntity, JobTemplateEntity, SelfIdentificationEntity } from '@app/domain';
import { ApplicationViews } from './applications/application-views.service';
import { ApplicationsService } from './applications/applications.service';
import { FairnessService } from './fairness/fairness.service';
import { JobsService } from './jobs/jobs.service';
import { JobTemplatesService } from './templates/job-templates.service';

/** Jobs, templates, applications and their history. Import it to look up or move applications. */
@Module({
  imports: [TypeOrmModule.forFeature([JobTemplateEntity, JobEntity, ApplicationEntity, ApplicationEventEntity, SelfIdentificationEntity])],
  providers: [JobTemplatesService, JobsService, ApplicationsService, ApplicationViews, FairnessService],
  exports: [JobTemplatesService, JobsService, ApplicationsService, ApplicationViews, FairnessService],
})
export class HiringModule {}
