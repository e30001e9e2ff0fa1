import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import { AssessmentEntity } from './assessment.entity';
import { AttemptEntity } from './attempt.entity';
import { JobTemplateEntity } from './job-template.entity';
import { JobEntity } from './job.entity';
import { ProblemEntity } from './problem.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/** Every entity the platform persists; the DataSource and the migration check use this list. */
export const ENTITIES = [UserEntity, ProblemEntity, SubmissionEntity, AssessmentEntity, AttemptEntity, JobTemplateEntity, JobEntity, ApplicationEntity, ApplicationEventEntity];
