import type { Language, StoredTestResult, Verdict } from '@app/domain';

/**
 * What the judging service needs from the engine. The worker binds it to @app/sandbox's Judge;
 * unit tests bind it to a scripted fake. Results arrive already redacted for hidden tests.
 */
export interface EngineRequest {
  /** The problem document as stored (the engine validates it). */
  problem: Record<string, unknown>;
  /** Cache key for the validated problem: id and version. */
  problemKey: string;
  language: Language;
  source: string;
  /** Unscored run against custom input instead of the problem's tests. */
  customInput?: { stdin?: string; args?: unknown[] } | null;
  /** Unscored run against the visible tests only. */
  visibleOnly?: boolean;
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
}

export const JUDGE_ENGINE = Symbol('JUDGE_ENGINE');
