import type { ValidationReport } from '@app/contracts';
import type { CalibrationRecord, Language, ReferenceSolution, StoredTestResult, Verdict, WrongSolutionRecord } from '@app/domain';

/**
 * What the judging service needs from the engine. The worker binds it to @app/sandbox's Judge;
 * unit tests bind it to a scripted fake. Results arrive already redacted for hidden tests.
 */
export interface EngineRequest {
  /** The problem document as stored (the engine validates it). */
  problem: Record<string, unknown>;
  /** Cache key for the validated problem: `problemKey()`. */
  problemKey: string;
  language: Language;
  source: string;
  /** Unscored run against custom input instead of the problem's tests. */
  customInput?: { stdin?: string; args?: unknown[] } | null;
  /** Unscored run against the visible tests only. */
  visibleOnly?: boolean;
  /** The problem's reference solutions: the first one answers generated performance tests. */
  referenceSolutions?: ReferenceSolution[];
  /** The stored calibration (used when its engine fingerprint is this engine's; else calibrated anew). */
  calibration?: CalibrationRecord | null;
}

/**
 * The engine's cache key for a stored problem: its id and version, and when its calibration was
 * measured. Validation may measure a version's limits again (a reference out of time under
 * limits measured at a quieter moment: validation.ts), so an engine that prepared the version
 * with the earlier limits prepares it again rather than judge with limits no longer stored.
 */
export function problemKey(problem: { id: string; version: number; calibration?: Pick<CalibrationRecord, 'measuredAt'> | null }): string {
  return `${problem.id}@${problem.version}${problem.calibration ? `/${problem.calibration.measuredAt}` : ''}`;
}

/** What validation adds to the reference solutions' verdicts: calibration and the known-wrong solutions. */
export interface SolutionsCheckRequest {
  problem: Record<string, unknown>;
  problemKey: string;
  referenceSolutions: ReferenceSolution[];
  wrongSolutions: WrongSolutionRecord[];
  calibration?: CalibrationRecord | null;
}

export interface SolutionsCheck {
  calibration: CalibrationRecord | null;
  /** The validation report's `wrongSolutions`, `calibration`, `problems` and `warnings`. */
  report: Pick<ValidationReport, 'wrongSolutions' | 'calibration' | 'problems' | 'warnings'>;
  /** Problems beyond the references' verdicts: the problem is INVALID when any. */
  problems: string[];
}

export interface EngineResult {
  verdict: Verdict;
  score: number;
  passed: number;
  total: number;
  compileError: { message: string; line: number | null; column: number | null } | null;
  warnings: string[];
  tests: StoredTestResult[];
}

export interface JudgeEngine {
  judge(req: EngineRequest, onTest?: (result: StoredTestResult, index: number) => void): Promise<EngineResult>;
  /** Optional: engines without it (test fakes) validate references only. */
  checkSolutions?(req: SolutionsCheckRequest): Promise<SolutionsCheck>;
}

export const JUDGE_ENGINE = Symbol('JUDGE_ENGINE');
