import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity, ApplicationEventEntity, JobEntity, JobTemplateEntity } from '@app/domain';
import { ApplicationViews } from './applications/application-views.service';
import { ApplicationsService } from './applications/applications.service';
import { JobsService } from './jobs/jobs.service';
import { JobTemplatesService } from './templates/job-templates.service';

/** Jobs, templates, applications and their history. Import it to look up or move applications. */
@Module({
  imports: [TypeOrmModule.forFeature([JobTemplateEntity, JobEntity, ApplicationEntity, ApplicationEventEntity])],
  providers: [JobTemplatesService, JobsService, ApplicationsService, ApplicationViews],
  exports: [JobTemplatesService, JobsService, ApplicationsService, ApplicationViews],
})
export class HiringModule {}
