import { DiskCache } from './disk-cache';
import { baseResult, redact } from './evaluate';
import type {
  CompileError,
  JudgeResult,
  Language,
  RunCodeRequest,
  RunCodeResult,
  Submission,
  TestResult,
  TestResultListener,
} from './judge.types';
import { acceptsLanguage, type Problem, type ProblemTest } from './problem.schema';
import { JobEnd, PoolUnavailableError, SandboxPool, SandboxPoolOptions } from './sandbox-pool';
import { TypeChecker } from './type-checker';
import { summarize } from './verdict';

export type JudgeOptions = SandboxPoolOptions & {
  /** TypeScript type checks run at once, on threads beside the sandboxes. Default: `size`. */
  typeCheckThreads?: number;
  /** Heap of a type-check thread in MB. Default 256. */
  typeCheckMemoryMb?: number;
};

/** Custom input larger than this is refused (it crosses the IPC channel and the isolate boundary). */
export const CUSTOM_INPUT_MAX_BYTES = 1024 * 1024;

/** `null` when the problem takes `language`, else why not (a compile error at line 1). */
export function languageError(problem: Problem, language: string): CompileError | null {
  return acceptsLanguage(problem, language)
    ? null
    : { message: `this problem does not accept ${language}; it accepts ${problem.languages.join(', ')}`, line: 1, column: 1 };
}

/** `null` when the source fits the problem's limit, else why not. */
export function sourceSizeError(problem: Problem, source: string): CompileError | null {
  const bytes = Buffer.byteLength(source, 'utf8');
  const limit = problem.limits.sourceKb * 1024;
  return bytes > limit ? { message: `the source is ${bytes} bytes; the limit is ${limit} bytes`, line: 1, column: 1 } : null;
}

interface Plan {
  problem: Problem;
  problemKey: string;
  language: Language;
  source: string;
  indices: number[];
  check: boolean;
  full?: boolean;
  remeasure?: boolean;
}

/** What `Judge.runTests` returns: the compile error, or each requested test's result by index. */
export interface RawRun {
  compileError: CompileError | null;
  results: Map<number, TestResult>;
}

interface Outcome {
  compileError: CompileError | null;
  warnings: string[];
  /** Results by test index, in arrival order (which is file order). */
  results: Map<number, TestResult>;
}

/**
 * The judge engine: compiles and runs submissions in the sandbox pool and turns what comes back
 * into a verdict. One instance per process; `close()` stops its children.
 */
export class Judge {
  private readonly pool: SandboxPool;
  private readonly checker: TypeChecker;
  private readonly keys = new WeakMap<Problem, string>();
  private nextKey = 1;
  /** What this engine keeps on disk for later processes (`cacheDir`): null when nothing. */
  readonly diskCache: DiskCache | null;

  constructor(options: JudgeOptions = {}) {
    this.pool = new SandboxPool(options);
    this.diskCache = options.cacheDir ? new DiskCache(options.cacheDir) : null;
    // As many checks at once as sandboxes: a check never waits for a sandbox, and a sandbox
    // never waits for a check.
    this.checker = new TypeChecker({
      threads: options.typeCheckThreads ?? this.pool.size,
      budgetMs: options.typeCheckBudgetMs,
      memoryMb: options.typeCheckMemoryMb,
      cacheDir: options.cacheDir,
    });
  }

  /** Number of sandbox children: submissions judged at the same time. */
  get size(): number {
    return this.pool.size;
  }

  /** Pids of the sandbox children (tests, metrics). */
  sandboxPids(): number[] {
    return this.pool.pids();
  }

  /**
   * Judges a submission. Never throws for anything the candidate did: every outcome is a
   * verdict. `onTestResult` sees each test as it finishes (hidden ones already redacted).
   */
  async judge(submission: Submission, onTestResult?: TestResultListener): Promise<JudgeResult> {
    const { problem, language, source } = submission;
    const indices = problem.tests.map((t, i) => (submission.visibleOnly && t.hidden ? -1 : i)).filter((i) => i >= 0);
    const tooBig = languageError(problem, language) ?? sourceSizeError(problem, source);
    const nothing = {
      verdict: 'COMPILE_ERROR' as const,
      score: 0,
      correctness: 0,
      performance: indices.some((i) => problem.tests[i].kind === 'performance') ? 0 : null,
      explanation: 'does not compile',
      passed: 0,
      total: indices.length,
      tests: [],
    };
    if (tooBig) return { ...nothing, compileError: tooBig, warnings: [] };

    const plan = { problem, problemKey: this.keyOf(problem), language, source, indices, check: true, remeasure: !submission.singleRun };
    const out = await this.execute(plan, onTestResult);
    if (out.compileError) return { ...nothing, compileError: out.compileError, warnings: out.warnings };
    const tests = indices.map((i) => out.results.get(i) ?? internalResult(problem.tests[i]));
    return { ...summarize(tests), compileError: null, warnings: out.warnings, tests };
  }

  /** Runs the code once against custom input; the result is visible-style whatever the problem's tests are. */
  async runCode(req: RunCodeRequest): Promise<RunCodeResult> {
    const { problem } = req;
    const inputBytes = Buffer.byteLength(JSON.stringify(req.input) ?? '', 'utf8');
    if (inputBytes > CUSTOM_INPUT_MAX_BYTES)
      throw new RangeError(`custom input is ${inputBytes} bytes; the limit is ${CUSTOM_INPUT_MAX_BYTES}`);
    let test: ProblemTest;
    if (problem.mode === 'sql') {
      throw new TypeError('custom input is not available for sql problems: run the visible tests instead');
    } else if (problem.mode === 'function') {
      if (!('args' in req.input) || !Array.isArray(req.input.args))
        throw new TypeError('custom input for a function problem needs args (an array)');
      test = { name: 'custom input', hidden: false, weight: 1, kind: 'correctness', args: req.input.args, expected: req.expected ?? null };
    } else {
      if (!('stdin' in req.input) || typeof req.input.stdin !== 'string')
        throw new TypeError('custom input for a stdio problem needs stdin (a string)');
      if (req.expected !== undefined && typeof req.expected !== 'string')
        throw new TypeError('expected output for a stdio problem must be a string');
      test = { name: 'custom input', hidden: false, weight: 1, kind: 'correctness', stdin: req.input.stdin, expected: req.expected ?? '' };
    }
    const custom = { ...problem, tests: [test] } as Problem;
    const tooBig = languageError(problem, req.language) ?? sourceSizeError(problem, req.source);
    if (tooBig) return { compileError: tooBig, warnings: [], result: null, checked: false };
    const check = req.expected !== undefined;
    // Key '' : a one-off problem is never cached in the children.
    const out = await this.execute({ problem: custom, problemKey: '', language: req.language, source: req.source, indices: [0], check });
    if (out.compileError) return { compileError: out.compileError, warnings: out.warnings, result: null, checked: false };
    return { compileError: null, warnings: out.warnings, result: out.results.get(0) ?? internalResult(test), checked: check };
  }

  /**
   * Runs chosen tests of a problem and returns their results as they are, nothing summed: for
   * generators and references at materialization (`full`: whole values, no comparison) and for
   * calibration. Hidden tests come back redacted, so callers that need values pass visible ones.
   */
  async runTests(problem: Problem, language: Language, source: string, indices: number[], opts: { check: boolean; full?: boolean }): Promise<RawRun> {
    const out = await this.execute({ problem, problemKey: this.keyOf(problem), language, source, indices, check: opts.check, full: opts.full });
    return { compileError: out.compileError, results: out.results };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.checker.close()]);
  }

  private keyOf(problem: Problem): string {
    let key = this.keys.get(problem);
    if (!key) {
      key = `p${this.nextKey++}`;
      this.keys.set(problem, key);
    }
    return key;
  }

  /**
   * Drives a job to its end across child deaths: a test that killed its child gets the status
   * the pool saw, and the remaining tests run on a fresh child.
   */
  private async execute(plan: Plan, onTestResult?: TestResultListener): Promise<Outcome> {
    const out: Outcome = { compileError: null, warnings: [], results: new Map() };
    // Listeners see results in file order even when a dead child's unsent results are re-run
    // after the result of the test that killed it.
    let emitted = 0;
    const record = (index: number, r: TestResult) => {
      if (out.results.has(index)) return;
      out.results.set(index, redact(r));
      for (; emitted < plan.indices.length; emitted++) {
        const next = out.results.get(plan.indices[emitted]);
        if (!next) break;
        onTestResult?.(next, plan.indices[emitted]);
      }
    };
    // TypeScript: the checker's thread, which loads the compiler for the type check anyway, answers
    // the syntax first (a syntax error is the verdict, no sandbox needed), then type-checks while
    // the tests run: never in the sandbox, where it would hold the slot. So a sandbox child never
    // loads the compiler for TypeScript: ~0.75 s of CPU saved per new child (npm run bench:restart).
    // A thread that cannot answer the syntax leaves it to the child, as before.
    const checking: { warnings?: Promise<string[]> } = {};
    let syntaxChecked: { module: boolean } | undefined;
    if (plan.language === 'typescript') {
      const check = this.checker.checkWithSyntax(plan.source);
      const syntax = await check.syntax;
      if (syntax?.error) {
        out.compileError = syntax.error;
        return out;
      }
      if (syntax) syntaxChecked = { module: syntax.module };
      checking.warnings = check.warnings;
    }
    let pending = plan.indices;
    let failures = 0;

    for (;;) {
      let end: JobEnd;
      try {
        end = await this.pool.run(
          {
            problem: plan.problem,
            problemKey: plan.problemKey,
            language: plan.language,
            source: plan.source,
            indices: pending,
            typeCheck: false,
            check: plan.check,
            ...(plan.full ? { full: true } : {}),
            ...(plan.remeasure ? { remeasure: true } : {}),
            ...(syntaxChecked ? { syntaxChecked } : {}),
          },
          {
            onCompiled: (error) => {
              if (error) out.compileError = error;
            },
            onTest: record,
          },
        );
      } catch (e) {
        if (!(e instanceof PoolUnavailableError)) throw e;
        end = { kind: 'failed', message: e.message };
        failures = Infinity;
      }
      if (out.compileError) return out;
      pending = pending.filter((i) => !out.results.has(i));

      switch (end.kind) {
        case 'done':
          out.warnings = checking.warnings ? await checking.warnings : end.warnings;
          return out;
        case 'lost':
          if (end.phase === 'compile') {
            // A compiler that crashed may have been unlucky (an outside kill): try once more.
            // One that ran out of time, or crashes twice, is the source's doing.
            if (end.status !== 'TIME_LIMIT_EXCEEDED' && failures++ < 1) break;
            out.compileError = { message: `compilation did not finish: ${end.reason}`, line: 1, column: 1 };
            return out;
          }
          if (end.phase === 'typecheck') {
            out.warnings = [`the type check did not finish: ${end.reason}; it was skipped`];
            return out;
          }
          if (end.index === undefined) {
            failures++;
            break;
          }
          {
            const index = end.index;
            const test = plan.problem.tests[index];
            record(index, { ...baseResult(test, { timeMs: end.timeMs }), status: end.status, message: end.reason });
            pending = pending.filter((i) => i !== index);
          }
          break;
        case 'failed':
          failures++;
          break;
      }
      if (failures >= 2) {
        const message = end.kind === 'failed' ? end.message : 'the sandbox kept failing';
        for (const i of pending) record(i, { ...internalResult(plan.problem.tests[i]), message });
        if (checking.warnings) out.warnings = await checking.warnings;
        return out;
      }
      // Resume on a fresh child with the remaining tests.
      if (!pending.length) {
        if (checking.warnings) out.warnings = await checking.warnings;
        return out;
      }
    }
  }
}

function internalResult(test: ProblemTest): TestResult {
  return { ...baseResult(test, { timeMs: 0 }), status: 'INTERNAL_ERROR' };
}
