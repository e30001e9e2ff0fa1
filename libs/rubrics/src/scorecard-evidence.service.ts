import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UsersService } from '@app/auth';
import { fragment, SqlFragment } from '@app/common';
import { RedFlagSeverity, RubricVersionEntity, ScorecardEntity, ScorecardRating, ScorecardRedFlag, ScorecardStatus, UserEntity } from '@app/domain';
import { CalibrationIndex, IndexedScorecard } from './calibration/calibration-index';

/** A submitted scorecard as a ranking reads it: ratings weighted by the rubric version it was scored against, flags with their title and severity. */
export interface ScorecardEvidence {
  interviewerId: string;
  /** The interviewer's account name: explanations name staff, not ids. */
  interviewerName: string;
  /** The interview kind and rubric: aggregation and calibration stay within them. */
  kind: string;
  rubricId: string;
  recommendation: string;
  /** rating null: the interviewer marked the criterion "not observed". */
  ratings: { key: string; weight: number; rating: number | null }[];
  redFlags: { key: string; title: string; severity: RedFlagSeverity }[];
}

export interface InterviewerLeniency {
  /** How far the interviewer rates above (+) or below (−) the others, in rating points; null below the sharing threshold of calibrate. */
  offset: number | null;
  sharedCandidates: number;
}

export interface JobScorecardEvidence {
  /** Per application of the job, its submitted scorecards. */
  cards: Map<string, ScorecardEvidence[]>;
  /** Per interviewer, interview kind and rubric (key `interviewer|kind|rubric`), calibrated over every submitted scorecard of every job. */
  calibration: Map<string, InterviewerLeniency>;
}

/**
 * The scorecard aggregates other domains read (the shortlist), over the tables rubrics owns:
 * scorecards and rubric versions. Written once for both engines through the query builder.
 */
@Injectable()
export class ScorecardEvidenceService {
  constructor(
    @InjectRepository(ScorecardEntity) private readonly scorecards: Repository<ScorecardEntity>,
    @InjectRepository(RubricVersionEntity) private readonly versions: Repository<RubricVersionEntity>,
    private readonly users: UsersService,
  ) {}

  /**
   * Every submitted scorecard in one query (calibration compares interviewers across all
   * candidates, not just this job's), and this job's cards weighted by the rubric version each
   * was scored against. A full read: the shortlist keeps both up to date with calibrationCards
   * and evidenceFor instead.
   */
  async forJob(jobId: string): Promise<JobScorecardEvidence> {
    const [all, cards] = await Promise.all([this.calibrationCards(), this.evidenceFor(jobId)]);
    const index = new CalibrationIndex(all);
    const calibration = new Map<string, InterviewerLeniency>([...index.calibration].map(([key, c]) => [key, { offset: c.leniencyOffset, sharedCandidates: c.sharedCandidates }]));
    return { cards, calibration };
  }

  /**
   * What calibration reads of scorecards, read raw (hydrating tens of thousands of entities is
   * what made a cold ranking slow): every submitted one, or those of `ids` that are still
   * submitted (an id missing from the answer is no longer submitted, or never was).
   */
  async calibrationCards(ids?: readonly string[]): Promise<IndexedScorecard[]> {
    if (ids && !ids.length) return [];
    const qb = this.scorecards
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.applicationId', 'applicationId')
      .addSelect('c.interviewerId', 'interviewerId')
      .addSelect('c.rubricId', 'rubricId')
      .addSelect('c.kind', 'kind')
      .addSelect('c.ratings', 'ratings')
      .where('c.status = :submitted', { submitted: ScorecardStatus.SUBMITTED });
    if (ids) qb.andWhere('c.id IN (:...ids)', { ids: [...ids] });
    const rows = await qb.getRawMany<{ id: string; applicationId: string; interviewerId: string; rubricId: string; kind: string; ratings: string }>();
    return rows.map((r) => ({
      id: r.id,
      interviewerId: r.interviewerId,
      candidateId: r.applicationId,
      kind: r.kind,
      rubricId: r.rubricId,
      ratings: (JSON.parse(r.ratings) as ScorecardRating[]).flatMap((x) => (x.rating === null ? [] : [x.rating])),
    }));
  }

  /**
   * Per application of the job (all, or those of `applicationIds`), its submitted scorecards
   * weighted by the rubric version each was scored against, oldest first (explanations list
   * interviewers in that order, whichever way they were read).
   */
  async evidenceFor(jobId: string, applicationIds?: readonly string[]): Promise<Map<string, ScorecardEvidence[]>> {
    const cards = new Map<string, ScorecardEvidence[]>();
    if (applicationIds && !applicationIds.length) return cards;
    const qb = this.scorecards
      .createQueryBuilder('c')
      .select('c.applicationId', 'applicationId')
      .addSelect('c.interviewerId', 'interviewerId')
      .addSelect('c.rubricId', 'rubricId')
      .addSelect('c.rubricVersion', 'rubricVersion')
      .addSelect('c.kind', 'kind')
      .addSelect('c.ratings', 'ratings')
      .addSelect('c.redFlags', 'redFlags')
      .addSelect('c.recommendation', 'recommendation')
      .where('c.jobId = :jobId', { jobId })
      .andWhere('c.status = :submitted', { submitted: ScorecardStatus.SUBMITTED })
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (applicationIds) qb.andWhere('c.applicationId IN (:...applicationIds)', { applicationIds: [...applicationIds] });
    const rows = await qb.getRawMany<{ applicationId: string; interviewerId: string; rubricId: string; rubricVersion: number; kind: string; ratings: string; redFlags: string; recommendation: string }>();
    const mine = rows.map((r) => ({ ...r, ratings: JSON.parse(r.ratings) as ScorecardRating[], redFlags: JSON.parse(r.redFlags) as ScorecardRedFlag[] }));
    const keys = [...new Set(mine.map((c) => `${c.rubricId}:${c.rubricVersion}`))];
    const versions = new Map<string, RubricVersionEntity>();
    const [names, found] = await Promise.all([
      this.users.findByIds([...new Set(mine.map((c) => c.interviewerId))]).then((us) => new Map(us.map((u) => [u.id, u.name]))),
      keys.length ? this.versions.createQueryBuilder('v').where(`v.rubricId || ':' || v.version IN (:...keys)`, { keys }).getMany() : Promise.resolve([]),
    ]);
    for (const v of found) versions.set(`${v.rubricId}:${v.version}`, v);
    for (const c of mine) {
      const v = versions.get(`${c.rubricId}:${c.rubricVersion}`);
      if (!v) continue;
      const weights = new Map(v.criteria.filter((k) => String(k.kind) === c.kind).map((k) => [k.key, k.weight]));
      const flags = new Map(v.redFlags.map((f) => [f.key, f]));
      const list = cards.get(c.applicationId) ?? [];
      list.push({
        interviewerId: c.interviewerId,
        interviewerName: names.get(c.interviewerId) ?? c.interviewerId,
        kind: c.kind,
        rubricId: c.rubricId,
        recommendation: c.recommendation,
        ratings: c.ratings.filter((x) => weights.has(x.criterionKey)).map((x) => ({ key: x.criterionKey, weight: weights.get(x.criterionKey) as number, rating: x.rating })),
        redFlags: c.redFlags.map((f) => ({ key: f.key, title: flags.get(f.key)?.title ?? f.key, severity: flags.get(f.key)?.severity ?? RedFlagSeverity.HIGH })),
      });
      cards.set(c.applicationId, list);
    }
    return cards;
  }

  /**
   * Scorecards added or changed after `since` (a stored timestamp as text): of one job, or of
   * every job (`jobId` null: calibration reads them all), as a subquery of `id`,
   * `applicationId` and `stamp` for a cache's one-statement change read (selectChanges).
   */
  changesSince(jobId: string | null, since: string): SqlFragment {
    const qb = this.scorecards
      .createQueryBuilder('card')
      .select('card.id', 'id')
      .addSelect('card.applicationId', 'applicationId')
      .addSelect('CAST(card.updatedAt AS TEXT)', 'stamp')
      .where('card.updatedAt > :changedSince', { changedSince: since });
    if (jobId) qb.andWhere('card.jobId = :changesJobId', { changesJobId: jobId });
    return fragment(qb);
  }

  /**
   * The job's scorecards whose interviewer's account changed after `since` (a rename: the
   * evidence names interviewers), stamped with the account's change: the same subquery shape as
   * changesSince.
   */
  interviewerChangesSince(jobId: string, since: string): SqlFragment {
    return fragment(
      this.scorecards
        .createQueryBuilder('ivcard')
        .innerJoin(UserEntity, 'iv', 'iv.id = ivcard.interviewerId')
        .select('ivcard.id', 'id')
        .addSelect('ivcard.applicationId', 'applicationId')
        .addSelect('CAST(iv.updatedAt AS TEXT)', 'stamp')
        .where('iv.updatedAt > :changedSince', { changedSince: since })
        .andWhere('ivcard.jobId = :changesJobId', { changesJobId: jobId }),
    );
  }
}
