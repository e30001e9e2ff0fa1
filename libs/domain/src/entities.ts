import { DataErasureEntity } from './data-erasure.entity';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import { AssessmentEntity } from './assessment.entity';
import { AttemptEntity } from './attempt.entity';
import { AttemptActivityBatchEntity, AttemptEventEntity, CodeSnapshotEntity } from './attempt-timeline.entity';
import { InterviewEntity } from './interview.entity';
import { JobTemplateEntity } from './job-template.entity';
import { JobEntity } from './job.entity';
import { ProblemEntity } from './problem.entity';
import { RubricEntity, RubricVersionEntity } from './rubric.entity';
import { ScorecardEntity, ScorecardVersionEntity } from './scorecard.entity';
import { SelfIdentificationEntity } from './self-identification.entity';
import { SimilarityPairEntity } from './similarity-pair.entity';
import { ShortlistPolicyEntity } from './shortlist-policy.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/** Every entity the platform persists; the DataSource and the migration check use this list. */
export const ENTITIES = [UserEntity, ProblemEntity, SubmissionEntity, AssessmentEntity, AttemptEntity, JobTemplateEntity, JobEntity, ApplicationEntity, ApplicationEventEntity, RubricEntity, RubricVersionEntity, InterviewEntity, ScorecardEntity, ScorecardVersionEntity, ShortlistPolicyEntity, SelfIdentificationEntity, AttemptActivityBatchEntity, AttemptEventEntity, CodeSnapshotEntity, SimilarityPairEntity, DataErasureEntity];
