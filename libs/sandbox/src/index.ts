/**
 * @app/sandbox: the judge engine. Problem schema, checkers, and the Judge that runs candidate
 * code in isolated-vm sandboxes inside a pool of child processes. Plain TypeScript, no Nest:
 * the CLI, the worker and the benchmark all use this surface and nothing deeper.
 */
export {
  DEFAULT_CODE_LANGUAGES,
  LANGUAGES,
  LIMIT_DEFAULTS,
  ProblemValidationError,
  SOURCE_KB_MAX,
  GENERATED_KB_MAX,
  SOURCE_MAX_BYTES,
  TEST_KINDS,
  acceptsLanguage,
  entryPointFor,
  loadProblem,
  sourceLimitKb,
} from './problem.schema';
export type {
  Checker,
  FunctionProblem,
  FunctionTest,
  JsonValue,
  Problem,
  ProblemInput,
  ProblemIssue,
  ProblemLanguage,
  ProblemLimits,
  SqlExpected,
  SqlProblem,
  SqlTest,
  SqlValue,
  ProblemTest,
  StdioProblem,
  StdioTest,
  TestKind,
} from './problem.schema';
export { STATUSES } from './judge.types';
export type {
  CompileError,
  JudgeResult,
  Language,
  RunCodeRequest,
  RunCodeResult,
  Status,
  Submission,
  TestResult,
  TestResultListener,
  Verdict,
} from './judge.types';
export {
  checkOutput,
  checkValue,
  floatClose,
  jsonEqual,
  jsonFloatEqual,
  jsonUnorderedEqual,
  linesUnorderedEqual,
  normalizeLines,
  textEqual,
  tokensEqual,
  tokensFloatEqual,
  tokenize,
} from './checkers';
export { explain, splitScores, summarize } from './verdict';
export type { ExplainedTest } from './verdict';
export {
  CALIBRATION_RUNS,
  LIMIT_FACTOR,
  LIMIT_MIN_MARGIN_MS,
  MIN_HEADROOM,
  WALL_BACKSTOP_EXTRA_MS,
  WALL_BACKSTOP_FACTOR,
  calibratedLimitMs,
  describeSize,
  wallBackstopMs,
} from './performance';
export { GENERATOR_LIMITS, MaterializeError, generateData, generatedIndices, materialize } from './materialize';
export type { SolutionSource } from './materialize';
export { CalibrationError, calibrate, calibrationInputsHash, engineFingerprint, engineSoftware, limitFor, performanceIndices, referencePerLanguage, withLimits } from './calibration';
export type { Calibration, CalibrationFigure } from './calibration';
export { BANK_KEYS, classifyWrong, loadBankDocument, validateProblemSolutions } from './validation';
export type { BankDocument, ProblemValidation, SolutionOutcome, WrongSolution } from './validation';
export { CUSTOM_INPUT_MAX_BYTES, Judge, languageError, sourceSizeError } from './judge';
export type { JudgeOptions } from './judge';
export { PoolUnavailableError } from './sandbox-pool';
/**
 * For the benchmark's floors only (tools/bench): the WebAssembly engines' files and the shims
 * without which they cannot run in an isolate at all, so a floor loads them the same way. Loaded
 * on call: importing this index must never load isolated-vm into the caller's process.
 */
export function wasmFloorParts(): typeof import('./wasm-floor-parts') {
  // A require on call, not an import: an import here would load isolated-vm for every caller.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./wasm-floor-parts') as typeof import('./wasm-floor-parts');
}
