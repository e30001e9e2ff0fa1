import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UsersService } from '@app/auth';
import { fragment, SqlFragment } from '@app/common';
import { RedFlagSeverity, RubricVersionEntity, ScorecardEntity, ScorecardRating, ScorecardRedFlag, ScorecardStatus } from '@app/domain';
import { calibrateWithinKind } from './calibration/calibration';

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
   * candidates, not just this job's), read raw: hydrating tens of thousands of entities is what
   * made a cold ranking slow. This job's cards come back weighted by the rubric version each
   * was scored against (a second query); all of them feed the calibration.
   */
  async forJob(jobId: string): Promise<JobScorecardEvidence> {
    const rows = await this.scorecards
      .createQueryBuilder('c')
      .select('c.applicationId', 'applicationId')
      .addSelect('c.jobId', 'jobId')
      .addSelect('c.interviewerId', 'interviewerId')
      .addSelect('c.rubricId', 'rubricId')
      .addSelect('c.rubricVersion', 'rubricVersion')
      .addSelect('c.kind', 'kind')
      .addSelect('c.ratings', 'ratings')
      .addSelect('c.redFlags', 'redFlags')
      .addSelect('c.recommendation', 'recommendation')
      .where('c.status = :submitted', { submitted: ScorecardStatus.SUBMITTED })
      .getRawMany<{ applicationId: string; jobId: string; interviewerId: string; rubricId: string; rubricVersion: number; kind: string; ratings: string; redFlags: string; recommendation: string }>();
    const parsed = rows.map((r) => ({ ...r, ratings: JSON.parse(r.ratings) as ScorecardRating[], redFlags: JSON.parse(r.redFlags) as ScorecardRedFlag[] }));
    const calibration = new Map<string, InterviewerLeniency>(
      [
        ...calibrateWithinKind(
          parsed.map((c) => ({
            interviewerId: c.interviewerId,
            candidateId: c.applicationId,
            kind: c.kind,
            rubricId: c.rubricId,
            ratings: c.ratings.flatMap((x) => (x.rating === null ? [] : [x.rating])),
          })),
        ),
      ].map(([key, c]) => [key, { offset: c.leniencyOffset, sharedCandidates: c.sharedCandidates }]),
    );
    const mine = parsed.filter((c) => c.jobId === jobId);
    const keys = [...new Set(mine.map((c) => `${c.rubricId}:${c.rubricVersion}`))];
    const versions = new Map<string, RubricVersionEntity>();
    const names = new Map((await this.users.findByIds([...new Set(mine.map((c) => c.interviewerId))])).map((u) => [u.id, u.name]));
    if (keys.length) {
      const found = await this.versions.createQueryBuilder('v').where(`v.rubricId || ':' || v.version IN (:...keys)`, { keys }).getMany();
      for (const v of found) versions.set(`${v.rubricId}:${v.version}`, v);
    }
    const cards = new Map<string, ScorecardEvidence[]>();
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
    return { cards, calibration };
  }

  /**
   * A value that moves whenever any scorecard is added or changes (calibration reads them all),
   * as a subquery for a cache's one-statement check (selectScalars in @app/common).
   */
  changeMarker(): SqlFragment {
    return fragment(this.scorecards.createQueryBuilder('card').select(`COUNT(*) || ':' || COALESCE(CAST(MAX(card.updatedAt) AS TEXT), '')`));
  }
}
