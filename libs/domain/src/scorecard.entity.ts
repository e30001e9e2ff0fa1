import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { InterviewKind, Recommendation, ScorecardStatus } from './rubric.enums';

export interface ScorecardRating {
  criterionKey: string;
  /** 1-4, on the criterion's anchored scale; null: "not observed" (the interviewer did not probe it), left out of every mean. */
  rating: number | null;
  /** Required for 1 and 4 on submission: the extremes need what was observed. */
  evidence: string | null;
}

export interface ScorecardRedFlag {
  key: string;
  evidence: string;
}

/** What a scorecard says; each submitted version keeps a copy. */
export interface ScorecardContent {
  ratings: ScorecardRating[];
  redFlags: ScorecardRedFlag[];
  recommendation: Recommendation | null;
  notes: string;
}

/**
 * The scorecard of one interview (one per interview), as it stands now: a draft until
 * submitted, then the latest submitted version. Every submitted version, with the reason of
 * each amendment, is in scorecard_versions.
 */
@Entity('scorecards')
@Index('UQ_scorecards_interview', ['interviewId'], { unique: true })
@Index('IDX_scorecards_application', ['applicationId'])
@Index('IDX_scorecards_interviewer', ['interviewerId'])
@Index('IDX_scorecards_rubric_version', ['rubricId', 'rubricVersion'])
@Index('IDX_scorecards_updated', ['updatedAt'])
@Index('IDX_scorecards_job_updated', ['jobId', 'updatedAt'])
export class ScorecardEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  interviewId: string;

  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  @Column({ type: 'varchar', length: 36 })
  interviewerId: string;

  @Column({ type: 'varchar', length: 36 })
  rubricId: string;

  @Column({ type: 'integer' })
  rubricVersion: number;

  @Column({ type: 'varchar', length: 30 })
  kind: InterviewKind;

  @Column({ type: 'varchar', length: 20, default: ScorecardStatus.DRAFT })
  status: ScorecardStatus;

  /** 0 while a draft; 1 once submitted; one more per amendment. */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'simple-json' })
  ratings: ScorecardRating[];

  @Column({ type: 'simple-json' })
  redFlags: ScorecardRedFlag[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  recommendation: Recommendation | null;

  @Column({ type: 'text' })
  notes: string;

  /** The first submission; amendments leave it as is. */
  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ type: Date, nullable: true })
  amendedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** A submitted version of a scorecard: version 1 is the submission, later ones amendments with their reason. Append-only. */
@Entity('scorecard_versions')
@Index('UQ_scorecard_versions_scorecard_version', ['scorecardId', 'version'], { unique: true })
export class ScorecardVersionEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  scorecardId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'simple-json' })
  ratings: ScorecardRating[];

  @Column({ type: 'simple-json' })
  redFlags: ScorecardRedFlag[];

  @Column({ type: 'varchar', length: 20 })
  recommendation: Recommendation;

  @Column({ type: 'text' })
  notes: string;

  /** Null for the submission; the amendment's reason otherwise. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  /** From the application's clock. */
  @Column({ type: Date })
  at: Date;
}
