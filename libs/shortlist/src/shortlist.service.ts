import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError, CLOCK, Clock, fragment, selectScalars } from '@app/common';
import { AssessmentResultsService } from '@app/assessments';
import { ApplicationStage, JobEntity, ScreeningOutcome, ShortlistComponent, ShortlistPolicyEntity } from '@app/domain';
import { ApplicationsService, IDENTITY_REVEALED_STAGES, JobsService } from '@app/hiring';
import { ScorecardEvidenceService } from '@app/rubrics';
import { CandidateInput, composite, CompositeResult, DEFAULT_POLICY, rank, ShortlistPolicy } from './composite';

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
  /** Distinct red flags (each counts once however many interviewers raised it). */
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
  /** An invitation expires then: the ranking (its "not taken" results) must be recomputed. */
  staleAt: Date | null;
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

  constructor(
    @InjectRepository(ShortlistPolicyEntity) private readonly policies: Repository<ShortlistPolicyEntity>,
    private readonly jobs: JobsService,
    private readonly applications: ApplicationsService,
    private readonly assessments: AssessmentResultsService,
    private readonly scorecards: ScorecardEvidenceService,
    // Only to run the one-statement fingerprint that the owning libs' subqueries make up.
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async policy(jobId: string): Promise<ShortlistPolicy> {
    return policyOf(await this.policies.findOneBy({ jobId }));
  }

  async updatePolicy(jobId: string, p: ShortlistPolicy, actorId: string): Promise<ShortlistPolicy> {
    await this.job(jobId);
    const problems: { field: string; message: string }[] = [];
    const weights = Object.values(p.weights);
    if (weights.some((w) => !(w >= 0 && w <= 1))) problems.push({ field: 'weights', message: 'each weight must be between 0 and 1' });
    if (!weights.some((w) => w > 0)) problems.push({ field: 'weights', message: 'at least one weight must be above 0' });
    if (Object.values(p.redFlags.penalties).some((x) => !(x >= 0 && x <= 1))) problems.push({ field: 'redFlags.penalties', message: 'each penalty must be between 0 and 1' });
    if (problems.length) throw AppError.badInput(problems);
    const row = (await this.policies.findOneBy({ jobId })) ?? this.policies.create({ jobId });
    Object.assign(row, {
      weights: p.weights,
      requireComponents: p.requireComponents,
      redFlagMode: p.redFlags.mode,
      redFlagPenalties: p.redFlags.penalties,
      demoteAtSeverity: p.redFlags.demoteAtSeverity,
      minSharedCandidates: p.minSharedCandidates,
      updatedById: actorId,
    });
    await this.policies.save(row);
    return policyOf(row);
  }

  private async job(jobId: string): Promise<JobEntity> {
    const job = await this.jobs.findById(jobId);
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

  /**
   * Any change to what the ranking reads moves one of these (rows are only ever added or
   * updated). Each lib writes the subquery over its own tables; they run as one statement.
   */
  private async fingerprint(jobId: string): Promise<string> {
    const points = this.assessments.changeMarkers(jobId);
    const row = await selectScalars(this.ds, {
      a: this.applications.changeMarker(jobId),
      s: points.submissions,
      t: points.attempts,
      c: this.scorecards.changeMarker(),
      p: fragment(
        this.policies
          .createQueryBuilder('pol')
          .select(`COALESCE(CAST(MAX(pol.updatedAt) AS TEXT), '')`)
          .where('pol.jobId = :policyJobId', { policyJobId: jobId }),
      ),
    });
    return Object.values(row).join('|');
  }

  private async ranked(job: JobEntity): Promise<Ranked> {
    const fingerprint = `${job.updatedAt.toISOString()}|${await this.fingerprint(job.id)}`;
    const now = this.clock.now();
    const cached = this.cache.get(job.id);
    if (cached?.fingerprint === fingerprint && (!cached.staleAt || now < cached.staleAt)) return cached;

    // Independent reads of four domains, each asked of the lib that owns its tables.
    const [policy, apps, points, { cards, calibration }] = await Promise.all([
      this.policy(job.id),
      this.applications.rankingInputs(job.id),
      this.assessments.pointsByApplication(job.id, now),
      this.scorecards.forJob(job.id),
    ]);
    // A knock-out rejection (automatic, not overridden) never appears.
    const eligible = apps.filter((a) => !(a.autoOutcome === ScreeningOutcome.REJECTED && a.outcome === ScreeningOutcome.REJECTED));
    const results = eligible.map((a) => {
      const input: CandidateInput = {
        applicationId: a.id,
        appliedAt: a.createdAt.toISOString(),
        skillsMatch: a.skillsScore,
        assessment: points.byApplication.get(a.id) ?? null,
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
        // An erased candidate's stored email is empty: none to show.
        email: anonymized ? null : profile.email || null,
        links: anonymized ? [] : profile.links,
        recommendations: appCards.map((c) => c.recommendation),
        redFlagCount: new Set(appCards.flatMap((c) => c.redFlags.map((f) => f.key))).size,
      };
    });
    const value = { fingerprint, staleAt: points.nextExpiry, entries, policy };
    if (this.cache.size >= MAX_CACHED_JOBS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(job.id, value);
    return value;
  }
}
