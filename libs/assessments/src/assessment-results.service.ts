import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { fragment, SqlFragment } from '@app/common';
import { AssessmentEntity, AttemptEntity, ProblemEntity, SubmissionEntity } from '@app/domain';
import { SubmissionReads } from '@app/judging';
import { AttemptResults, summarize } from './attempts.service';
import { invitationExpired } from './deadline';
import { totalPoints } from './points';

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
   * notTaken. Skipping never pays more than failing. Four queries whatever the number of applications.
   */
  async pointsByApplication(jobId: string, now: Date): Promise<JobPoints> {
    const ofJob = () =>
      this.attempts
        .createQueryBuilder('att')
        .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
        .where('asmt.jobId = :pointsJobId', { pointsJobId: jobId });
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
    const expiredOnly = new Set<string>();
    for (const t of invited) {
      if (!invitationExpired(t, now)) {
        if (!nextExpiry || t.invitationExpiresAt! < nextExpiry) nextExpiry = t.invitationExpiresAt;
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
    return { byApplication: out, nextExpiry };
  }

  /**
   * Values that move whenever the points of a job's applications may change (attempts created,
   * started or finished; scored submissions created or judged), as subqueries for one statement
   * (see selectScalars in @app/common). Rows are only ever added or updated.
   */
  changeMarkers(jobId: string): { attempts: SqlFragment; submissions: SqlFragment } {
    const ofJob = () =>
      this.attempts
        .createQueryBuilder('att')
        .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
        .where('asmt.jobId = :markerJobId', { markerJobId: jobId });
    return {
      // CAST(... AS TEXT) keeps PostgreSQL's microseconds (a Date would drop them).
      attempts: fragment(ofJob().select(`COUNT(*) || ':' || COALESCE(CAST(MAX(att.updatedAt) AS TEXT), '')`)),
      submissions: this.submissions.changeMarker(fragment(ofJob().select('att.id'))),
    };
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
