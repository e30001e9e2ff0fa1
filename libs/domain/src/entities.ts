import { ProblemEntity } from './problem.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

/** Every entity the platform persists; the DataSource and the migration check use this list. */
export const ENTITIES = [UserEntity, ProblemEntity, SubmissionEntity];
