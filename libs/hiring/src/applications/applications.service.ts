import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError, Repository } from 'typeorm';
import { AppError, Clock, CLOCK, ErrorCode, fragment, SqlFragment } from '@app/common';
import {
  JobEntity,
  ActorRole,
  ApplicantProfile,
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationEventKind,
  ApplicationStage,
  EducationStatus,
  JobStatus,
  Role,
  ScreeningOutcome,
} from '@app/domain';
import { actorRole, HiringActor, HIRING_MANAGERS, isStaff, optionalReason, requiredReason, requireManager } from '../hiring-actor';
import { JobsService, Page } from '../jobs/jobs.service';
import { parseAnswers, RawAnswer } from '../screening/answers';
import { screen } from '../screening/screening';
import { matchSkills } from '../screening/skills-match';
import { checkTransition, FINAL_STAGES, REOPEN_STAGE } from '../stages/stage-transitions';
import { IDENTITY_REVEALED_STAGES } from './anonymized-review';

export const RESUME_MAX_CHARS = 20_000;

export interface NewApplication {
  jobId: string;
  profile: {
    name: string;
    email: string;
    education: { degree: string; field: string; status: EducationStatus; institution?: string | null };
    links?: string[] | null;
    skills?: { name: string; level: number }[] | null;
  };
  answers: RawAnswer[];
  resume: string;
}

export interface ApplicationFilter {
  jobId?: string | null;
  stage?: ApplicationStage | null;
  outcome?: ScreeningOutcome | null;
  /** The review queue of knock-outs: failed, not yet confirmed or dismissed by a recruiter. */
  awaitingRejection?: boolean | null;
  /** Only these applications (an interviewer's); undefined for all. */
  applicationIds?: readonly string[];
  limit: number;
  offset: number;
}

const AWAITING_REJECTION = { autoOutcome: ScreeningOutcome.REJECTED, outcome: ScreeningOutcome.REVIEW, overrideOutcome: IsNull(), stage: ApplicationStage.SCREENED };

/** A failed knock-out in the review queue: not rejected yet, not overridden by anyone. */
export function isAwaitingRejection(a: Pick<ApplicationEntity, 'autoOutcome' | 'outcome' | 'overrideOutcome' | 'stage'>): boolean {
  return a.autoOutcome === ScreeningOutcome.REJECTED && a.outcome === ScreeningOutcome.REVIEW && a.overrideOutcome === null && a.stage === ApplicationStage.SCREENED;
}

/** An event as a given viewer may read it (see ApplicationsService.history). */
export type ApplicationEventView = Pick<
  ApplicationEventEntity,
  'id' | 'applicationId' | 'seq' | 'kind' | 'fromStage' | 'toStage' | 'fromOutcome' | 'toOutcome' | 'actorId' | 'actorRole' | 'at'
> & { reason: string | null };

/**
 * What a candidate may read about their own rejection: the knock-out reasons, while the
 * outcome in force is the automatic knock-out rejection (not overridden to PASSED or REVIEW).
 * A recruiter's own notes (overrides, stage moves) stay internal.
 */
export function knockoutReasons(a: Pick<ApplicationEntity, 'autoOutcome' | 'outcome' | 'screeningReasons'>): string[] {
  return a.autoOutcome === ScreeningOutcome.REJECTED && a.outcome === ScreeningOutcome.REJECTED ? a.screeningReasons : [];
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message);
}

const MOVED_MEANWHILE = 'The application changed meanwhile; read it again and retry';

export type ApplicationRankingInput = Pick<
  ApplicationEntity,
  'id' | 'candidateId' | 'stage' | 'outcome' | 'autoOutcome' | 'overrideOutcome' | 'skillsScore' | 'profile' | 'createdAt'
>;

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationEventEntity) private readonly events: Repository<ApplicationEventEntity>,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A candidate applies to a published job, once. The answers are checked against the job's
   * questions, screening and skills match run at once, and the history records the
   * application (by the candidate) and the screening move (by the system): to SCREENED, or to
   * REJECTED when a knock-out failed and the job rejects automatically (opt-in). Otherwise a
   * failed knock-out waits at SCREENED with the outcome REVIEW (the automatic outcome stays
   * REJECTED, with its reasons) until a recruiter confirms it (confirmRejections) or overrides it.
   */
  async apply(input: NewApplication, candidate: HiringActor): Promise<ApplicationEntity> {
    if (actorRole(candidate) !== ActorRole.CANDIDATE || !candidate.id) throw AppError.forbidden('Only candidates apply to jobs');
    const candidateId = candidate.id;
    const job = await this.jobs.findById(input.jobId);
    if (!job || job.status !== JobStatus.PUBLISHED) throw AppError.notFound('Job', input.jobId);
    if (input.resume.length > RESUME_MAX_CHARS) throw AppError.badInput([{ field: 'resume', message: `must be at most ${RESUME_MAX_CHARS} characters` }]);
    if (!input.resume.trim()) throw AppError.badInput([{ field: 'resume', message: 'must not be empty' }]);
    const parsed = parseAnswers(job.screeningQuestions, input.answers);
    if (!parsed.ok) throw AppError.badInput(parsed.problems);
    if (await this.applications.existsBy({ jobId: job.id, candidateId })) throw this.alreadyApplied(job.id);

    const profile = normalizeProfile(input.profile);
    const result = screen(job.screeningQuestions, job.screeningThreshold, parsed.answers);
    const skills = matchSkills(job.hardSkills, profile.skills);
    const knockedOut = result.outcome === ScreeningOutcome.REJECTED;
    const rejected = knockedOut && job.autoReject;
    const stage = rejected ? ApplicationStage.REJECTED : ApplicationStage.SCREENED;
    const outcome = knockedOut && !rejected ? ScreeningOutcome.REVIEW : result.outcome;
    try {
      return await this.dataSource.transaction(async (em) => {
        const saved = await em.save(
          em.create(ApplicationEntity, {
            jobId: job.id,
            candidateId,
            profile,
            answers: parsed.answers,
            resume: input.resume.trim(),
            stage,
            outcome,
            autoOutcome: result.outcome,
            screeningReasons: result.reasons,
            screeningScore: result.score,
            skillsMatch: skills,
            skillsScore: skills.score,
            overrideOutcome: null,
            overrideReason: null,
            overriddenById: null,
            overriddenAt: null,
          }),
        );
        const at = this.clock.now();
        await this.append(em, saved.id, { kind: ApplicationEventKind.STAGE_CHANGE, fromStage: null, toStage: ApplicationStage.APPLIED, actorId: candidateId, actorRole: ActorRole.CANDIDATE, reason: 'Applied', at });
        await this.append(em, saved.id, {
          kind: ApplicationEventKind.STAGE_CHANGE,
          fromStage: ApplicationStage.APPLIED,
          toStage: stage,
          toOutcome: outcome,
          actorId: null,
          actorRole: ActorRole.SYSTEM,
          reason: rejected
            ? result.reasons.join('; ')
            : knockedOut
              ? `Automatic screening: REVIEW, awaiting a recruiter's confirmation of the knock-out. ${result.reasons.join('; ')}`
              : `Automatic screening: ${result.outcome}. ${result.reasons.join('; ')}`,
          at,
        });
        return saved;
      });
    } catch (e) {
      // Two submissions racing: the unique index on (job, candidate) decides.
      if (isUniqueViolation(e)) throw this.alreadyApplied(job.id);
      throw e;
    }
  }

  /** No access check: for trusted callers (other services). Resolvers use getReadable. */
  findById(id: string): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<ApplicationEntity[]> {
    return ids.length ? this.applications.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * Recruiters and admins read any application; a candidate only their own. Anything else is
   * NOT_FOUND, never FORBIDDEN. Interviewers read only the applications they interview, which
   * this lib cannot tell: @app/rubrics' ApplicationAccessService grants them those.
   */
  async getReadable(id: string, viewer: HiringActor): Promise<ApplicationEntity> {
    const a = await this.findById(id);
    if (!a || !this.canRead(a, viewer)) throw AppError.notFound('Application', id);
    return a;
  }

  canRead(a: Pick<ApplicationEntity, 'candidateId'>, viewer: HiringActor): boolean {
    return HIRING_MANAGERS.includes(viewer.role as Role) || (actorRole(viewer) === ActorRole.CANDIDATE && a.candidateId === viewer.id);
  }

  /** Oldest first. No access check: callers scope it (applicationIds) to what the viewer may read. */
  async list(f: ApplicationFilter): Promise<Page<ApplicationEntity>> {
    if (f.applicationIds && !f.applicationIds.length) return { items: [], total: 0 };
    const where = {
      ...(f.applicationIds ? { id: In([...f.applicationIds]) } : {}),
      ...(f.jobId ? { jobId: f.jobId } : {}),
      ...(f.stage ? { stage: f.stage } : {}),
      ...(f.outcome ? { outcome: f.outcome } : {}),
      ...(f.awaitingRejection ? AWAITING_REJECTION : {}),
    };
    const [items, total] = await this.applications.findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, take: f.limit, skip: f.offset });
    return { items, total };
  }

  /** A candidate's own applications, newest first. */
  async listMine(candidateId: string, page: { limit: number; offset: number }): Promise<Page<ApplicationEntity>> {
    const [items, total] = await this.applications.findAndCount({ where: { candidateId }, order: { createdAt: 'DESC', id: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }

  /** Applications per job, in one query, for list fields (DataLoader). */
  async countByJobIds(jobIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(jobIds.map((id) => [id, 0]));
    if (!jobIds.length) return counts;
    const rows = await this.applications
      .createQueryBuilder('a')
      .select('a.jobId', 'jobId')
      .addSelect('COUNT(*)', 'n')
      .where('a.jobId IN (:...ids)', { ids: [...jobIds] })
      .groupBy('a.jobId')
      .getRawMany<{ jobId: string; n: string | number }>();
    for (const r of rows) counts.set(r.jobId, Number(r.n));
    return counts;
  }

  /**
   * What a ranking reads of the applications of a job (all of them, or those of `ids`: the
   * shortlist re-reads only what changed): one query, only these columns hydrated.
   */
  rankingInputs(jobId: string, ids?: readonly string[]): Promise<ApplicationRankingInput[]> {
    const qb = this.applications
      .createQueryBuilder('a')
      .select(['a.id', 'a.candidateId', 'a.stage', 'a.outcome', 'a.autoOutcome', 'a.overrideOutcome', 'a.skillsScore', 'a.profile', 'a.createdAt'])
      .where('a.jobId = :jobId', { jobId });
    if (ids) {
      if (!ids.length) return Promise.resolve([]);
      qb.andWhere('a.id IN (:...ids)', { ids: [...ids] });
    }
    return qb.getMany();
  }

  /**
   * The applications of a job added or changed after `since` (a stored timestamp as text), as a
   * subquery of `id`, `applicationId` and `stamp` for a cache's one-statement change read
   * (selectChanges in @app/common). CAST(... AS TEXT) keeps PostgreSQL's microseconds.
   */
  changesSince(jobId: string, since: string): SqlFragment {
    return fragment(
      this.applications
        .createQueryBuilder('app')
        .select('app.id', 'id')
        // An expression, not the column again: the query builder would select `id` twice.
        .addSelect("app.id || ''", 'applicationId')
        .addSelect('CAST(app.updatedAt AS TEXT)', 'stamp')
        .where('app.jobId = :changesJobId', { changesJobId: jobId })
        .andWhere('app.updatedAt > :changedSince', { changedSince: since }),
    );
  }

  /**
   * Moves an application to another stage and records who, when, from, to and why. The
   * transition table decides what is allowed (checkTransition). A candidate can only withdraw
   * their own application (someone else's is NOT_FOUND); recruiters, admins and SYSTEM_ACTOR
   * make every other move and must give a reason. Throws FAILED_PRECONDITION for a move the
   * table refuses (including a move to the current stage), CONFLICT when the application
   * moved meanwhile.
   */
  async moveStage(applicationId: string, to: ApplicationStage, actor: HiringActor, reason?: string | null): Promise<ApplicationEntity> {
    const role = actorRole(actor);
    const why = role === ActorRole.CANDIDATE ? (optionalReason(reason) ?? 'Withdrawn by the candidate') : requiredReason(reason);
    return this.dataSource.transaction(async (em) => {
      const a = await em.findOneBy(ApplicationEntity, { id: applicationId });
      if (!a || (role === ActorRole.CANDIDATE && a.candidateId !== actor.id)) throw AppError.notFound('Application', applicationId);
      const check = checkTransition(a.stage, to, role);
      if (!check.ok) throw new AppError(check.code === 'FORBIDDEN' ? ErrorCode.FORBIDDEN : ErrorCode.FAILED_PRECONDITION, check.message);
      await this.setStage(em, a, to);
      const at = this.clock.now();
      await this.append(em, a.id, { kind: ApplicationEventKind.STAGE_CHANGE, fromStage: a.stage, toStage: to, actorId: actor.id, actorRole: role, reason: why, at });
      // Anonymized review: the first move into a stage that shows the identity is recorded as the reveal.
      if (IDENTITY_REVEALED_STAGES.includes(to) && !IDENTITY_REVEALED_STAGES.includes(a.stage)) {
        const job = await em.findOneBy(JobEntity, { id: a.jobId });
        const revealedBefore = await em.existsBy(ApplicationEventEntity, { applicationId: a.id, kind: ApplicationEventKind.IDENTITY_REVEALED });
        if (job?.anonymizedReview && !revealedBefore) {
          await this.append(em, a.id, { kind: ApplicationEventKind.IDENTITY_REVEALED, fromStage: a.stage, toStage: to, actorId: actor.id, actorRole: role, reason: 'Identity revealed: the candidate reached the shortlist', at });
        }
      }
      a.stage = to;
      return a;
    });
  }

  /**
   * moveStage when the table allows the move from the current stage; false (and nothing
   * recorded) when it does not, e.g. an invitation to a second assessment while the
   * application is already at ASSESSMENT. Still NOT_FOUND for an unknown application.
   */
  async tryMoveStage(applicationId: string, to: ApplicationStage, actor: HiringActor, reason: string): Promise<boolean> {
    const a = await this.findById(applicationId);
    if (!a) throw AppError.notFound('Application', applicationId);
    if (!checkTransition(a.stage, to, actorRole(actor)).ok) return false;
    try {
      await this.moveStage(applicationId, to, actor, reason);
      return true;
    } catch (e) {
      // Someone else moved it in between: the move no longer applies.
      if (e instanceof AppError && (e.code === ErrorCode.CONFLICT || e.code === ErrorCode.FAILED_PRECONDITION)) return false;
      throw e;
    }
  }

  /**
   * The review queue's decision, in bulk: each application's failed knock-out becomes a
   * rejection (the override path: history, and the candidate then reads the knock-out reasons).
   * Every id must be awaiting one, or nothing is done and each wrong id is named.
   */
  async confirmRejections(applicationIds: readonly string[], reason: string | null | undefined, actor: HiringActor): Promise<ApplicationEntity[]> {
    requireManager(actor);
    const found = new Map((await this.findByIds(applicationIds)).map((a) => [a.id, a]));
    const problems = applicationIds.flatMap((id, i) => {
      const a = found.get(id);
      if (!a) return [{ field: `applicationIds.${i}`, message: 'no such application' }];
      if (!isAwaitingRejection(a)) return [{ field: `applicationIds.${i}`, message: `is not awaiting a knock-out confirmation (stage ${a.stage}, outcome ${a.outcome})` }];
      return [];
    });
    if (new Set(applicationIds).size !== applicationIds.length) problems.push({ field: 'applicationIds', message: 'must not repeat an id' });
    if (problems.length) throw AppError.badInput(problems);
    const why = reason?.trim() ? reason : 'Knock-out confirmed';
    const done: ApplicationEntity[] = [];
    for (const id of applicationIds) done.push(await this.overrideScreening(id, ScreeningOutcome.REJECTED, why, actor));
    return done;
  }

  /**
   * A recruiter's decision over the automatic screening, with a required reason. The automatic
   * outcome and its reasons stay as computed. Overriding to REJECTED rejects an open
   * application; overriding a screening rejection to PASSED or REVIEW reopens it at SCREENED
   * (the only way out of REJECTED). Both the override and any stage move go to the history.
   */
  async overrideScreening(applicationId: string, outcome: ScreeningOutcome, reason: string, actor: HiringActor): Promise<ApplicationEntity> {
    const managerId = requireManager(actor);
    const role = actorRole(actor);
    const why = requiredReason(reason);
    return this.dataSource.transaction(async (em) => {
      const a = await em.findOneBy(ApplicationEntity, { id: applicationId });
      if (!a) throw AppError.notFound('Application', applicationId);
      if (a.stage === ApplicationStage.WITHDRAWN || a.stage === ApplicationStage.OFFER) {
        throw AppError.precondition(`The application is ${a.stage}: its screening can no longer be overridden`);
      }
      let stage = a.stage;
      if (outcome === ScreeningOutcome.REJECTED && !FINAL_STAGES.includes(a.stage)) stage = ApplicationStage.REJECTED;
      if (outcome !== ScreeningOutcome.REJECTED && a.stage === ApplicationStage.REJECTED) {
        if (a.outcome !== ScreeningOutcome.REJECTED) {
          throw AppError.precondition('The application was rejected by a stage move, not by screening: a screening override cannot reopen it');
        }
        stage = REOPEN_STAGE;
      }
      const at = this.clock.now();
      const res = await em
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ outcome, overrideOutcome: outcome, overrideReason: why, overriddenById: managerId, overriddenAt: at, stage })
        .where('id = :id AND stage = :stage AND outcome = :outcome', { id: a.id, stage: a.stage, outcome: a.outcome })
        .execute();
      if (res.affected !== 1) throw AppError.conflict(MOVED_MEANWHILE);
      await this.append(em, a.id, {
        kind: ApplicationEventKind.SCREENING_OVERRIDE,
        fromStage: a.stage,
        toStage: a.stage,
        fromOutcome: a.outcome,
        toOutcome: outcome,
        actorId: managerId,
        actorRole: role,
        reason: why,
        at,
      });
      if (stage !== a.stage) {
        await this.append(em, a.id, { kind: ApplicationEventKind.STAGE_CHANGE, fromStage: a.stage, toStage: stage, actorId: managerId, actorRole: role, reason: `Screening overridden to ${outcome}: ${why}`, at });
      }
      return Object.assign(a, { outcome, overrideOutcome: outcome, overrideReason: why, overriddenById: managerId, overriddenAt: at, stage });
    });
  }

  /**
   * The application's history, oldest first. Staff read every event. The candidate reads the
   * stage moves of their own application: who moved it only when it was themselves, and why
   * only for their own moves and a knock-out rejection; overrides stay internal.
   */
  async history(applicationId: string, viewer: HiringActor): Promise<ApplicationEventView[]> {
    return this.historyOf(await this.getReadable(applicationId, viewer), viewer);
  }

  /** history, for an application the caller has already checked the viewer may read. */
  async historyOf(application: Pick<ApplicationEntity, 'id'>, viewer: HiringActor): Promise<ApplicationEventView[]> {
    const applicationId = application.id;
    const events = await this.events.find({ where: { applicationId }, order: { seq: 'ASC' }, take: 1000 });
    if (isStaff(viewer)) return events;
    return events
      .filter((e) => e.kind === ApplicationEventKind.STAGE_CHANGE)
      .map((e) => {
        const own = e.actorId !== null && e.actorId === viewer.id;
        const knockout = e.actorRole === ActorRole.SYSTEM && e.toStage === ApplicationStage.REJECTED;
        return { ...e, actorId: own ? e.actorId : null, reason: own || knockout ? e.reason : null, fromOutcome: null, toOutcome: null };
      });
  }

  private alreadyApplied(jobId: string): AppError {
    return AppError.conflict(`You have already applied to job ${jobId}`);
  }

  /** Moves only if nobody moved it since it was read. */
  private async setStage(em: EntityManager, a: ApplicationEntity, to: ApplicationStage): Promise<void> {
    const res = await em.createQueryBuilder().update(ApplicationEntity).set({ stage: to }).where('id = :id AND stage = :from', { id: a.id, from: a.stage }).execute();
    if (res.affected !== 1) throw AppError.conflict(MOVED_MEANWHILE);
  }

  private async append(
    em: EntityManager,
    applicationId: string,
    e: Omit<ApplicationEventEntity, 'id' | 'applicationId' | 'seq' | 'fromOutcome' | 'toOutcome'> & Partial<Pick<ApplicationEventEntity, 'fromOutcome' | 'toOutcome'>>,
  ): Promise<void> {
    const last = await em
      .createQueryBuilder(ApplicationEventEntity, 'e')
      .select('MAX(e.seq)', 'seq')
      .where('e.applicationId = :applicationId', { applicationId })
      .getRawOne<{ seq: number | string | null }>();
    const seq = Number(last?.seq ?? 0) + 1;
    try {
      await em.save(em.create(ApplicationEventEntity, { fromOutcome: null, toOutcome: null, ...e, applicationId, seq }));
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict(MOVED_MEANWHILE);
      throw err;
    }
  }
}

function normalizeProfile(p: NewApplication['profile']): ApplicantProfile {
  return {
    name: p.name.trim(),
    email: p.email.trim().toLowerCase(),
    education: { degree: p.education.degree.trim(), field: p.education.field.trim(), status: p.education.status, institution: p.education.institution?.trim() || null },
    links: (p.links ?? []).map((l) => l.trim()),
    skills: (p.skills ?? []).map((s) => ({ name: s.name.trim(), level: s.level })),
  };
}
