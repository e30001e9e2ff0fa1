import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { fragment, SqlFragment } from '@app/common';
import { AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity, Verdict } from '@app/domain';
import { SubmissionReads } from '@app/judging';
import { AttemptResults, summarize } from './attempts.service';
import { invitationExpired } from './deadline';
import { bestSubmission, problemPoints, totalPoints } from './points';
import { scoresApart } from './submission-views';

/** An application's assessment points: every assessment of the job it started, the best submission per problem counting. */
export interface ApplicationPoints {
  pointsEarned: number;
  pointsPossible: number;
  /** Only expired invitations, nothing started: the assessment was not taken (0 points of its possible). */
  notTaken?: boolean;
}

export interface JobPoints {
  byApplication: Map<string, ApplicationPoints>;
  /** The earliest invitation expiry still ahead: a ranking computed now turns stale then. */
  nextExpiry: Date | null;
  /** Per application, its earliest invitation expiry still ahead: its points change then. */
  expiries: Map<string, Date>;
}

/** One problem of an application's assessment as its best submission left it: points, and correctness and performance apart. */
export interface ProblemOutcome {
  assessmentId: string;
  problemId: string;
  title: string;
  points: number;
  pointsEarned: number;
  bestScore: number;
  /** Null while no submission is judged. */
  verdict: Verdict | null;
  correctness: number | null;
  performance: number | null;
  /** Both in words, e.g. "correct on all cases; too slow on large inputs (n = 100000): ..."; null while no submission is judged. */
  explanation: string | null;
}

/**
 * The reads other domains make of assessments (rubrics: an interviewer's results; the shortlist:
 * points per application and what moves them). Assessments owns the SQL over its tables
 * (assessments, attempts, problems) and asks judging for submissions; callers never name a table.
 */
@Injectable()
export class AssessmentResultsService {
  constructor(
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    private readonly submissions: SubmissionReads,
  ) {}

  /**
   * Points earned over points possible per application, across the job's assessments the
   * candidate started (per problem the best judged submission of any attempt at it counts),
   * totalled by the rule of ./points. An invitation that expired before it was started counts
   * its assessment's points as possible with 0 earned; with nothing started the result says
   * notTaken. Skipping never pays more than failing. Four queries whatever the number of
   * applications; `applicationIds` restricts them to some applications (what changed).
   */
  async pointsByApplication(jobId: string, now: Date, applicationIds?: readonly string[]): Promise<JobPoints> {
    if (applicationIds && !applicationIds.length) return { byApplication: new Map(), nextExpiry: null, expiries: new Map() };
    const ofJob = () => {
      const qb = this.attempts
        .createQueryBuilder('att')
        .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
        .where('asmt.jobId = :pointsJobId', { pointsJobId: jobId });
      return applicationIds ? qb.andWhere('att.applicationId IN (:...pointsAppIds)', { pointsAppIds: [...applicationIds] }) : qb;
    };
    const started = () => ofJob().andWhere('att.startedAt IS NOT NULL');
    const [assessments, attempts, best, invited] = await Promise.all([
      this.assessments.findBy({ jobId }),
      started()
        .select('att.id', 'id')
        .addSelect('att.applicationId', 'applicationId')
        .addSelect('att.assessmentId', 'assessmentId')
        .getRawMany<{ id: string; applicationId: string; assessmentId: string }>(),
      this.submissions.bestScores(fragment(started().select('att.id'))),
      // Entities, not raw rows: the Date columns read back alike on both engines.
      ofJob().andWhere('att.startedAt IS NULL').andWhere('att.invitationExpiresAt IS NOT NULL').getMany(),
    ]);
    // application -> assessment -> problem -> best score over its attempts at that assessment
    const attemptById = new Map(attempts.map((t) => [t.id, t]));
    const perApp = new Map<string, Map<string, Map<string, number>>>();
    for (const t of attempts) {
      const byAssessment = perApp.get(t.applicationId) ?? new Map<string, Map<string, number>>();
      if (!byAssessment.has(t.assessmentId)) byAssessment.set(t.assessmentId, new Map());
      perApp.set(t.applicationId, byAssessment);
    }
    for (const r of best) {
      const t = attemptById.get(r.attemptId);
      const scores = t && perApp.get(t.applicationId)?.get(t.assessmentId);
      if (scores) scores.set(r.problemId, Math.max(scores.get(r.problemId) ?? 0, r.best));
    }
    // Expired invitations: their assessments count, every problem at 0.
    let nextExpiry: Date | null = null;
    const expiries = new Map<string, Date>();
    const expiredOnly = new Set<string>();
    for (const t of invited) {
      if (!invitationExpired(t, now)) {
        if (!nextExpiry || t.invitationExpiresAt! < nextExpiry) nextExpiry = t.invitationExpiresAt;
        const mine = expiries.get(t.applicationId);
        if (!mine || t.invitationExpiresAt! < mine) expiries.set(t.applicationId, t.invitationExpiresAt!);
        continue;
      }
      const byAssessment = perApp.get(t.applicationId) ?? new Map<string, Map<string, number>>();
      if (!perApp.has(t.applicationId)) expiredOnly.add(t.applicationId);
      if (!byAssessment.has(t.assessmentId)) byAssessment.set(t.assessmentId, new Map());
      perApp.set(t.applicationId, byAssessment);
    }
    const byId = new Map(assessments.map((x) => [x.id, x]));
    const out = new Map<string, ApplicationPoints>();
    for (const [applicationId, byAssessment] of perApp) {
      const problems = [...byAssessment].flatMap(([assessmentId, scores]) =>
        (byId.get(assessmentId)?.problems ?? []).map((p) => ({ points: p.points, bestScore: scores.get(p.problemId) ?? 0 })),
      );
      const { pointsEarned, pointsPossible } = totalPoints(problems);
      out.set(applicationId, expiredOnly.has(applicationId) ? { pointsEarned, pointsPossible, notTaken: true } : { pointsEarned, pointsPossible });
    }
    return { byApplication: out, nextExpiry, expiries };
  }

  /**
   * What may have moved the points of a job's applications since `since` (a stored timestamp as
   * text), as subqueries of `id`, `applicationId` and `stamp` for one statement (selectChanges
   * in @app/common): attempts created, started, finished or re-invited; scored submissions
   * judged (judging's rows, joined here to the job's attempts); the job's assessments edited.
   */
  changesSince(jobId: string, since: string): { attempts: SqlFragment; submissions: SqlFragment; assessments: SqlFragment } {
    const judged = this.submissions.finishedSince(since);
    return {
      attempts: fragment(
        this.attempts
          .createQueryBuilder('att')
          .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
          .select('att.id', 'id')
          .addSelect('att.applicationId', 'applicationId')
          .addSelect('CAST(att.updatedAt AS TEXT)', 'stamp')
          .where('att.updatedAt > :changedSince', { changedSince: since })
          .andWhere('asmt.jobId = :changesJobId', { changesJobId: jobId }),
      ),
      submissions: fragment(
        this.attempts
          .createQueryBuilder('att')
          .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
          .innerJoin(`(${judged.sql})`, 'judged', 'judged."attemptId" = att.id')
          .select('judged.id', 'id')
          .addSelect('att.applicationId', 'applicationId')
          .addSelect('judged.stamp', 'stamp')
          .where('asmt.jobId = :changesJobId', { changesJobId: jobId })
          .setParameters(judged.params),
      ),
      assessments: fragment(
        this.assessments
          .createQueryBuilder('asmt')
          .select('asmt.id', 'id')
          .addSelect("''", 'applicationId')
          .addSelect('CAST(asmt.updatedAt AS TEXT)', 'stamp')
          .where('asmt.jobId = :changesJobId', { changesJobId: jobId })
          .andWhere('asmt.updatedAt > :changedSince', { changedSince: since }),
      ),
    };
  }

  /**
   * Per application, every problem of the job's assessments it started, as its best submission
   * (the rule of ./points, over every attempt at that assessment) left it: points, correctness
   * and performance apart, and the sentence that explains them. For a page of a shortlist: three
   * queries whatever the number of applications.
   */
  async problemOutcomes(jobId: string, applicationIds: readonly string[]): Promise<Map<string, ProblemOutcome[]>> {
    const out = new Map<string, ProblemOutcome[]>(applicationIds.map((id) => [id, []]));
    if (!applicationIds.length) return out;
    const [assessments, attempts] = await Promise.all([
      this.assessments.findBy({ jobId }),
      this.attempts
        .createQueryBuilder('att')
        .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
        .select(['att.id', 'att.applicationId', 'att.assessmentId', 'att.createdAt'])
        .where('asmt.jobId = :jobId', { jobId })
        .andWhere('att.applicationId IN (:...ids)', { ids: [...applicationIds] })
        .andWhere('att.startedAt IS NOT NULL')
        .orderBy('att.createdAt', 'ASC')
        .addOrderBy('att.id', 'ASC')
        .getMany(),
    ]);
    if (!attempts.length) return out;
    const problemIds = [...new Set(assessments.flatMap((a) => a.problems.map((p) => p.problemId)))];
    const [subs, problems] = await Promise.all([
      this.submissions.judgedOfAttempts(attempts.map((t) => t.id)),
      problemIds.length ? this.problems.find({ select: { id: true, title: true }, where: { id: In(problemIds) } }) : Promise.resolve([]),
    ]);
    const titles = new Map(problems.map((p) => [p.id, p.title]));
    const attemptById = new Map(attempts.map((t) => [t.id, t]));
    const byId = new Map(assessments.map((a) => [a.id, a]));
    // application -> assessment -> its submissions (oldest first, every attempt at it)
    const started = new Map<string, Map<string, typeof subs>>();
    for (const t of attempts) {
      const m = started.get(t.applicationId) ?? new Map<string, typeof subs>();
      if (!m.has(t.assessmentId)) m.set(t.assessmentId, []);
      started.set(t.applicationId, m);
    }
    for (const s of subs) {
      const t = attemptById.get(s.attemptId ?? '');
      if (t) started.get(t.applicationId)?.get(t.assessmentId)?.push(s);
    }
    for (const [applicationId, perAssessment] of started) {
      const list = out.get(applicationId) ?? [];
      for (const [assessmentId, mine] of perAssessment) {
        for (const ref of byId.get(assessmentId)?.problems ?? []) {
          const best = bestSubmission(mine.filter((s) => s.problemId === ref.problemId));
          const bestScore = best?.score ?? 0;
          const apart = best ? scoresApart(best) : { correctness: null, performance: null, explanation: null };
          list.push({ assessmentId, problemId: ref.problemId, title: titles.get(ref.problemId) ?? ref.problemId, points: ref.points, pointsEarned: problemPoints(bestScore, ref.points), bestScore, verdict: best?.verdict ?? null, ...apart });
        }
      }
      out.set(applicationId, list);
    }
    return out;
  }

  /**
   * The assessment results of many applications (every attempt, oldest first), scored by
   * summarize, with each problem's title. Four queries whatever the number of applications.
   * The attempts carry the accommodation: callers never hand it on to interviewers.
   */
  async forApplications(applicationIds: readonly string[]): Promise<{ results: Map<string, AttemptResults[]>; problemTitles: Map<string, string> }> {
    const results = new Map<string, AttemptResults[]>(applicationIds.map((id) => [id, []]));
    const problemTitles = new Map<string, string>();
    if (!applicationIds.length) return { results, problemTitles };
    const attempts = await this.attempts.find({ where: { applicationId: In([...applicationIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!attempts.length) return { results, problemTitles };
    const [assessments, subs] = await Promise.all([
      this.assessments.findBy({ id: In([...new Set(attempts.map((a) => a.assessmentId))]) }),
      this.submissions.ofAttempts(attempts.map((a) => a.id)),
    ]);
    const byId = new Map(assessments.map((a) => [a.id, a]));
    const problemIds = [...new Set(assessments.flatMap((a) => a.problems.map((p) => p.problemId)))];
    if (problemIds.length) {
      for (const p of await this.problems.find({ select: { id: true, title: true }, where: { id: In(problemIds) } })) problemTitles.set(p.id, p.title);
    }
    const subsByAttempt = new Map<string, SubmissionEntity[]>();
    for (const s of subs) {
      const list = subsByAttempt.get(s.attemptId ?? '') ?? [];
      list.push(s);
      subsByAttempt.set(s.attemptId ?? '', list);
    }
    for (const attempt of attempts) {
      const assessment = byId.get(attempt.assessmentId);
      if (assessment) results.get(attempt.applicationId)?.push(summarize(attempt, assessment, subsByAttempt.get(attempt.id) ?? []));
    }
    return { results, problemTitles };
  }
}
