import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/**
 * A candidate's voluntary self-identification for one application (gender, ethnicity,
 * disability, veteran status...), kept apart from the application: no application read joins
 * it, no role reads it per person, and no score uses it. Only the adverse-impact report counts
 * it, in groups of at least the minimum size. No timestamps: when someone answered is not
 * needed and could single them out.
 */
@Entity('self_identifications')
@Index('UQ_self_identifications_application', ['applicationId'], { unique: true })
@Index('IDX_self_identifications_job', ['jobId'])
export class SelfIdentificationEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  /** Question key → chosen option (one of the configured options, or "Prefer not to say"). */
  @Column({ type: 'simple-json' })
  answers: Record<string, string>;
}
