import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/** Which analysis found a pair: the one of an assessment, or the job-wide one across its assessments. */
export enum SimilarityScope {
  ASSESSMENT = 'ASSESSMENT',
  JOB = 'JOB',
}

/** A 1-based inclusive line range. */
export interface StoredLineRange {
  startLine: number;
  endLine: number;
}

/** One matching fragment: where it lies on each side, and its length in k-grams of tokens. */
export interface StoredSimilarityFragment {
  left: StoredLineRange;
  right: StoredLineRange;
  kgrams: number;
}

/**
 * Two final submissions of one problem in one language (or a submission and one of the problem's
 * reference solutions) whose similarity reached the threshold, as Dolos measured it. Evidence for a
 * person to review, never a verdict: nothing scores from it. An analysis replaces the pairs of its
 * scope (assessment or job), problem and language at once.
 */
@Entity('similarity_pairs')
@Index('IDX_similarity_pairs_group', ['scope', 'scopeId', 'problemId', 'language'])
@Index('IDX_similarity_pairs_left_attempt', ['leftAttemptId'])
@Index('IDX_similarity_pairs_right_attempt', ['rightAttemptId'])
@Index('IDX_similarity_pairs_job', ['jobId'])
export class SimilarityPairEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  scope: SimilarityScope;

  /** The assessment id (ASSESSMENT scope) or the job id (JOB scope). */
  @Column({ type: 'varchar', length: 36 })
  scopeId: string;

  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  @Column({ type: 'varchar', length: 36 })
  problemId: string;

  @Column({ type: 'varchar', length: 20 })
  language: string;

  @Column({ type: 'varchar', length: 36 })
  leftSubmissionId: string;

  @Column({ type: 'varchar', length: 36 })
  leftAttemptId: string;

  @Column({ type: 'varchar', length: 36 })
  leftApplicationId: string;

  /** Null when the right side is a reference solution. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  rightSubmissionId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  rightAttemptId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  rightApplicationId: string | null;

  /** Index into the problem's reference solutions when the right side is one. */
  @Column({ type: 'integer', nullable: true })
  rightReferenceIndex: number | null;

  /** Dolos similarity, 0-1. */
  @Column({ type: 'double precision' })
  similarity: number;

  /** Longest shared fragment, in k-grams. */
  @Column({ type: 'integer' })
  longestFragment: number;

  @Column({ type: 'double precision' })
  leftCovered: number;

  @Column({ type: 'double precision' })
  rightCovered: number;

  @Column({ type: 'simple-json' })
  fragments: StoredSimilarityFragment[];

  @Column({ type: Date })
  analyzedAt: Date;
}
