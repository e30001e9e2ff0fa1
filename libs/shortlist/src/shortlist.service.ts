import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, namedQuery } from '@app/common';
import {
  ApplicationEntity,
  ApplicationStage,
  AssessmentEntity,
  JobEntity,
  RubricVersionEntity,
  ScorecardRating,
  ScorecardRedFlag,
  ScreeningOutcome,
  ShortlistComponent,
  ShortlistPolicyEntity,
} from '@app/domain';
import { IDENTITY_REVEALED_STAGES } from '@app/hiring';
import { calibrate } from '@app/rubrics';
import { Calibration, CandidateInput, composite, CompositeResult, DEFAULT_POLICY, rank, ScorecardInput, ShortlistPolicy } from './composite';

export interface ShortlistEntry extends CompositeResult {
  rank: number | null;
  appliedAt: string;
  stage: ApplicationStage;
  candidateId: string;
  /** Null while the job's anonymized review hides the identity. */
  name: string | null;
  email: string | null;
  links: string[];
  anonymized: boolean;
  recommendations: string[];
  redFlagCount: number;
}

export interface ShortlistFilter {
  stages?: ApplicationStage[];
  minScore?: number;
  requireComponents?: ShortlistComponent[];
}

export interface ShortlistPage {
  jobId: string;
  policy: ShortlistPolicy;
  entries: ShortlistEntry[];
  totalCount: number;
  /** Opaque: pass as `after` for the next page; null on the last page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

interface Ranked {
  fingerprint: string;
  entries: ShortlistEntry[];
  policy: ShortlistPolicy;
}

const MAX_CACHED_JOBS = 50;

export function policyOf(row: ShortlistPolicyEntity | null): ShortlistPolicy {
  if (!row) return DEFAULT_POLICY;
  return {
    weights: row.weights,
    requireComponents: row.requireComponents,
    redFlags: { mode: row.redFlagMode, penalties: row.redFlagPenalties, demoteAtSeverity: row.demoteAtSeverity },
    minSharedCandidates: row.minSharedCandidates,
  };
}

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw AppError.badInput([{ field: 'after', message: 'is not a cursor this API gave out' }]);
  return Number(m[1]);
}

/**
 * The ranked shortlist of a job. The ranking needs every application of the job (ranks are
 * relative), so it is computed from a fixed number of bulk queries whatever the page size, and
 * kept until its inputs change: a one-query fingerprint of everything it reads (applications,
 * attempts and submissions, scorecards, the policy) decides whether the cached ranking is still
 * true. Knock-out rejections never appear.
 */
@Injectable()
export class ShortlistService {
  private readonly cache = new Map<string, Ranked>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async policy(jobId: string): Promise<ShortlistPolicy> {
    return policyOf(await this.ds.getRepository(ShortlistPolicyEntity).findOneBy({ jobId }));
  }

  async updatePolicy(jobId: string, p: ShortlistPolicy, actorId: string): Promise<ShortlistPolicy> {
    await this.job(jobId);
    const problems: { field: string; message: string }[] = [];
    const weights = Object.values(p.weights);
    if (weights.some((w) => !(w >= 0 && w <= 1))) problems.push({ field: 'weights', message: 'each weight must be between 0 and 1' });
    if (!weights.some((w) => w > 0)) problems.push({ field: 'weights', message: 'at least one weight must be above 0' });
    if (Object.values(p.redFlags.penalties).some((x) => !(x >= 0 && x <= 1))) problems.push({ field: 'redFlags.penalties', message: 'each penalty must be between 0 and 1' });
    if (problems.length) throw AppError.badInput(problems);
    const repo = this.ds.getRepository(ShortlistPolicyEntity);
    const row = (await repo.findOneBy({ jobId })) ?? repo.create({ jobId });
    Object.assign(row, {
      weights: p.weights,
      requireComponents: p.requireComponents,
      redFlagMode: p.redFlags.mode,
      redFlagPenalties: p.redFlags.penalties,
      demoteAtSeverity: p.redFlags.demoteAtSeverity,
      minSharedCandidates: p.minSharedCandidates,
      updatedById: actorId,
    });
    await repo.save(row);
    return policyOf(row);
  }

  private async job(jobId: string): Promise<JobEntity> {
    const job = await this.ds.getRepository(JobEntity).findOneBy({ id: jobId });
    if (!job) throw AppError.notFound('Job', jobId);
    return job;
  }

  async page(jobId: string, filter: ShortlistFilter, first: number, after?: string | null): Promise<ShortlistPage> {
    const job = await this.job(jobId);
    const ranked = await this.ranked(job);
    const require = filter.requireComponents ?? [];
    const matching = ranked.entries.filter(
      (e) =>
        (!filter.stages?.length || filter.stages.includes(e.stage)) &&
        (filter.minScore === undefined || (e.score !== null && e.score >= filter.minScore)) &&
        require.every((c) => !e.missing.includes(c)),
    );
    const offset = after ? decodeCursor(after) : 0;
    const entries = matching.slice(offset, offset + first);
    const next = offset + entries.length;
    return { jobId, policy: ranked.policy, entries, totalCount: matching.length, hasNextPage: next < matching.length, endCursor: entries.length ? encodeCursor(next) : null };
  }

  /** Every entry of the job, ranked (the CSV export). */
  async all(jobId: string): Promise<ShortlistEntry[]> {
    return (await this.ranked(await this.job(jobId))).entries;
  }

  private async fingerprint(jobId: string): Promise<string> {
    // Any change to what the ranking reads moves one of these: rows are only ever added or updated.
    // CAST(... AS TEXT) keeps PostgreSQL's microseconds (a Date would drop them).
    const [row] = await namedQuery<Record<string, string | number>[]>(
      this.ds,
      `SELECT
         (SELECT COUNT(*) || ':' || COALESCE(CAST(MAX("updatedAt") AS TEXT), '') FROM applications WHERE "jobId" = :jobId) AS a,
         (SELECT COUNT(*) || ':' || COALESCE(CAST(MAX(s."finishedAt") AS TEXT), '') FROM submissions s JOIN attempts t ON t.id = s."attemptId"
            JOIN assessments x ON x.id = t."assessmentId" WHERE x."jobId" = :jobId AND s.kind = 'SUBMISSION') AS s,
         (SELECT COUNT(*) || ':' || COALESCE(CAST(MAX(t."updatedAt") AS TEXT), '') FROM attempts t JOIN assessments x ON x.id = t."assessmentId" WHERE x."jobId" = :jobId) AS t,
         (SELECT COUNT(*) || ':' || COALESCE(CAST(MAX("updatedAt") AS TEXT), '') FROM scorecards) AS c,
         (SELECT COALESCE(CAST(MAX("updatedAt") AS TEXT), '') FROM shortlist_policies WHERE "jobId" = :jobId) AS p`,
      { jobId },
    );
    return Object.values(row).join('|');
  }

  private async ranked(job: JobEntity): Promise<Ranked> {
    const fingerprint = `${job.updatedAt.toISOString()}|${await this.fingerprint(job.id)}`;
    const cached = this.cache.get(job.id);
    if (cached?.fingerprint === fingerprint) return cached;

    const policy = await this.policy(job.id);
    const apps = (await this.ds
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.candidateId', 'a.stage', 'a.outcome', 'a.autoOutcome', 'a.overrideOutcome', 'a.skillsScore', 'a.profile', 'a.createdAt'])
      .where('a.jobId = :jobId', { jobId: job.id })
      .getMany()) as Pick<ApplicationEntity, 'id' | 'candidateId' | 'stage' | 'outcome' | 'autoOutcome' | 'overrideOutcome' | 'skillsScore' | 'profile' | 'createdAt'>[];
    // A knock-out rejection (automatic, not overridden) never appears.
    const eligible = apps.filter((a) => !(a.autoOutcome === ScreeningOutcome.REJECTED && a.outcome === ScreeningOutcome.REJECTED));

    const assessmentByApp = await this.assessmentPoints(job.id);
    const { cards, calibration } = await this.interviewEvidence(job.id);
    const results = eligible.map((a) => {
      const input: CandidateInput = {
        applicationId: a.id,
        appliedAt: a.createdAt.toISOString(),
        skillsMatch: a.skillsScore,
        assessment: assessmentByApp.get(a.id) ?? null,
        scorecards: cards.get(a.id) ?? [],
      };
      return { ...composite(input, policy, calibration), appliedAt: input.appliedAt };
    });
    const byId = new Map(eligible.map((a) => [a.id, a]));
    const entries = rank(results).map((r): ShortlistEntry => {
      const a = byId.get(r.applicationId)!;
      const profile = a.profile;
      const anonymized = job.anonymizedReview && !IDENTITY_REVEALED_STAGES.includes(a.stage);
      const appCards = cards.get(a.id) ?? [];
      return {
        ...r,
        stage: a.stage,
        candidateId: a.candidateId,
        anonymized,
        name: anonymized ? null : profile.name,
        email: anonymized ? null : profile.email,
        links: anonymized ? [] : profile.links,
        recommendations: appCards.map((c) => c.recommendation),
        redFlagCount: appCards.reduce((n, c) => n + c.redFlags.length, 0),
      };
    });
    const value = { fingerprint, entries, policy };
    if (this.cache.size >= MAX_CACHED_JOBS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(job.id, value);
    return value;
  }

  /**
   * Every submitted scorecard in one query (calibration compares interviewers across all
   * candidates, not just this job's), read raw: hydrating tens of thousands of entities is
   * what made a cold ranking slow. This job's cards become composite inputs, weighted by the
   * rubric version each was scored against; all of them feed the calibration.
   */
  private async interviewEvidence(jobId: string): Promise<{ cards: Map<string, Array<ScorecardInput & { recommendation: string }>>; calibration: Map<string, Calibration> }> {
    const rows = await this.ds.query<{ applicationId: string; jobId: string; interviewerId: string; rubricId: string; rubricVersion: number; kind: string; ratings: string; redFlags: string; recommendation: string }[]>(
      `SELECT "applicationId", "jobId", "interviewerId", "rubricId", "rubricVersion", kind, ratings, "redFlags", recommendation
         FROM scorecards WHERE status = 'SUBMITTED'`,
    );
    const parsed = rows.map((r) => ({ ...r, ratings: JSON.parse(r.ratings) as ScorecardRating[], redFlags: JSON.parse(r.redFlags) as ScorecardRedFlag[] }));
    const calibration = new Map<string, Calibration>(
      calibrate(parsed.map((c) => ({ interviewerId: c.interviewerId, candidateId: c.applicationId, ratings: c.ratings.map((x) => x.rating) }))).map((c) => [
        c.interviewerId,
        { offset: c.leniencyOffset, sharedCandidates: c.sharedCandidates },
      ]),
    );
    const mine = parsed.filter((c) => c.jobId === jobId);
    const keys = [...new Set(mine.map((c) => `${c.rubricId}:${c.rubricVersion}`))];
    const versions = new Map<string, RubricVersionEntity>();
    if (keys.length) {
      const found = await this.ds
        .getRepository(RubricVersionEntity)
        .createQueryBuilder('v')
        .where(`v."rubricId" || ':' || v.version IN (:...keys)`, { keys })
        .getMany();
      for (const v of found) versions.set(`${v.rubricId}:${v.version}`, v);
    }
    const cards = new Map<string, Array<ScorecardInput & { recommendation: string }>>();
    for (const c of mine) {
      const v = versions.get(`${c.rubricId}:${c.rubricVersion}`);
      if (!v) continue;
      const weights = new Map(v.criteria.filter((k) => String(k.kind) === c.kind).map((k) => [k.key, k.weight]));
      const flags = new Map(v.redFlags.map((f) => [f.key, f]));
      const list = cards.get(c.applicationId) ?? [];
      list.push({
        interviewerId: c.interviewerId,
        recommendation: c.recommendation,
        ratings: c.ratings.filter((x) => weights.has(x.criterionKey)).map((x) => ({ key: x.criterionKey, weight: weights.get(x.criterionKey) as number, rating: x.rating })),
        redFlags: c.redFlags.map((f) => ({ key: f.key, title: flags.get(f.key)?.title ?? f.key, severity: (flags.get(f.key)?.severity ?? 'HIGH') })),
      });
      cards.set(c.applicationId, list);
    }
    return { cards, calibration };
  }

  /**
   * Points earned over points possible per application, across the job's assessments the
   * candidate started; per problem the best submission counts. Two queries.
   */
  private async assessmentPoints(jobId: string): Promise<Map<string, { pointsEarned: number; pointsPossible: number }>> {
    const assessments = await this.ds.getRepository(AssessmentEntity).findBy({ jobId });
    if (!assessments.length) return new Map();
    const points = new Map(assessments.map((x) => [x.id, new Map(x.problems.map((p) => [p.problemId, p.points]))]));
    const rows = await namedQuery<{ applicationId: string; assessmentId: string; problemId: string | null; best: number | string | null }[]>(
      this.ds,
      `SELECT t."applicationId" AS "applicationId", t."assessmentId" AS "assessmentId", s."problemId" AS "problemId", MAX(s.score) AS best
         FROM attempts t
         JOIN assessments x ON x.id = t."assessmentId"
         LEFT JOIN submissions s ON s."attemptId" = t.id AND s.kind = 'SUBMISSION' AND s.state = 'FINISHED'
        WHERE x."jobId" = :jobId AND t."startedAt" IS NOT NULL
        GROUP BY t."applicationId", t."assessmentId", s."problemId"`,
      { jobId },
    );
    const out = new Map<string, { pointsEarned: number; pointsPossible: number; seen: Set<string> }>();
    for (const r of rows) {
      const per = points.get(r.assessmentId);
      if (!per) continue;
      const acc = out.get(r.applicationId) ?? { pointsEarned: 0, pointsPossible: 0, seen: new Set<string>() };
      if (!acc.seen.has(r.assessmentId)) {
        acc.seen.add(r.assessmentId);
        acc.pointsPossible += [...per.values()].reduce((a, b) => a + b, 0);
      }
      if (r.problemId && per.has(r.problemId)) acc.pointsEarned += Number(r.best ?? 0) * (per.get(r.problemId) as number);
      out.set(r.applicationId, acc);
    }
    return new Map([...out].map(([id, v]) => [id, { pointsEarned: Math.round(v.pointsEarned * 100) / 100, pointsPossible: v.pointsPossible }]));
  }
}
