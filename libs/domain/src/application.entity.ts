import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { ApplicationStage, ScreeningOutcome } from './hiring.enums';
import type { ApplicantProfile, SkillsMatch, StoredAnswer } from './job-content';

/**
 * A candidate's application to a job, with the automatic screening result kept as computed and
 * a recruiter's override beside it (never in place of it), so a rejection is never silent.
 */
@Entity('applications')
@Index('UQ_applications_job_candidate', ['jobId', 'candidateId'], { unique: true })
@Index('IDX_applications_candidate', ['candidateId', 'createdAt'])
@Index('IDX_applications_job_stage', ['jobId', 'stage'])
// What changed since a time, per job (the shortlist's incremental ranking).
@Index('IDX_applications_job_updated', ['jobId', 'updatedAt'])
export class ApplicationEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  /** The candidate's user id. */
  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @Column({ type: 'simple-json' })
  profile: ApplicantProfile;

  @Column({ type: 'simple-json' })
  answers: StoredAnswer[];

  @Column({ type: 'text' })
  resume: string;

  @Column({ type: 'varchar', length: 20 })
  stage: ApplicationStage;

  /** The outcome in force: the override when there is one, else the automatic one. */
  @Column({ type: 'varchar', length: 20 })
  outcome: ScreeningOutcome;

  @Column({ type: 'varchar', length: 20 })
  autoOutcome: ScreeningOutcome;

  /** Why the automatic screening decided as it did, e.g. "Knock-out: not authorized to work ...". */
  @Column({ type: 'simple-json' })
  screeningReasons: string[];

  @Column({ type: 'double precision', nullable: true })
  screeningScore: number | null;

  @Column({ type: 'simple-json' })
  skillsMatch: SkillsMatch;

  /** skillsMatch.score as a column, so lists can sort and filter on it in SQL. */
  @Column({ type: 'double precision' })
  skillsScore: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  overrideOutcome: ScreeningOutcome | null;

  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  overriddenById: string | null;

  @Column({ type: Date, nullable: true })
  overriddenAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
