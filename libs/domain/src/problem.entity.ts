import { UuidEntity } from './base.entity';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { ProblemValidationStatus } from './enums';

/**
 * The languages a stored reference solution may name. The problem bank already ships Python and
 * SQL ones; which of them the platform validates today is REFERENCE_LANGUAGES in @app/assessments.
 */
export type ReferenceLanguage = 'javascript' | 'typescript' | 'python' | 'sql';

export interface ReferenceSolution {
  language: ReferenceLanguage;
  source: string;
}

export interface WrongSolutionRecord extends ReferenceSolution {
  label: string;
}

/** Calibrated CPU limits of a problem's performance tests (the shape of @app/sandbox's Calibration). */
export interface CalibrationRecord {
  engine: string;
  measuredAt: string;
  figures: Array<{ test: string; language: ReferenceLanguage; referenceMedianMs: number; runs: number; limitMs: number }>;
}

/**
 * A problem of the bank: the judge's problem document (validated by @app/sandbox's schema)
 * plus what the bank needs around it. Hidden tests live inside `definition`: never expose
 * it as is to a candidate.
 */
@Entity('problems')
export class ProblemEntity extends UuidEntity {
  @Index('UQ_problems_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The full problem JSON document (statement, mode, limits, checker, tests). */
  @Column({ type: 'simple-json' })
  definition: Record<string, unknown>;

  @Column({ type: 'simple-json' })
  referenceSolutions: ReferenceSolution[];

  @Column({ type: 'varchar', length: 20, default: ProblemValidationStatus.PENDING })
  validationStatus: ProblemValidationStatus;

  /** The last validation's report: per reference solution, its verdict and per-test results. */
  @Column({ type: 'simple-json', nullable: true })
  validationReport: Record<string, unknown> | null;

  /**
   * Known-wrong solutions (`label`: `slow` or `slow-*` must fail on time on a performance test,
   * any other on a correctness test); validation judges them too. Never shown to candidates.
   */
  @Column({ type: 'simple-json', nullable: true })
  wrongSolutions: WrongSolutionRecord[] | null;

  /**
   * Calibrated CPU limits of the performance tests, per language (@app/sandbox's Calibration:
   * engine fingerprint, measuredAt, figures); redone when the engine's fingerprint changes.
   */
  @Column({ type: 'simple-json', nullable: true })
  calibration: CalibrationRecord | null;

  @Column({ type: 'varchar', length: 50, default: 'General' })
  difficulty: string;

  @Column({ type: 'simple-json' })
  tags: string[];

  /**
   * A warm-up a candidate may try before an assessment: judged like any problem, never scored,
   * and never part of a real assessment.
   */
  @Column({ type: 'boolean', default: false })
  practice: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  /** Bumped on every change of definition or solutions; a validation applies to one version. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
