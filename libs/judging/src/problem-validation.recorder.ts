import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ValidationReport } from '@app/contracts';
import { CLOCK, Clock } from '@app/common';
import { ProblemEntity, ProblemValidationStatus, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { splitScores, type ExplainedTest } from '@app/sandbox';
import { problemKey, type JudgeEngine, type SolutionsCheck } from './engine.port';

/**
 * After each VALIDATION submission finishes: when every reference solution of that problem
 * version has a verdict, the problem becomes VALID (all ACCEPTED) or INVALID, with the report
 * kept. A newer version started meanwhile is left alone.
 */
@Injectable()
export class ProblemValidationRecorder {
  constructor(
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `engine`: when given (the worker's), the known-wrong solutions are judged too and the
   * performance tests calibrated (JudgeEngine.checkSolutions), once every reference has a verdict.
   */
  async record(problemId: string, version: number, engine?: JudgeEngine): Promise<ProblemValidationStatus | null> {
    const problem = await this.problems.findOneBy({ id: problemId });
    if (!problem || problem.version !== version) return null;
    const runs = await this.submissions.find({
      where: { problemId, problemVersion: version, kind: SubmissionKind.VALIDATION },
      order: { createdAt: 'ASC' },
    });
    // Only the latest request's runs count: one per reference solution.
    const latest = runs.slice(-problem.referenceSolutions.length);
    if (latest.length < problem.referenceSolutions.length || latest.some((r) => r.state !== SubmissionState.FINISHED)) return null;
    const references = latest.map((r) => ({ ...splitScores((r.results ?? []) as ExplainedTest[]) }));
    let check: SolutionsCheck | null = null;
    const hasPerformance = ((problem.definition.tests ?? []) as Array<{ kind?: string }>).some((t) => t.kind === 'performance');
    if (engine?.checkSolutions && (problem.wrongSolutions?.length || hasPerformance)) {
      check = await engine.checkSolutions({
        problem: problem.definition,
        problemKey: problemKey(problem),
        referenceSolutions: problem.referenceSolutions,
        wrongSolutions: problem.wrongSolutions ?? [],
        calibration: problem.calibration,
      });
    }
    // A reference run out of time on performance tests only stands or falls by the check's own
    // judgement of it (which measures the limits again when they prove too tight for this
    // machine: validation.ts); the check's problems name it if it failed there too.
    const passed = (r: SubmissionEntity) =>
      r.verdict === Verdict.ACCEPTED ||
      (check !== null && (r.results ?? []).every((t) => t.status === Verdict.ACCEPTED || (t.kind === 'performance' && t.status === Verdict.TIME_LIMIT_EXCEEDED)));
    const status = latest.every(passed) && !check?.problems.length ? ProblemValidationStatus.VALID : ProblemValidationStatus.INVALID;
    const report: ValidationReport = {
      ...(check?.report ?? {}),
      version,
      validatedAt: this.clock.now().toISOString(),
      solutions: latest.map((r, i) => ({
        submissionId: r.id,
        language: r.language,
        verdict: r.verdict,
        score: r.score,
        passed: r.passed,
        total: r.total,
        compileError: r.compileError,
        failing: (r.results ?? []).filter((t) => t.status !== Verdict.ACCEPTED).map((t) => ({ name: t.name, status: t.status, message: t.message ?? null })),
        tests: (r.results ?? []).map((t) => ({ name: t.name, status: t.status })),
        correctness: references[i].correctness,
        performance: references[i].performance,
      })),
    };
    const res = await this.problems.update(
      { id: problemId, version },
      { validationStatus: status, validationReport: report, ...(check ? { calibration: check.calibration } : {}) },
    );
    return res.affected ? status : null;
  }
}
