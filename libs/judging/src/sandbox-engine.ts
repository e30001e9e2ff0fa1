import { StoredTestResult, Verdict } from '@app/domain';
import { EngineRequest, EngineResult, JudgeEngine } from './engine.port';
import { toSandboxLanguage } from './language-bridge';
import { toVerdict } from './verdict-bridge';
import { Judge, JsonValue, loadProblem, Problem, ProblemValidationError, TestResult } from '@app/sandbox';

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

  constructor(opts: { sandboxes?: number; typeCheckBudgetMs?: number; typeCheckThreads?: number } = {}) {
    this.judgeEngine = new Judge({ size: opts.sandboxes, typeCheckBudgetMs: opts.typeCheckBudgetMs, typeCheckThreads: opts.typeCheckThreads });
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
    const r = await this.judgeEngine.judge({ problem, language: toSandboxLanguage(req.language), source: req.source, visibleOnly: req.visibleOnly }, (t, i) =>
      onTest?.(stored(t), i),
    );
    return { ...r, verdict: toVerdict(r.verdict), tests: r.tests.map(stored) };
  }

  close(): Promise<void> {
    return this.judgeEngine.close();
  }
}
