import { StoredTestResult, Verdict } from '@app/domain';
import { EngineRequest, EngineResult, JudgeEngine, SolutionsCheck, SolutionsCheckRequest } from './engine.port';
import { toSandboxLanguage } from './language-bridge';
import { toVerdict } from './verdict-bridge';
import {
  calibrate,
  Calibration,
  CalibrationError,
  engineFingerprint,
  Judge,
  JsonValue,
  loadProblem,
  materialize,
  MaterializeError,
  performanceIndices,
  Problem,
  ProblemValidationError,
  referencePerLanguage,
  SolutionSource,
  TestResult,
  validateProblemSolutions,
  withLimits,
} from '@app/sandbox';

const MAX_CACHED_PROBLEMS = 200;

function stored(t: TestResult): StoredTestResult {
  return { ...t, status: toVerdict(t.status) };
}

function internal(message: string): EngineResult {
  return { verdict: Verdict.INTERNAL_ERROR, score: 0, passed: 0, total: 0, compileError: null, warnings: [message], tests: [] };
}

/**
 * Binds the judging service to @app/sandbox's Judge. Validated problems are cached by
 * id@version: the same object each time, so the sandbox children keep their copy too.
 */
export class SandboxEngine implements JudgeEngine {
  private readonly judgeEngine: Judge;
  private readonly problems = new Map<string, Problem>();
  /** Per problem key: the problem with generated tests filled in, and its calibration for this engine. */
  private readonly prepared = new Map<string, Promise<{ problem: Problem; calibration: Calibration | null }>>();
  private readonly perLanguage = new Map<string, Problem>();

  constructor(opts: { sandboxes?: number; typeCheckBudgetMs?: number; typeCheckThreads?: number; cacheDir?: string | null } = {}) {
    this.judgeEngine = new Judge({
      size: opts.sandboxes,
      typeCheckBudgetMs: opts.typeCheckBudgetMs,
      typeCheckThreads: opts.typeCheckThreads,
      cacheDir: opts.cacheDir,
    });
  }

  sandboxPids(): number[] {
    return this.judgeEngine.sandboxPids();
  }

  private problem(key: string, doc: Record<string, unknown>): Problem {
    let p = this.problems.get(key);
    if (!p) {
      p = loadProblem(doc);
      if (this.problems.size >= MAX_CACHED_PROBLEMS) this.problems.delete(this.problems.keys().next().value as string);
      this.problems.set(key, p);
    }
    return p;
  }

  async judge(req: EngineRequest, onTest?: (result: StoredTestResult, index: number) => void): Promise<EngineResult> {
    let problem: Problem;
    try {
      problem = this.problem(req.problemKey, req.problem);
    } catch (e) {
      if (e instanceof ProblemValidationError) return internal(`the stored problem is invalid: ${e.message}`);
      throw e;
    }
    if (req.customInput) {
      const input = problem.mode === 'function' ? { args: (req.customInput.args ?? []) as JsonValue[] } : { stdin: req.customInput.stdin ?? '' };
      let r;
      try {
        r = await this.judgeEngine.runCode({ problem, language: toSandboxLanguage(req.language), source: req.source, input });
      } catch (e) {
        // Malformed or oversized custom input: the API validates it, so this is a last line of defence.
        if (e instanceof TypeError || e instanceof RangeError) {
          return { verdict: Verdict.RUNTIME_ERROR, score: 0, passed: 0, total: 1, compileError: null, warnings: [], tests: [{ name: 'custom input', status: Verdict.RUNTIME_ERROR, timeMs: 0, hidden: false, message: e.message }] };
        }
        throw e;
      }
      if (r.compileError) {
        return { verdict: Verdict.COMPILE_ERROR, score: 0, passed: 0, total: 1, compileError: r.compileError, warnings: r.warnings, tests: [] };
      }
      const t = r.result ? stored(r.result) : null;
      if (t) onTest?.(t, 0);
      return {
        verdict: t?.status ?? Verdict.INTERNAL_ERROR,
        score: 0,
        passed: t?.status === Verdict.ACCEPTED ? 1 : 0,
        total: 1,
        compileError: null,
        warnings: r.warnings,
        tests: t ? [t] : [],
      };
    }
    const language = toSandboxLanguage(req.language);
    // Performance tests need their limits, and generated ones their data, before any run (hidden
    // ones are skipped by a visible-only run, and generated tests are always hidden).
    if (problem.tests.some((t) => t.kind === 'performance') && !req.visibleOnly) {
      try {
        problem = await this.performanceReady(req, problem, language);
      } catch (e) {
        if (e instanceof MaterializeError || e instanceof CalibrationError) return internal(`the problem's performance tests cannot be prepared: ${e.message}`);
        throw e;
      }
    }
    const r = await this.judgeEngine.judge({ problem, language, source: req.source, visibleOnly: req.visibleOnly }, (t, i) => onTest?.(stored(t), i));
    return { ...r, verdict: toVerdict(r.verdict), tests: r.tests.map(stored) };
  }

  /**
   * The problem as judged in `language`: generated tests filled in (generator, first reference)
   * and CPU limits from the stored calibration, or calibrated here once per problem version when
   * none was stored for this engine. Kept per problem key and language, so the sandbox children
   * keep their copy too.
   */
  private async performanceReady(req: Pick<EngineRequest, 'problemKey' | 'referenceSolutions' | 'calibration'>, problem: Problem, language: SolutionSource['language']): Promise<Problem> {
    const key = `${req.problemKey}/${language}`;
    const known = this.perLanguage.get(key);
    if (known) return known;
    const { problem: filled, calibration } = await this.preparation(req, problem);
    const ready = withLimits(filled, calibration, language);
    if (this.perLanguage.size >= MAX_CACHED_PROBLEMS) this.perLanguage.delete(this.perLanguage.keys().next().value as string);
    this.perLanguage.set(key, ready);
    return ready;
  }

  private preparation(req: Pick<EngineRequest, 'problemKey' | 'referenceSolutions' | 'calibration'>, problem: Problem): Promise<{ problem: Problem; calibration: Calibration | null }> {
    let p = this.prepared.get(req.problemKey);
    if (!p) {
      const refs: SolutionSource[] = req.referenceSolutions ?? [];
      const stored: Calibration | null | undefined = req.calibration;
      p = (async () => {
        const filled = await materialize(this.judgeEngine, problem, refs[0]);
        if (stored && stored.engine === engineFingerprint()) return { problem: filled, calibration: stored };
        if (!performanceIndices(filled).length || !refs.length) return { problem: filled, calibration: null };
        const calibration: Calibration = { engine: engineFingerprint(), measuredAt: new Date().toISOString(), figures: [] };
        for (const ref of referencePerLanguage(refs)) {
          try {
            calibration.figures.push(...(await calibrate(this.judgeEngine, filled, [ref])).figures);
          } catch (e) {
            if (!(e instanceof CalibrationError)) throw e;
            // That language keeps the problem's own wall limit; validation reports the failure.
          }
        }
        return { problem: filled, calibration };
      })();
      p.catch(() => this.prepared.delete(req.problemKey));
      if (this.prepared.size >= MAX_CACHED_PROBLEMS) this.prepared.delete(this.prepared.keys().next().value as string);
      this.prepared.set(req.problemKey, p);
    }
    return p;
  }

  /** Validation's second half: calibration and the known-wrong solutions (the references were judged as submissions). */
  async checkSolutions(req: SolutionsCheckRequest): Promise<SolutionsCheck> {
    let problem: Problem;
    try {
      problem = this.problem(req.problemKey, req.problem);
    } catch (e) {
      if (e instanceof ProblemValidationError) return { calibration: null, report: { problems: [e.message] }, problems: [e.message] };
      throw e;
    }
    const refs: SolutionSource[] = req.referenceSolutions;
    const prepared = await this.preparation(req, problem).catch(() => null);
    const v = await validateProblemSolutions(
      this.judgeEngine,
      { problem, referenceSolutions: refs, wrongSolutions: req.wrongSolutions },
      { calibration: prepared?.calibration ?? null },
    );
    const report = {
      wrongSolutions: v.wrongSolutions,
      calibration: (v.calibration?.figures ?? []).map((f) => ({ test: f.test, language: f.language, referenceMedianMs: f.referenceMedianMs, runs: f.runs, limitMs: f.limitMs })),
      problems: v.problems,
      warnings: v.warnings,
    };
    return { calibration: v.calibration, report, problems: v.problems };
  }

  close(): Promise<void> {
    return this.judgeEngine.close();
  }
}
