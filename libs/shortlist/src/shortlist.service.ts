import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError, ChangeRow, CLOCK, Clock, fragment, nowTextSql, selectChanges, SqlFragment, stampMinus } from '@app/common';
import { AssessmentResultsService, ProblemOutcome } from '@app/assessments';
import { ApplicationStage, JobEntity, ShortlistComponent, ShortlistPolicyEntity } from '@app/domain';
import { ApplicationsService, JobsService } from '@app/hiring';
import { CalibrationIndex, ScorecardEvidenceService } from '@app/rubrics';
import { Calibration, DEFAULT_POLICY, ShortlistPolicy } from './composite';
import { ApplicationInputs, calibratedBy, JobRanking, leniencyMap, recompute, render, ShortlistEntry, withOutcomes } from './job-ranking';

export type { ShortlistEntry } from './job-ranking';

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

const MAX_CACHED_JOBS = 50;

/**
 * Each change read re-reads rows stamped up to this long before the previous read's time: a
 * write whose transaction began earlier but committed after that read (PostgreSQL stamps
 * `updatedAt` with the transaction's start) is still seen, as is a worker whose clock is a
 * little behind. Rows seen unchanged are not changes, so the window costs a short read only.
 */
export const CHANGE_WINDOW_SECONDS = 15;

/** Beyond this many changed applications (or this share of the job), one full recomputation is cheaper than the incremental one. */
const MAX_INCREMENTAL = 2_000;
const MAX_INCREMENTAL_SHARE = 0.25;

/** Tags of the change read: what each row concerns. */
const APP = 'app';
const ATTEMPT = 'att';
const SUBMISSION = 'sub';
const CARD = 'card';
/** A scorecard of the job whose interviewer's account changed (a rename: explanations name interviewers). */
const INTERVIEWER = 'iv';
const ASSESSMENT = 'asmt';
const POLICY = 'pol';
const ALL_CARDS = 'cal';
const NOW = 'now';

/** The calibration every cached job shares (it reads every submitted scorecard of every job), with its own change window. */
interface SharedCalibration {
  index: CalibrationIndex;
  seen: Map<string, string>;
  since: string;
  leniency: Map<string, Calibration>;
  leniencyVersion: number;
}

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
 * The ranked shortlist of a job. Ranks are relative, so the ranking needs every application of
 * the job: it is computed once from a fixed number of bulk queries, then kept up to date
 * incrementally. Each read first asks the owners, in one statement, which rows changed since
 * the last read (applications, attempts, judged submissions, scorecards, the policy, the
 * assessments: short index range scans), re-reads the inputs of only the applications those
 * concern, recomputes their composites (and those of applications whose interviewers'
 * calibration moved, or all of them when the policy changed) and re-sorts. The database is the
 * source of truth: several API processes each keep their own copy and each reads the changes.
 * Knock-out rejections never appear.
 */
@Injectable()
export class ShortlistService {
  private readonly cache = new Map<string, JobRanking>();
  private calibration: SharedCalibration | null = null;
  /** Refreshes run one at a time (they share the calibration); requests for a job that wait join the next refresh of that job. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly waiting = new Map<string, Promise<JobRanking>>();

  constructor(
    @InjectRepository(ShortlistPolicyEntity) private readonly policies: Repository<ShortlistPolicyEntity>,
    private readonly jobs: JobsService,
    private readonly applications: ApplicationsService,
    private readonly assessments: AssessmentResultsService,
    private readonly scorecards: ScorecardEvidenceService,
    // Only to run the one statement that the owning libs' change subqueries make up.
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
    const ranked = await this.ranked(jobId);
    const require = filter.requireComponents ?? [];
    const matching = ranked.items.filter(
      (e) =>
        (!filter.stages?.length || filter.stages.includes(e.prepared.identity.stage)) &&
        (filter.minScore === undefined || (e.score !== null && e.score >= filter.minScore)) &&
        require.every((c) => !e.prepared.composite.missing.includes(c)),
    );
    const offset = after ? decodeCursor(after) : 0;
    // Rendered (copies, with their rank) before any await: a refresh meanwhile re-numbers the kept items in place.
    const entries = await this.withOutcomes(ranked, matching.slice(offset, offset + first).map(render));
    const next = offset + entries.length;
    return { jobId, policy: ranked.policy, entries, totalCount: matching.length, hasNextPage: next < matching.length, endCursor: entries.length ? encodeCursor(next) : null };
  }

  /** Every entry of the job, ranked, with its problems' outcomes (the CSV export). */
  async all(jobId: string): Promise<ShortlistEntry[]> {
    return this.allWithOutcomes(await this.ranked(jobId));
  }

  private async allWithOutcomes(state: JobRanking): Promise<ShortlistEntry[]> {
    const out: ShortlistEntry[] = [];
    const all = state.items.map(render);
    for (let i = 0; i < all.length; i += 500) out.push(...(await this.withOutcomes(state, all.slice(i, i + 500))));
    return out;
  }

  /**
   * The ranking computed from scratch, sharing nothing with the kept one (not even the
   * calibration): what the incremental ranking must always equal. For tests and checks.
   */
  async recomputedFromScratch(jobId: string): Promise<ShortlistEntry[]> {
    const job = await this.job(jobId);
    const index = new CalibrationIndex(await this.scorecards.calibrationCards());
    return this.allWithOutcomes(await this.build(job, leniencyMap(index.calibration), index.version, ''));
  }

  /** The page's entries with their problems' outcomes: read once per application, kept until it changes. */
  private async withOutcomes(state: JobRanking, entries: ShortlistEntry[]): Promise<ShortlistEntry[]> {
    const missing = entries.filter((e) => !state.outcomes.has(e.applicationId)).map((e) => e.applicationId);
    const read = new Map<string, ProblemOutcome[]>();
    if (missing.length) {
      const generation = state.generation;
      for (const [id, list] of await this.assessments.problemOutcomes(state.jobId, missing)) {
        read.set(id, list);
        // Kept only when no refresh ran meanwhile: one may have dropped an application this read predates.
        if (state.generation === generation) state.outcomes.set(id, list);
      }
    }
    return entries.map((e) => withOutcomes(e, read.get(e.applicationId) ?? state.outcomes.get(e.applicationId) ?? []));
  }

  /** The job's ranking, up to date with the database. */
  private ranked(jobId: string): Promise<JobRanking> {
    const pending = this.waiting.get(jobId);
    if (pending) return pending;
    const run = this.queue.then(() => {
      // From here on, a new request waits for the next refresh: this one may have read before its write.
      this.waiting.delete(jobId);
      return this.refresh(jobId);
    });
    this.waiting.set(jobId, run);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refresh(jobId: string): Promise<JobRanking> {
    const calibration = await this.sharedCalibration();
    const state = this.cache.get(jobId);
    if (!state) return this.full(await this.job(jobId), calibration);
    const since = state.since < calibration.since ? state.since : calibration.since;
    // The job (its policy switches, its anonymized review; NOT_FOUND) and the change read, side by side.
    const [rows, job] = await Promise.all([selectChanges(this.ds, this.changeFragments(jobId, since, true)), this.job(jobId)]);
    const dbNow = rows.find((r) => r.tag === NOW)?.stamp ?? since;
    const now = this.clock.now();

    // What changed for this job: rows not seen before with this stamp.
    const fresh = (r: ChangeRow, seen: Map<string, string>, after: string, key: string) => r.stamp > after && seen.get(key) !== r.stamp;
    // This job's scorecards come with every job's (ALL_CARDS, read from an earlier or equal stamp): those of its applications, under their own tag.
    const jobRows = rows.flatMap((r) => (r.tag === NOW ? [] : r.tag !== ALL_CARDS ? [r] : state.inputs.has(r.applicationId) ? [{ ...r, tag: CARD }] : []));
    const mine = jobRows.filter((r) => fresh(r, state.seen, state.since, `${r.tag}:${r.id}`));
    const cards = rows.filter((r) => r.tag === ALL_CARDS && fresh(r, calibration.seen, calibration.since, r.id));
    const dirty = new Set(mine.filter((r) => r.tag !== POLICY && r.tag !== ASSESSMENT).map((r) => r.applicationId));
    for (const [id, at] of state.expiries) if (at <= now) dirty.add(id);
    const policyChanged = mine.some((r) => r.tag === POLICY);
    const jobChanged = job.updatedAt.getTime() !== state.jobUpdatedAt;
    if (mine.some((r) => r.tag === ASSESSMENT) || dirty.size > Math.max(MAX_INCREMENTAL_SHARE * state.inputs.size, 100) || dirty.size > MAX_INCREMENTAL) {
      return this.full(job, await this.advanceCalibration(calibration, cards, dbNow));
    }

    // The calibration (every job shares it; this job's entries depend on it) and the changed inputs, read side by side.
    const ids = [...dirty];
    const [, apps, points, evidence, policy] = await Promise.all([
      this.advanceCalibration(calibration, cards, dbNow),
      this.applications.rankingInputs(job.id, ids),
      this.assessments.pointsByApplication(job.id, now, ids),
      this.scorecards.evidenceFor(job.id, ids),
      policyChanged ? this.policy(job.id) : Promise.resolve(state.policy),
    ]);
    const appsById = new Map(apps.map((a) => [a.id, a]));
    for (const id of ids) {
      const app = appsById.get(id);
      state.outcomes.delete(id);
      state.expiries.delete(id);
      if (!app) {
        state.inputs.delete(id);
        continue;
      }
      state.inputs.set(id, { app, points: points.byApplication.get(id) ?? null, cards: evidence.get(id) ?? [] });
      const expiry = points.expiries.get(id);
      if (expiry) state.expiries.set(id, expiry);
    }
    state.generation++;
    state.policy = policy;
    state.anonymizedReview = job.anonymizedReview;
    state.jobUpdatedAt = job.updatedAt.getTime();
    const moved = calibration.index.changedSince(state.calibrationVersion);
    const all = policyChanged || jobChanged;
    if (all || dirty.size || moved.size) recompute(state, calibration.leniency, all ? undefined : new Set([...ids, ...calibratedBy(state, moved)]), dirty);
    state.calibrationVersion = calibration.index.version;
    for (const r of mine) state.seen.set(`${r.tag}:${r.id}`, r.stamp);
    state.since = stampMinus(dbNow, CHANGE_WINDOW_SECONDS);
    prune(state.seen, state.since);
    return state;
  }

  /** A full computation for a job (its first read, or more changes than an incremental step is worth), kept. */
  private async full(job: JobEntity, calibration: SharedCalibration): Promise<JobRanking> {
    // The change window starts before the reads, so a write they miss is read next time.
    const [{ stamp: dbNow }] = await selectChanges(this.ds, { [NOW]: this.nowFragment() });
    const since = stampMinus(dbNow, CHANGE_WINDOW_SECONDS);
    const seen = await selectChanges(this.ds, this.changeFragments(job.id, since, false));
    const state = await this.build(job, calibration.leniency, calibration.index.version, since);
    for (const r of seen) if (r.tag !== NOW) state.seen.set(`${r.tag}:${r.id}`, r.stamp);
    this.cache.delete(job.id);
    if (this.cache.size >= MAX_CACHED_JOBS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(job.id, state);
    return state;
  }

  /** Reads every input of the job (four domains, each asked of the lib that owns its tables) and ranks. */
  private async build(job: JobEntity, leniency: Map<string, Calibration>, calibrationVersion: number, since: string): Promise<JobRanking> {
    const [policy, apps, points, cards] = await Promise.all([
      this.policy(job.id),
      this.applications.rankingInputs(job.id),
      this.assessments.pointsByApplication(job.id, this.clock.now()),
      this.scorecards.evidenceFor(job.id),
    ]);
    const inputs = new Map<string, ApplicationInputs>(apps.map((a) => [a.id, { app: a, points: points.byApplication.get(a.id) ?? null, cards: cards.get(a.id) ?? [] }]));
    const state: JobRanking = {
      jobId: job.id,
      jobUpdatedAt: job.updatedAt.getTime(),
      anonymizedReview: job.anonymizedReview,
      policy,
      inputs,
      prepared: new Map(),
      items: [],
      expiries: points.expiries,
      calibrationVersion,
      seen: new Map(),
      since,
      outcomes: new Map(),
      generation: 0,
    };
    recompute(state, leniency);
    return state;
  }

  /** The calibration every job shares: read whole once per process, then kept up to date by the change reads. */
  private async sharedCalibration(): Promise<SharedCalibration> {
    if (this.calibration) return this.calibration;
    const [{ stamp: dbNow }] = await selectChanges(this.ds, { [NOW]: this.nowFragment() });
    const since = stampMinus(dbNow, CHANGE_WINDOW_SECONDS);
    const [seen, cards] = await Promise.all([selectChanges(this.ds, { [ALL_CARDS]: this.scorecards.changesSince(null, since) }), this.scorecards.calibrationCards()]);
    const index = new CalibrationIndex(cards);
    this.calibration = { index, seen: new Map(seen.map((r) => [r.id, r.stamp])), since, leniency: leniencyMap(index.calibration), leniencyVersion: index.version };
    return this.calibration;
  }

  /** Applies scorecards changed anywhere (read by `rows`) to the shared calibration. */
  private async advanceCalibration(calibration: SharedCalibration, rows: ChangeRow[], dbNow: string): Promise<SharedCalibration> {
    if (rows.length) {
      const ids = [...new Set(rows.map((r) => r.id))];
      const submitted = await this.scorecards.calibrationCards(ids);
      const still = new Set(submitted.map((c) => c.id));
      calibration.index.apply(submitted, ids.filter((id) => !still.has(id)));
      for (const r of rows) calibration.seen.set(r.id, r.stamp);
    }
    if (calibration.leniencyVersion !== calibration.index.version) {
      calibration.leniency = leniencyMap(calibration.index.calibration);
      calibration.leniencyVersion = calibration.index.version;
    }
    const since = stampMinus(dbNow, CHANGE_WINDOW_SECONDS);
    if (since > calibration.since) {
      calibration.since = since;
      prune(calibration.seen, since);
    }
    return calibration;
  }

  /** One statement: every owner's "changed since" subquery for this job, the policy, (optionally) every scorecard, and the database's time. */
  private changeFragments(jobId: string, since: string, withAllCards: boolean): Record<string, SqlFragment> {
    const points = this.assessments.changesSince(jobId, since);
    return {
      [APP]: this.applications.changesSince(jobId, since),
      [ATTEMPT]: points.attempts,
      [SUBMISSION]: points.submissions,
      [ASSESSMENT]: points.assessments,
      // With every job's scorecards, this job's are among them (see refresh).
      ...(withAllCards ? {} : { [CARD]: this.scorecards.changesSince(jobId, since) }),
      [INTERVIEWER]: this.scorecards.interviewerChangesSince(jobId, since),
      ...(withAllCards ? { [ALL_CARDS]: this.scorecards.changesSince(null, since) } : {}),
      [POLICY]: fragment(
        this.policies
          .createQueryBuilder('pol')
          .select('pol.id', 'id')
          .addSelect("''", 'applicationId')
          .addSelect('CAST(pol.updatedAt AS TEXT)', 'stamp')
          .where('pol.jobId = :policyJobId', { policyJobId: jobId })
          .andWhere('pol.updatedAt > :changedSince', { changedSince: since }),
      ),
      [NOW]: this.nowFragment(),
    };
  }

  private nowFragment(): SqlFragment {
    return { sql: `SELECT '' AS "id", '' AS "applicationId", ${nowTextSql(this.ds)} AS "stamp"`, params: {} };
  }
}

/** Drops what the next change read cannot return again (stamped at or before its start). */
function prune(seen: Map<string, string>, since: string): void {
  for (const [key, stamp] of seen) if (stamp <= since) seen.delete(key);
}
