import type { JsonValue, Problem, ProblemLanguage } from './problem.schema';

export const STATUSES = [
  'ACCEPTED',
  'WRONG_ANSWER',
  'TIME_LIMIT_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'OUTPUT_LIMIT_EXCEEDED',
  'RUNTIME_ERROR',
  'COMPILE_ERROR',
  'INTERNAL_ERROR',
] as const;

/** The status of one test, and the verdict of a submission (same vocabulary). */
export type Status = (typeof STATUSES)[number];
export type Verdict = Status;

export type Language = ProblemLanguage;

export interface Submission {
  problem: Problem;
  language: Language;
  source: string;
  /** Judge only the visible tests (a practice "run"); defaults to every test. */
  visibleOnly?: boolean;
  /**
   * Measure each performance test once, even just over its limit (the bank's validation: a
   * "slow" reference solution must fail on one run). Unset, a candidate's performance test that
   * finished a little over its CPU limit is measured again (performance.ts, REMEASURE_FACTOR).
   */
  singleRun?: boolean;
}

export interface CompileError {
  message: string;
  /** 1-based position in the submitted source. */
  line: number;
  column: number;
}

/**
 * One test's result. For hidden tests only name, category, weight, status, time and memory
 * are ever present: never input, expected, actual, output or message.
 */
export interface TestResult {
  name: string;
  category?: string;
  /** Present on performance tests only (correctness tests leave it out). */
  kind?: 'performance';
  /** Performance tests: the size of the generated input, e.g. `n = 100000` (no data). */
  size?: string;
  status: Status;
  /** Wall time of the candidate's code for this test, async work included. */
  timeMs: number;
  /** CPU time of the isolate during the test, where measured; performance tests are judged on it. */
  cpuMs?: number;
  /** Performance tests: the CPU-time limit applied, in ms. */
  cpuLimitMs?: number;
  /** Isolate heap in use after the test, where known. */
  memoryBytes?: number;
  hidden: boolean;
  weight: number;
  /**
   * Visible tests, function mode: the returned value. When its JSON text is longer than the
   * display cap this is a string holding the truncated JSON text (and `message` says so).
   */
  actual?: JsonValue;
  /** Visible tests: what the code printed (truncated). */
  output?: string;
  /** Visible tests: why it failed (error message, limit reached, truncation). */
  message?: string;
}

export interface JudgeResult {
  verdict: Verdict;
  /** Sum of the weights of accepted tests over the sum of all weights, 4 decimals. */
  score: number;
  /** Share of the correctness tests' weight passed, 4 decimals. */
  correctness: number;
  /** Share of the performance tests' weight passed, 4 decimals; null when the problem has none. */
  performance: number | null;
  /** One sentence on both, e.g. "correct on all cases; too slow on large inputs (n = 100000): ...". */
  explanation: string;
  passed: number;
  total: number;
  compileError: CompileError | null;
  /** TypeScript type errors as `line:column message`; they never fail a submission. */
  warnings: string[];
  tests: TestResult[];
}

export type TestResultListener = (result: TestResult, index: number) => void;

/** Custom input for `Judge.runCode`: `args` for function problems, `stdin` for stdio ones. */
export interface RunCodeRequest {
  problem: Problem;
  language: Language;
  source: string;
  input: { args: JsonValue[] } | { stdin: string };
  /** When given, the output is checked with the problem's checker. */
  expected?: JsonValue;
}

export interface RunCodeResult {
  compileError: CompileError | null;
  warnings: string[];
  /** Always visible-style (actual, output, message). ACCEPTED means "ran cleanly" when no expected was given. */
  result: TestResult | null;
  /** Whether `result.status` reflects a comparison with `expected`. */
  checked: boolean;
}
