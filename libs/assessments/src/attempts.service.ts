import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppError, CLOCK, Clock, Logger } from '@app/common';
import {
  AssessmentEntity,
  AttemptEntity,
  AttemptStatus,
  Language,
  ProblemEntity,
  ProblemValidationStatus,
  SubmissionEntity,
  SubmissionKind,
  SubmissionState,
  Verdict,
} from '@app/domain';
import { LOGGER } from '@app/core';
import { SubmissionsService } from '@app/judging';
import { CUSTOM_INPUT_MAX_BYTES, sourceLimitKb } from '@app/sandbox';
import { hashToken } from './assessments.service';
import { ATTEMPT_LIMITS, AttemptLimits } from './attempt-limits';
import { acceptsSubmissions, computeDeadline, invitationExpired } from './deadline';
import { ProblemDocument, problemLanguages } from './candidate-view';
import { bestSubmission, problemPoints, totalPoints } from './points';
import { ProblemsService } from './problems.service';
import { TimelineService } from './timeline/timeline.service';


export interface ProblemResult {
  problemId: string;
  position: number;
  points: number;
  bestScore: number;
  pointsEarned: number;
  bestVerdict: Verdict | null;
  verdicts: Verdict[];
  submissionsCount: number;
  /** Seconds from the start of the attempt to the first submission reaching the best score. */
  timeTakenSeconds: number | null;
  submissions: SubmissionEntity[];
}

export interface AttemptResults {
  attempt: AttemptEntity;
  assessment: AssessmentEntity;
  pointsPossible: number;
  pointsEarned: number;
  /** pointsEarned / pointsPossible, 0-1. */
  score: number;
  problems: ProblemResult[];
}

/**
 * A candidate's timed attempt. The server owns the clock: it sets startedAt and the deadline
 * and refuses submissions after it (with a small grace for requests in flight).
 */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(SubmissionEntity) private readonly submissionRepo: Repository<SubmissionEntity>,
    private readonly submissions: SubmissionsService,
    private readonly problems: ProblemsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTEMPT_LIMITS) private readonly limits: AttemptLimits,
    private readonly timeline: TimelineService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The timeline's RUN/SUBMIT event and the exact code, recorded once the judge has the
   * submission. Evidence only: a failure here is logged and never costs the candidate the run.
   */
  private async recordAction(s: SubmissionEntity, kind: 'RUN' | 'SUBMIT', customInput: boolean): Promise<SubmissionEntity> {
    try {
      await this.timeline.recordAction(s.attemptId!, s.id, kind, s.problemId, s.language, s.source, customInput);
    } catch (e) {
      this.logger.warn({ attemptId: s.attemptId, submissionId: s.id, err: (e as Error).message }, 'could not record the run or submission in the timeline');
    }
    return s;
  }

  /** Past its deadline an unfinished attempt counts as finished, whether or not anyone closed it. */
  effectiveStatus(a: AttemptEntity, now = this.clock.now()): AttemptStatus {
    if (a.status === AttemptStatus.IN_PROGRESS && a.deadline && !acceptsSubmissions(a.deadline, now, 0)) return AttemptStatus.FINISHED;
    return a.status;
  }

  async start(token: string, candidateId: string): Promise<AttemptEntity> {
    const attempt = await this.attempts.findOneBy({ tokenHash: hashToken(token) });
    // Someone else's token is as good as no token: NOT_FOUND, never a hint that it exists.
    if (!attempt || attempt.candidateId !== candidateId) throw AppError.notFound('Invitation');
    if (attempt.status !== AttemptStatus.INVITED) {
      throw AppError.conflict('This invitation was already used to start the assessment; open it from your attempts');
    }
    const now = this.clock.now();
    if (invitationExpired(attempt, now)) {
      throw AppError.precondition(`This invitation expired on ${attempt.invitationExpiresAt!.toISOString()}: it counts as not taken`);
    }
    const assessment = await this.assessmentOf(attempt);
    const deadline = computeDeadline(now, assessment.durationMinutes, attempt.extraTimePercent);
    // Conditional update: two concurrent starts with one token, one wins.
    const res = await this.attempts.update(
      { id: attempt.id, status: AttemptStatus.INVITED },
      { status: AttemptStatus.IN_PROGRESS, startedAt: now, deadline },
    );
    if (!res.affected) throw AppError.conflict('This invitation was already used to start the assessment');
    return Object.assign(attempt, { status: AttemptStatus.IN_PROGRESS, startedAt: now, deadline });
  }

  /** The candidate's own attempt; anyone else's is NOT_FOUND. */
  async mine(attemptId: string, candidateId: string): Promise<AttemptEntity> {
    const a = await this.attempts.findOneBy({ id: attemptId });
    if (!a || a.candidateId !== candidateId) throw AppError.notFound('Attempt', attemptId);
    return a;
  }

  async get(attemptId: string): Promise<AttemptEntity> {
    const a = await this.attempts.findOneBy({ id: attemptId });
    if (!a) throw AppError.notFound('Attempt', attemptId);
    return a;
  }

  listForCandidate(candidateId: string): Promise<AttemptEntity[]> {
    return this.attempts.find({ where: { candidateId }, order: { createdAt: 'DESC' } });
  }

  assessmentOf(a: AttemptEntity): Promise<AssessmentEntity> {
    return this.assessments.findOneByOrFail({ id: a.assessmentId });
  }

  private async openFor(attemptId: string, candidateId: string, problemId: string): Promise<{ attempt: AttemptEntity; assessment: AssessmentEntity }> {
    const attempt = await this.mine(attemptId, candidateId);
    if (attempt.status === AttemptStatus.INVITED) throw AppError.precondition('Start the assessment first');
    if (attempt.status === AttemptStatus.FINISHED) throw AppError.precondition('The assessment is finished; no more submissions');
    const now = this.clock.now();
    if (!attempt.deadline || !acceptsSubmissions(attempt.deadline, now)) {
      throw AppError.precondition(`Time is up: the deadline was ${attempt.deadline?.toISOString() ?? 'unset'}`);
    }
    const assessment = await this.assessmentOf(attempt);
    if (!assessment.problems.some((p) => p.problemId === problemId)) throw AppError.notFound('Problem', problemId);
    return { attempt, assessment };
  }

  async submit(attemptId: string, candidateId: string, problemId: string, language: Language, source: string, idempotencyKey?: string | null): Promise<SubmissionEntity> {
    return this.store(attemptId, candidateId, { kind: SubmissionKind.SUBMISSION, problemId, language, source, customInput: null, idempotencyKey });
  }

  /** Unscored run against the visible tests, or against the candidate's own input. Rate-limited. */
  async run(
    attemptId: string,
    candidateId: string,
    problemId: string,
    language: Language,
    source: string,
    customInput: { stdin?: string; args?: unknown[] } | null,
    idempotencyKey?: string | null,
  ): Promise<SubmissionEntity> {
    return this.store(attemptId, candidateId, { kind: SubmissionKind.RUN, problemId, language, source, customInput, idempotencyKey });
  }

  /**
   * A retry with an idempotency key already stored for this attempt gets the first submission
   * back, whatever happened since (the deadline, the rate limit): that request was accepted.
   */
  private async store(
    attemptId: string,
    candidateId: string,
    req: { kind: SubmissionKind; problemId: string; language: Language; source: string; customInput: { stdin?: string; args?: unknown[] } | null; idempotencyKey?: string | null },
  ): Promise<SubmissionEntity> {
    const idempotencyKey = checkIdempotencyKey(req.idempotencyKey);
    const keyed = { ...req, idempotencyKey, userId: candidateId, attemptId };
    const first = await this.submissions.findByIdempotencyKey(keyed);
    if (first) return first;
    const { attempt } = await this.openFor(attemptId, candidateId, req.problemId);
    const problem = await this.problems.get(req.problemId);
    checkSource(problem.definition, req.source);
    checkLanguage(problem.definition as ProblemDocument, req.language);
    if (req.customInput) checkCustomInput(String(problem.definition.mode), req.customInput);
    const limit = req.kind === SubmissionKind.RUN ? this.limits.runs : this.limits.submissions;
    // Counted only once the request is otherwise valid: a refused one costs the candidate nothing.
    await limit.consume(candidateId);
    const { submission, created } = await this.submissions.createOnce({
      kind: req.kind,
      problemId: req.problemId,
      problemVersion: problem.version,
      userId: candidateId,
      attemptId: attempt.id,
      language: req.language,
      source: req.source,
      customInput: req.customInput,
      idempotencyKey,
    });
    // A racing retry stored it first: this call made nothing new.
    if (!created) {
      await limit.refund(candidateId);
      return submission;
    }
    return this.recordAction(submission, req.kind === SubmissionKind.RUN ? 'RUN' : 'SUBMIT', req.customInput !== null);
  }

  /**
   * The practice problems the candidate of this attempt may try, before starting it or while
   * it runs (not once finished: the warm-up belongs to the assessment's page).
   */
  async practiceProblems(attemptId: string, candidateId: string): Promise<ProblemEntity[]> {
    await this.practiceOpen(attemptId, candidateId);
    return this.problems.practiceProblems();
  }

  /**
   * A practice submission: judged on every test like a scored one, but tied to no attempt, so
   * it never reaches the attempt's score, its results, the shortlist or the timer (which it
   * neither needs nor starts). Rate-limited as a run.
   */
  async practice(attemptId: string, candidateId: string, problemId: string, language: Language, source: string): Promise<SubmissionEntity> {
    await this.practiceOpen(attemptId, candidateId);
    const problem = await this.problems.get(problemId);
    if (!problem.practice || problem.validationStatus !== ProblemValidationStatus.VALID) throw AppError.notFound('Practice problem', problemId);
    checkSource(problem.definition, source);
    checkLanguage(problem.definition as ProblemDocument, language);
    await this.limits.runs.consume(candidateId);
    return this.submissions.create({
      kind: SubmissionKind.PRACTICE,
      problemId,
      problemVersion: problem.version,
      userId: candidateId,
      attemptId: null,
      language,
      source,
    });
  }

  private async practiceOpen(attemptId: string, candidateId: string): Promise<AttemptEntity> {
    const attempt = await this.mine(attemptId, candidateId);
    if (this.effectiveStatus(attempt) === AttemptStatus.FINISHED)
      throw AppError.precondition("The assessment is finished; practice is offered before and during it");
    return attempt;
  }

  async finish(attemptId: string, candidateId: string): Promise<AttemptEntity> {
    const attempt = await this.mine(attemptId, candidateId);
    if (attempt.status === AttemptStatus.INVITED) throw AppError.precondition('The assessment was never started');
    if (attempt.status === AttemptStatus.FINISHED) return attempt;
    const now = this.clock.now();
    const finishedAt = attempt.deadline && now > attempt.deadline ? attempt.deadline : now;
    await this.attempts.update({ id: attempt.id, status: AttemptStatus.IN_PROGRESS }, { status: AttemptStatus.FINISHED, finishedAt });
    return Object.assign(attempt, { status: AttemptStatus.FINISHED, finishedAt });
  }

  submissionsOf(attemptId: string, kinds: SubmissionKind[] = [SubmissionKind.SUBMISSION]): Promise<SubmissionEntity[]> {
    return this.submissionRepo.find({ where: { attemptId, kind: In(kinds) }, order: { createdAt: 'ASC' } });
  }

  /** Per problem: best score (the best counts), verdicts, time to the best, count, and every submission. */
  async results(attemptId: string): Promise<AttemptResults> {
    const attempt = await this.get(attemptId);
    const assessment = await this.assessmentOf(attempt);
    const subs = await this.submissionsOf(attemptId);
    return summarize(attempt, assessment, subs);
  }
}

export const IDEMPOTENCY_KEY_MAX = 100;
/** Printable ASCII without spaces, at most IDEMPOTENCY_KEY_MAX characters (the limit written once). */
const IDEMPOTENCY_KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);

/** A client's idempotency key: 1 to IDEMPOTENCY_KEY_MAX printable ASCII characters (a UUID fits), or none. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === undefined || key === null) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw AppError.badInput([{ field: 'idempotencyKey', message: `must be 1-${IDEMPOTENCY_KEY_MAX} printable ASCII characters without spaces (a UUID will do)` }]);
  }
  return key;
}

/**
 * The source must fit its problem's own limit (`limits.sourceKb`, UTF-8 bytes), the one the judge
 * applies: the API's input type admits up to the ceiling any problem may set (SOURCE_KB_MAX).
 */
export function checkSource(doc: Pick<ProblemDocument, 'limits'>, source: string): void {
  const kb = sourceLimitKb(doc);
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > kb * 1024) {
    throw AppError.badInput([{ field: 'source', message: `must be at most ${kb} KB, this problem's limit (it is ${Math.ceil(bytes / 1024)} KB)` }]);
  }
}

/** Custom input must fit the problem's mode: arguments for a function, stdin for a program. */
export function checkCustomInput(mode: string, input: { stdin?: string; args?: unknown[] }): void {
  if (mode === 'sql') {
    // An SQL run needs tables, not stdin or arguments: it runs against the visible examples.
    throw AppError.badInput([{ field: 'customInput', message: 'SQL problems run against their examples: omit customInput' }]);
  }
  if (mode === 'function' && !Array.isArray(input.args)) {
    throw AppError.badInput([{ field: 'customInput.args', message: 'this problem takes function arguments: give args as a JSON array' }]);
  }
  if (mode === 'stdio' && typeof input.stdin !== 'string') {
    throw AppError.badInput([{ field: 'customInput.stdin', message: 'this problem reads standard input: give stdin as a string' }]);
  }
  if (Buffer.byteLength(JSON.stringify(input), 'utf8') > CUSTOM_INPUT_MAX_BYTES) {
    throw AppError.badInput([{ field: 'customInput', message: `must be at most ${CUSTOM_INPUT_MAX_BYTES / 1024 / 1024} MB as JSON` }]);
  }
}

export function summarize(attempt: AttemptEntity, assessment: AssessmentEntity, subs: SubmissionEntity[]): AttemptResults {
  const problems = assessment.problems.map((ref, position): ProblemResult => {
    const mine = subs.filter((s) => s.problemId === ref.problemId);
    const judged = mine.filter((s) => s.state === SubmissionState.FINISHED);
    const best = bestSubmission(judged);
    const bestScore = best?.score ?? 0;
    return {
      problemId: ref.problemId,
      position,
      points: ref.points,
      bestScore,
      pointsEarned: problemPoints(bestScore, ref.points),
      bestVerdict: best?.verdict ?? null,
      verdicts: judged.map((s) => s.verdict as Verdict),
      submissionsCount: mine.length,
      timeTakenSeconds: best && attempt.startedAt ? Math.max(0, Math.round((best.createdAt.getTime() - attempt.startedAt.getTime()) / 1000)) : null,
      submissions: mine,
    };
  });
  return { attempt, assessment, ...totalPoints(problems), problems };
}

/** Refused before it costs the candidate a submission: the judge would only answer COMPILE_ERROR. */
function checkLanguage(doc: ProblemDocument, language: string): void {
  const accepted = problemLanguages(doc);
  if (!accepted.includes(language)) {
    throw AppError.badInput([{ field: 'language', message: `this problem accepts ${accepted.join(', ')}; got ${language}` }]);
  }
}
