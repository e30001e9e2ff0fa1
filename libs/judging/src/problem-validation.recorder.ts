import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ValidationReport } from '@app/contracts';
import { CLOCK, Clock } from '@app/common';
import { ProblemEntity, ProblemValidationStatus, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';

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

  async record(problemId: string, version: number): Promise<ProblemValidationStatus | null> {
    const problem = await this.problems.findOneBy({ id: problemId });
    if (!problem || problem.version !== version) return null;
    const runs = await this.submissions.find({
      where: { problemId, problemVersion: version, kind: SubmissionKind.VALIDATION },
      order: { createdAt: 'ASC' },
    });
    // Only the latest request's runs count: one per reference solution.
    const latest = runs.slice(-problem.referenceSolutions.length);
    if (latest.length < problem.referenceSolutions.length || latest.some((r) => r.state !== SubmissionState.FINISHED)) return null;
    const status = latest.every((r) => r.verdict === Verdict.ACCEPTED) ? ProblemValidationStatus.VALID : ProblemValidationStatus.INVALID;
    const report: ValidationReport = {
      version,
      validatedAt: this.clock.now().toISOString(),
      solutions: latest.map((r) => ({
        submissionId: r.id,
        language: r.language,
        verdict: r.verdict,
        score: r.score,
        passed: r.passed,
        total: r.total,
        compileError: r.compileError,
        failing: (r.results ?? []).filter((t) => t.status !== Verdict.ACCEPTED).map((t) => ({ name: t.name, status: t.status, message: t.message ?? null })),
        tests: (r.results ?? []).map((t) => ({ name: t.name, status: t.status })),
      })),
    };
    const res = await this.problems.update({ id: problemId, version }, { validationStatus: status, validationReport: report });
    return res.affected ? status : null;
  }
}
