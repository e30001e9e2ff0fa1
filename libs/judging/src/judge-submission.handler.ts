import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { CLOCK, Clock, Logger } from '@app/common';
import { LOGGER } from '@app/core';
import { ProblemEntity, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { JudgeSubmissionJobData } from '@app/queue';
import { EngineResult, JUDGE_ENGINE, JudgeEngine, problemKey } from './engine.port';
import { ProblemValidationRecorder } from './problem-validation.recorder';
import { eventOf, SubmissionPublisher } from './submission-events';
import { SubmissionsService } from './submissions.service';

export const SUBMISSION_PUBLISHER = Symbol('SUBMISSION_PUBLISHER');

export type HandleOutcome = 'judged' | 'already-finished' | 'missing';

/**
 * Progress events (one per test) are coalesced to at most one per this many ms, counted from the
 * RUNNING event: a submission judged faster than this publishes RUNNING and its verdict only. The
 * verdict always goes out.
 */
const PROGRESS_INTERVAL_MS = 50;
const MAX_CACHED_PROBLEMS = 200;

/**
 * Judges one submission. Safe to run twice for the same submission (a retried or stalled
 * job): the final verdict is written with a conditional UPDATE, so exactly one run writes it
 * and the other finds nothing to do.
 */
@Injectable()
export class JudgeSubmissionHandler {
  // A problem version never changes (an edit bumps the version), so it is safe to keep.
  private readonly problemCache = new Map<string, ProblemEntity>();

  constructor(
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    @Inject(JUDGE_ENGINE) private readonly engine: JudgeEngine,
    @Inject(SUBMISSION_PUBLISHER) private readonly publisher: SubmissionPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly validations: ProblemValidationRecorder,
    private readonly admission: SubmissionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(data: JudgeSubmissionJobData): Promise<HandleOutcome> {
    const s = await this.submissions.findOneBy({ id: data.submissionId });
    if (!s) return 'missing';
    if (s.state === SubmissionState.FINISHED) return 'already-finished';
    const started = await this.submissions
      .createQueryBuilder()
      .update()
      .set({ state: SubmissionState.RUNNING, startedAt: this.clock.now(), judgeAttempts: () => '"judgeAttempts" + 1' })
      .where('id = :id AND state <> :finished', { id: s.id, finished: SubmissionState.FINISHED })
      .execute();
    if (!started.affected) return 'already-finished';
    s.state = SubmissionState.RUNNING;
    await this.publisher.publish(eventOf(s, this.clock.now(), []));

    const problem = await this.problemVersion(s.problemId, s.problemVersion);
    let result: EngineResult;
    if (!problem) {
      result = internal(`problem ${s.problemId} no longer exists`);
    } else {
      const soFar: StoredTestResult[] = [];
      let lastSent = this.clock.now().getTime();
      let pending: NodeJS.Timeout | undefined;
      const send = () => {
        pending = undefined;
        lastSent = this.clock.now().getTime();
        void this.publisher.publish(eventOf(s, this.clock.now(), [...soFar]));
      };
      result = await this.engine.judge(
        {
          problem: problem.definition,
          problemKey: problemKey(problem),
          language: s.language,
          source: s.source,
          customInput: s.customInput,
          visibleOnly: s.kind === SubmissionKind.RUN,
          referenceSolutions: problem.referenceSolutions,
          calibration: problem.calibration,
        },
        (t) => {
          soFar.push(t);
          if (pending) return;
          const wait = lastSent + PROGRESS_INTERVAL_MS - this.clock.now().getTime();
          if (wait <= 0) send();
          else pending = setTimeout(send, wait);
        },
      );
      clearTimeout(pending);
    }
    await this.finish(s, result);
    return 'judged';
  }

  private async problemVersion(id: string, version: number): Promise<ProblemEntity | null> {
    const key = `${id}@${version}`;
    const cached = this.problemCache.get(key);
    if (cached) return cached;
    const p = await this.problems.findOneBy({ id });
    // Only the version the submission was made against is worth keeping.
    if (p && p.version === version) {
      if (this.problemCache.size >= MAX_CACHED_PROBLEMS) this.problemCache.delete(this.problemCache.keys().next().value as string);
      this.problemCache.set(key, p);
    }
    return p;
  }

  /** Writes the final verdict once; a second writer changes nothing. Returns true if it wrote. */
  async finish(s: SubmissionEntity, result: EngineResult): Promise<boolean> {
    const values = {
      state: SubmissionState.FINISHED,
      verdict: result.verdict,
      score: result.score,
      passed: result.passed,
      total: result.total,
      compileError: result.compileError,
      warnings: result.warnings,
      results: result.tests,
      finishedAt: this.clock.now(),
    };
    // simple-json columns: TypeORM's deep-partial type cannot express `unknown` inside them.
    const written = await this.submissions.update({ id: s.id, state: Not(SubmissionState.FINISHED) }, values as Partial<SubmissionEntity> as never);
    if (!written.affected) return false;
    Object.assign(s, values);
    this.logger.info({ submissionId: s.id, verdict: s.verdict, score: s.score }, 'submission judged');
    await this.publisher.publish(eventOf(s, this.clock.now()));
    if (s.kind === SubmissionKind.VALIDATION) await this.validations.record(s.problemId, s.problemVersion, this.engine);
    // Its slot is free: the candidate's next waiting submission (if any) joins the end of the queue.
    await this.admission.admitNext(s.userId);
    return true;
  }

  /** Called when retries are exhausted: the submission still reaches a verdict. */
  async giveUp(submissionId: string, reason: string): Promise<void> {
    const s = await this.submissions.findOneBy({ id: submissionId });
    if (s && s.state !== SubmissionState.FINISHED) await this.finish(s, internal(reason));
  }
}

function internal(message: string): EngineResult {
  return { verdict: Verdict.INTERNAL_ERROR, score: 0, passed: 0, total: 0, compileError: null, warnings: [message], tests: [] };
}
