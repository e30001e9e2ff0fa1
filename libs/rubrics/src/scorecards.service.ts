import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, Repository } from 'typeorm';
import { AppError, Clock, CLOCK } from '@app/common';
import {
  InterviewEntity,
  InterviewKind,
  InterviewStatus,
  Recommendation,
  RedFlagSeverity,
  RubricVersionEntity,
  ScorecardContent,
  ScorecardEntity,
  ScorecardStatus,
  ScorecardVersionEntity,
} from '@app/domain';
import { HiringActor, requiredReason } from '@app/hiring';
import { readableScorecards } from './access';
import { InterviewsService } from './interviews.service';
import { RubricsService } from './rubrics.service';
import { criteriaFor, draftProblems, normalizeContent, submissionProblems, WeightedRating, weightedRatings } from './scorecard-rules';

/** Left undefined (or null), a field keeps the draft's value; lists replace whole lists. */
export interface ScorecardChanges {
  ratings?: readonly { criterionKey: string; rating?: number | null; evidence?: string | null }[] | null;
  redFlags?: readonly { key: string; evidence?: string | null }[] | null;
  recommendation?: Recommendation | null;
  notes?: string | null;
}

/** A submitted scorecard as the shortlist reads it: weighted ratings on 0-1 and the red flags ticked. */
export interface SubmittedScorecardSummary {
  scorecardId: string;
  interviewId: string;
  applicationId: string;
  interviewerId: string;
  kind: InterviewKind;
  rubricId: string;
  rubricVersion: number;
  /** 1 for the submission, higher after amendments; the summary is of the latest. */
  version: number;
  recommendation: Recommendation;
  submittedAt: Date;
  amendedAt: Date | null;
  /** The interview kind's criteria that were rated, in rubric order, each with its weight and rating on 0-1. */
  criteria: WeightedRating[];
  /** Weighted mean of criteria[].unit, 0-1. */
  score: number | null;
  redFlags: { key: string; title: string; severity: RedFlagSeverity; evidence: string }[];
}

const EMPTY: ScorecardContent = { ratings: [], redFlags: [], recommendation: null, notes: '' };
const CHANGED_MEANWHILE = 'The scorecard changed meanwhile; read it again and retry';
const IN_CHUNKS = 1000;

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message);
}

function contentOf(s: Pick<ScorecardEntity, 'ratings' | 'redFlags' | 'recommendation' | 'notes'>): ScorecardContent {
  return { ratings: s.ratings, redFlags: s.redFlags, recommendation: s.recommendation, notes: s.notes };
}

function merged(base: ScorecardContent, c: ScorecardChanges): ScorecardContent {
  return normalizeContent({
    ratings: c.ratings
      ? c.ratings.map((r) => ({ criterionKey: r.criterionKey, rating: r.rating ?? null, evidence: r.evidence ?? null }))
      : base.ratings,
    redFlags: c.redFlags ? c.redFlags.map((f) => ({ key: f.key, evidence: f.evidence ?? '' })) : base.redFlags,
    recommendation: c.recommendation ?? base.recommendation,
    notes: c.notes ?? base.notes,
  });
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += IN_CHUNKS) out.push(xs.slice(i, i + IN_CHUNKS));
  return out;
}

/**
 * Scorecards: one per interview, written by its interviewer only. A draft is saved freely; a
 * submission is final and validated in full; an amendment is a new version with its reason.
 * Reads go through the blind rule (see access.ts).
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ScorecardEntity) private readonly scorecards: Repository<ScorecardEntity>,
    @InjectRepository(ScorecardVersionEntity) private readonly versions: Repository<ScorecardVersionEntity>,
    private readonly interviews: InterviewsService,
    private readonly rubrics: RubricsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async saveDraft(interviewId: string, changes: ScorecardChanges, actor: HiringActor): Promise<ScorecardEntity> {
    const interview = await this.ownInterview(interviewId, actor);
    const existing = await this.scorecards.findOneBy({ interviewId });
    if (existing?.status === ScorecardStatus.SUBMITTED) throw AppError.precondition('This scorecard is submitted: amend it, with a reason');
    const content = merged(existing ? contentOf(existing) : EMPTY, changes);
    const problems = draftProblems(content, await this.rubrics.version(interview.rubricId, interview.rubricVersion), interview.kind);
    if (problems.length) throw AppError.badInput(problems);
    if (!existing) {
      try {
        return await this.scorecards.save(
          this.scorecards.create({
            ...this.fromInterview(interview),
            ...content,
            status: ScorecardStatus.DRAFT,
            version: 0,
            submittedAt: null,
            amendedAt: null,
          }),
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw AppError.conflict(CHANGED_MEANWHILE);
        throw e;
      }
    }
    const res = await this.scorecards.update({ id: existing.id, status: ScorecardStatus.DRAFT }, { ...content });
    if (res.affected !== 1) throw AppError.conflict(CHANGED_MEANWHILE);
    return this.scorecards.findOneByOrFail({ id: existing.id });
  }

  /**
   * Final: every criterion of the interview's kind rated (evidence for 1 and 4), evidence for
   * each red flag, a recommendation. Completes the interview, and keeps the content as
   * version 1.
   */
  async submit(interviewId: string, changes: ScorecardChanges, actor: HiringActor): Promise<ScorecardEntity> {
    const interview = await this.ownInterview(interviewId, actor);
    const existing = await this.scorecards.findOneBy({ interviewId });
    if (existing?.status === ScorecardStatus.SUBMITTED)
      throw AppError.precondition('This scorecard is already submitted: amend it, with a reason');
    const content = merged(existing ? contentOf(existing) : EMPTY, changes);
    const ref = { rubricId: interview.rubricId, version: interview.rubricVersion };
    const before = submissionProblems(content, await this.rubrics.version(ref.rubricId, ref.version), interview.kind);
    if (before.length) throw AppError.badInput(before);
    const at = this.clock.now();
    const id = await this.dataSource.transaction(async (em) => {
      // First the rubric version's row: an in-place edit of it waits for this transaction, and
      // this one reads the version as it stands once it holds the lock.
      await em.increment(RubricVersionEntity, ref, 'submittedScorecards', 1);
      const version = await em.findOneByOrFail(RubricVersionEntity, ref);
      const problems = submissionProblems(content, version, interview.kind);
      if (problems.length) throw AppError.badInput(problems);
      const done = await em.update(
        InterviewEntity,
        { id: interview.id, status: InterviewStatus.SCHEDULED },
        { status: InterviewStatus.COMPLETED },
      );
      if (done.affected !== 1) throw AppError.conflict('The interview changed meanwhile (cancelled or submitted); read it again');
      let scorecardId: string;
      if (existing) {
        const res = await em.update(
          ScorecardEntity,
          { id: existing.id, status: ScorecardStatus.DRAFT },
          { ...content, status: ScorecardStatus.SUBMITTED, version: 1, submittedAt: at },
        );
        if (res.affected !== 1) throw AppError.conflict(CHANGED_MEANWHILE);
        scorecardId = existing.id;
      } else {
        try {
          scorecardId = (
            await em.save(
              em.create(ScorecardEntity, {
                ...this.fromInterview(interview),
                ...content,
                status: ScorecardStatus.SUBMITTED,
                version: 1,
                submittedAt: at,
                amendedAt: null,
              }),
            )
          ).id;
        } catch (e) {
          if (isUniqueViolation(e)) throw AppError.conflict(CHANGED_MEANWHILE);
          throw e;
        }
      }
      await em.save(
        em.create(ScorecardVersionEntity, {
          scorecardId,
          version: 1,
          ...content,
          recommendation: content.recommendation!,
          reason: null,
          authorId: interview.interviewerId,
          at,
        }),
      );
      return scorecardId;
    });
    return this.scorecards.findOneByOrFail({ id });
  }

  /** A change to a submitted scorecard, by its interviewer, with a reason: kept as the next version; earlier versions stay. */
  async amend(scorecardId: string, changes: ScorecardChanges, reason: string, actor: HiringActor): Promise<ScorecardEntity> {
    const why = requiredReason(reason);
    const card = await this.scorecards.findOneBy({ id: scorecardId });
    if (!card || !(await this.canRead(card, actor))) throw AppError.notFound('Scorecard', scorecardId);
    if (card.interviewerId !== actor.id) throw AppError.forbidden('Only the interviewer amends their scorecard');
    if (card.status !== ScorecardStatus.SUBMITTED) throw AppError.precondition('This scorecard is a draft: save or submit it instead');
    const content = merged(contentOf(card), changes);
    const problems = submissionProblems(content, await this.rubrics.version(card.rubricId, card.rubricVersion), card.kind);
    if (problems.length) throw AppError.badInput(problems);
    const at = this.clock.now();
    const next = card.version + 1;
    await this.dataSource.transaction(async (em) => {
      try {
        await em.save(
          em.create(ScorecardVersionEntity, {
            scorecardId,
            version: next,
            ...content,
            recommendation: content.recommendation!,
            reason: why,
            authorId: card.interviewerId,
            at,
          }),
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw AppError.conflict(CHANGED_MEANWHILE);
        throw e;
      }
      const res = await em.update(
        ScorecardEntity,
        { id: scorecardId, version: card.version },
        { ...content, version: next, amendedAt: at },
      );
      if (res.affected !== 1) throw AppError.conflict(CHANGED_MEANWHILE);
    });
    return this.scorecards.findOneByOrFail({ id: scorecardId });
  }

  /**
   * The scorecards of many applications that the viewer may read (the blind rule), in two
   * queries whatever the number of applications. Oldest first.
   */
  async readableForApplications(applicationIds: readonly string[], viewer: HiringActor): Promise<Map<string, ScorecardEntity[]>> {
    const out = new Map<string, ScorecardEntity[]>(applicationIds.map((id) => [id, []]));
    if (!applicationIds.length || !viewer.id) return out;
    const [rows, own] = await Promise.all([
      this.forApplications(applicationIds),
      this.interviews.ownForApplications(viewer.id, applicationIds),
    ]);
    for (const [applicationId, cards] of rows) out.set(applicationId, readableScorecards(viewer, cards, own.get(applicationId) ?? []));
    return out;
  }

  /** Whether the viewer may read this scorecard (the blind rule, for a scorecard reached by id). */
  async canRead(card: ScorecardEntity, viewer: HiringActor): Promise<boolean> {
    const readable = (await this.readableForApplications([card.applicationId], viewer)).get(card.applicationId) ?? [];
    return readable.some((c) => c.id === card.id);
  }

  /** Every version of many scorecards, oldest first, in one query. */
  async versionsOf(scorecardIds: readonly string[]): Promise<Map<string, ScorecardVersionEntity[]>> {
    const out = new Map<string, ScorecardVersionEntity[]>(scorecardIds.map((id) => [id, []]));
    for (const ids of chunks(scorecardIds)) {
      const rows = await this.versions.find({ where: { scorecardId: In(ids) }, order: { version: 'ASC' } });
      for (const r of rows) out.get(r.scorecardId)?.push(r);
    }
    return out;
  }

  /** No access check: for trusted callers (the shortlist, calibration). */
  async submittedScorecards(filter: { applicationIds?: readonly string[]; jobId?: string | null }): Promise<ScorecardEntity[]> {
    const base = { status: ScorecardStatus.SUBMITTED, ...(filter.jobId ? { jobId: filter.jobId } : {}) };
    if (!filter.applicationIds) return this.scorecards.find({ where: base, order: { submittedAt: 'ASC', id: 'ASC' } });
    const out: ScorecardEntity[] = [];
    for (const ids of chunks(filter.applicationIds))
      out.push(...(await this.scorecards.find({ where: { ...base, applicationId: In(ids) }, order: { submittedAt: 'ASC', id: 'ASC' } })));
    return out;
  }

  /**
   * For the shortlist: the submitted scorecards of many applications, each with its criteria
   * ratings weighted and mapped to 0-1 and its red flags with their severity, from the rubric
   * version it was scored against. Two queries per thousand applications, no access check.
   */
  async submittedForApplications(applicationIds: readonly string[]): Promise<Map<string, SubmittedScorecardSummary[]>> {
    return this.summaries(await this.submittedScorecards({ applicationIds }), new Map(applicationIds.map((id) => [id, []])));
  }

  /** The same summaries for every application of a job: two queries whatever the number of applications. */
  async submittedForJob(jobId: string): Promise<Map<string, SubmittedScorecardSummary[]>> {
    return this.summaries(await this.submittedScorecards({ jobId }), new Map());
  }

  private async summaries(cards: ScorecardEntity[], out: Map<string, SubmittedScorecardSummary[]>): Promise<Map<string, SubmittedScorecardSummary[]>> {
    const versions = new Map(
      (await this.rubrics.findVersions(cards.map((c) => ({ rubricId: c.rubricId, version: c.rubricVersion })))).map((v) => [
        `${v.rubricId}:${v.version}`,
        v,
      ]),
    );
    for (const c of cards) {
      const v = versions.get(`${c.rubricId}:${c.rubricVersion}`);
      if (!v) throw new Error(`Scorecard ${c.id} refers to rubric ${c.rubricId} v${c.rubricVersion}, which does not exist`);
      const { ratings, score } = weightedRatings(criteriaFor(v, c.kind), c.ratings);
      const flags = new Map(v.redFlags.map((f) => [f.key, f]));
      if (!out.has(c.applicationId)) out.set(c.applicationId, []);
      out.get(c.applicationId)?.push({
        scorecardId: c.id,
        interviewId: c.interviewId,
        applicationId: c.applicationId,
        interviewerId: c.interviewerId,
        kind: c.kind,
        rubricId: c.rubricId,
        rubricVersion: c.rubricVersion,
        version: c.version,
        recommendation: c.recommendation!,
        submittedAt: c.submittedAt!,
        amendedAt: c.amendedAt,
        criteria: ratings,
        score,
        redFlags: c.redFlags.map((f) => ({
          key: f.key,
          title: flags.get(f.key)?.title ?? f.key,
          severity: flags.get(f.key)?.severity ?? RedFlagSeverity.HIGH,
          evidence: f.evidence,
        })),
      });
    }
    return out;
  }

  findByInterviewIds(interviewIds: readonly string[]): Promise<ScorecardEntity[]> {
    return interviewIds.length ? this.scorecards.findBy({ interviewId: In([...interviewIds]) }) : Promise.resolve([]);
  }

  private async forApplications(applicationIds: readonly string[]): Promise<Map<string, ScorecardEntity[]>> {
    const out = new Map<string, ScorecardEntity[]>(applicationIds.map((id) => [id, []]));
    for (const ids of chunks(applicationIds)) {
      const rows = await this.scorecards.find({ where: { applicationId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
      for (const r of rows) out.get(r.applicationId)?.push(r);
    }
    return out;
  }

  /** The interview, when the actor is its interviewer and it still takes a scorecard. */
  private async ownInterview(interviewId: string, actor: HiringActor): Promise<InterviewEntity> {
    const interview = await this.interviews.getReadable(interviewId, actor);
    if (interview.interviewerId !== actor.id) throw AppError.forbidden('Only the interviewer writes the scorecard of an interview');
    if (interview.status === InterviewStatus.CANCELLED) throw AppError.precondition(`Interview ${interviewId} was cancelled`);
    return interview;
  }

  private fromInterview(
    i: InterviewEntity,
  ): Pick<ScorecardEntity, 'interviewId' | 'applicationId' | 'jobId' | 'interviewerId' | 'rubricId' | 'rubricVersion' | 'kind'> {
    return {
      interviewId: i.id,
      applicationId: i.applicationId,
      jobId: i.jobId,
      interviewerId: i.interviewerId,
      rubricId: i.rubricId,
      rubricVersion: i.rubricVersion,
      kind: i.kind,
    };
  }
}
