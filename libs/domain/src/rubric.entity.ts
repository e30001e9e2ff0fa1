import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { CitationKind, InterviewKind, RedFlagSeverity } from './rubric.enums';

/** The guidance a criterion or red flag derives from, quoted verbatim. */
export interface SourceCitation {
  kind: CitationKind;
  quote: string;
}

/** What an interviewer observes at one level of the 1-4 scale. */
export interface RubricAnchor {
  level: number;
  description: string;
}

export interface RubricCriterion {
  /** Stable within a rubric: scorecard ratings name it. */
  key: string;
  title: string;
  /** What to look for, in the interviewer's words. */
  lookFor: string;
  kind: InterviewKind;
  /** Relative importance within its interview kind (> 0). */
  weight: number;
  source: SourceCitation;
  /** Levels 1, 2, 3 and 4 in order, each a sentence of observable behaviour. */
  anchors: RubricAnchor[];
}

export interface RubricRedFlag {
  key: string;
  title: string;
  /** What counts as evidence of it. */
  description: string;
  severity: RedFlagSeverity;
  source: SourceCitation;
}

/** The content a version fixes: what a scorecard is scored against. */
export interface RubricContent {
  criteria: RubricCriterion[];
  redFlags: RubricRedFlag[];
}

/**
 * A rubric: a library rubric (jobId null; seeded ones carry the key of their data file) or a
 * job's own copy. Its criteria and red flags live in numbered versions (RubricVersionEntity):
 * the current one is what new interviews use.
 */
@Entity('rubrics')
@Index('IDX_rubrics_job', ['jobId'])
export class RubricEntity extends UuidEntity {
  /** The data file it is seeded from (without .json); null for rubrics made through the API. */
  @Index('UQ_rubrics_key', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  key: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  /** Null for library rubrics, usable for any job. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  jobId: string | null;

  /** The rubric it was cloned from, if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceRubricId: string | null;

  @Column({ type: 'integer', default: 1 })
  currentVersion: number;

  /** Null for seeded rubrics. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/**
 * One version of a rubric's criteria and red flags. Edited in place only while no submitted
 * scorecard uses it; after that an edit makes the next version, so a submitted scorecard is
 * never re-scored against a rubric it was not scored with.
 */
@Entity('rubric_versions')
@Index('UQ_rubric_versions_rubric_version', ['rubricId', 'version'], { unique: true })
export class RubricVersionEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  rubricId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'simple-json' })
  criteria: RubricCriterion[];

  @Column({ type: 'simple-json' })
  redFlags: RubricRedFlag[];

  /**
   * Submitted scorecards scored against this version. Incremented in the submitting
   * transaction, and an in-place edit requires 0 in its UPDATE: the row lock orders the two.
   */
  @Column({ type: 'integer', default: 0 })
  submittedScorecards: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
