import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppError } from '@app/common';
import { AssessmentResultsService, AttemptResults } from '@app/assessments';
import { UsersService } from '@app/auth';
import { ApplicationStage, InterviewEntity, InterviewKind, InterviewStatus, Role } from '@app/domain';
import { ApplicationsService, FINAL_STAGES, HiringActor, requiredReason, requireManager } from '@app/hiring';
import { isManager } from './access';
import { RubricsService } from './rubrics.service';
import { criteriaFor } from './scorecard-rules';

export interface NewInterview {
  applicationId: string;
  interviewerId: string;
  rubricId: string;
  kind: InterviewKind;
  scheduledAt: Date;
}

/** Who can be the interviewer of an interview: staff, never a candidate. */
export const INTERVIEWER_ROLES: readonly Role[] = [Role.INTERVIEWER, Role.RECRUITER, Role.ADMIN];

/** Stages an application leaves for INTERVIEW when its first interview is scheduled; later stages stay where the recruiter put them. */
const BEFORE_INTERVIEW: readonly ApplicationStage[] = [ApplicationStage.SCREENED, ApplicationStage.ASSESSMENT];

export const INTERVIEWS_PAGE_MAX = 200;

@Injectable()
export class InterviewsService {
  constructor(
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
    private readonly users: UsersService,
    private readonly assessmentResults: AssessmentResultsService,
    private readonly applications: ApplicationsService,
    private readonly rubrics: RubricsService,
  ) {}

  /**
   * A recruiter or admin schedules an interview of an open application: an active staff
   * interviewer, a library rubric or one of the application's job, and a kind the rubric has
   * criteria for. The rubric's current version is pinned. An application at SCREENED or
   * ASSESSMENT moves to INTERVIEW (recorded in its history).
   */
  async schedule(input: NewInterview, actor: HiringActor): Promise<InterviewEntity> {
    const scheduledById = requireManager(actor);
    if (Number.isNaN(input.scheduledAt.getTime())) throw AppError.badInput([{ field: 'scheduledAt', message: 'must be a date and time' }]);
    const application = await this.applications.findById(input.applicationId);
    if (!application) throw AppError.notFound('Application', input.applicationId);
    if (FINAL_STAGES.includes(application.stage))
      throw AppError.precondition(`The application is ${application.stage}: no more interviews`);
    const interviewer = await this.users.findById(input.interviewerId);
    if (!interviewer || !interviewer.active || !INTERVIEWER_ROLES.includes(interviewer.role)) {
      throw AppError.badInput([{ field: 'interviewerId', message: 'must be an active interviewer, recruiter or admin' }]);
    }
    const rubric = await this.rubrics.get(input.rubricId);
    if (rubric.jobId && rubric.jobId !== application.jobId) {
      throw AppError.badInput([
        { field: 'rubricId', message: "belongs to another job: use a library rubric or one of this application's job" },
      ]);
    }
    const version = await this.rubrics.version(rubric.id, rubric.currentVersion);
    if (!criteriaFor(version, input.kind).length) {
      throw AppError.badInput([{ field: 'kind', message: `rubric "${rubric.name}" has no ${input.kind} criteria` }]);
    }
    const twin = await this.interviews.existsBy({
      applicationId: application.id,
      interviewerId: interviewer.id,
      kind: input.kind,
      status: InterviewStatus.SCHEDULED,
    });
    if (twin) throw AppError.conflict(`${interviewer.name} already has a ${input.kind} interview scheduled for this application`);
    const saved = await this.interviews.save(
      this.interviews.create({
        applicationId: application.id,
        jobId: application.jobId,
        interviewerId: interviewer.id,
        rubricId: rubric.id,
        rubricVersion: version.version,
        kind: input.kind,
        scheduledAt: input.scheduledAt,
        status: InterviewStatus.SCHEDULED,
        scheduledById,
        cancelReason: null,
      }),
    );
    if (BEFORE_INTERVIEW.includes(application.stage)) {
      await this.applications.tryMoveStage(
        application.id,
        ApplicationStage.INTERVIEW,
        actor,
        `${input.kind} interview scheduled with ${interviewer.name}`,
      );
    }
    return saved;
  }

  /** A scheduled interview that will not happen; one with a submitted scorecard stays. */
  async cancel(id: string, reason: string, actor: HiringActor): Promise<InterviewEntity> {
    requireManager(actor);
    const why = requiredReason(reason);
    const interview = await this.get(id);
    if (interview.status !== InterviewStatus.SCHEDULED) throw AppError.precondition(`Interview ${id} is ${interview.status}`);
    const res = await this.interviews.update(
      { id, status: InterviewStatus.SCHEDULED },
      { status: InterviewStatus.CANCELLED, cancelReason: why },
    );
    if (res.affected !== 1) throw AppError.conflict('The interview changed meanwhile; read it again');
    return Object.assign(interview, { status: InterviewStatus.CANCELLED, cancelReason: why });
  }

  /** No access check: for trusted callers. */
  async get(id: string): Promise<InterviewEntity> {
    const i = await this.interviews.findOneBy({ id });
    if (!i) throw AppError.notFound('Interview', id);
    return i;
  }

  /** Recruiters and admins read any interview; anyone else only their own (others are NOT_FOUND). */
  async getReadable(id: string, viewer: HiringActor): Promise<InterviewEntity> {
    const i = await this.interviews.findOneBy({ id });
    if (!i || !this.canRead(i, viewer)) throw AppError.notFound('Interview', id);
    return i;
  }

  canRead(i: Pick<InterviewEntity, 'interviewerId'>, viewer: HiringActor): boolean {
    return isManager(viewer) || i.interviewerId === viewer.id;
  }

  /** The caller's own interviews, soonest first. */
  listMine(interviewerId: string, opts: { status?: InterviewStatus | null; limit: number; offset: number }): Promise<InterviewEntity[]> {
    return this.interviews.find({
      where: { interviewerId, ...(opts.status ? { status: opts.status } : {}) },
      order: { scheduledAt: 'ASC', id: 'ASC' },
      take: Math.min(opts.limit, INTERVIEWS_PAGE_MAX),
      skip: opts.offset,
    });
  }

  /** Interviews of many applications in one query, in schedule order: all of them for recruiters and admins, one's own for anyone else. */
  async readableForApplications(applicationIds: readonly string[], viewer: HiringActor): Promise<Map<string, InterviewEntity[]>> {
    const out = new Map<string, InterviewEntity[]>(applicationIds.map((id) => [id, []]));
    if (!applicationIds.length) return out;
    const rows = await this.interviews.find({
      where: { applicationId: In([...applicationIds]), ...(isManager(viewer) ? {} : { interviewerId: viewer.id ?? '' }) },
      order: { scheduledAt: 'ASC', id: 'ASC' },
    });
    for (const r of rows) out.get(r.applicationId)?.push(r);
    return out;
  }

  /** The viewer's own interviews of many applications (what the blind rule looks at), in one query. */
  async ownForApplications(viewerId: string, applicationIds: readonly string[]): Promise<Map<string, InterviewEntity[]>> {
    const out = new Map<string, InterviewEntity[]>(applicationIds.map((id) => [id, []]));
    if (!applicationIds.length) return out;
    const rows = await this.interviews.findBy({ interviewerId: viewerId, applicationId: In([...applicationIds]) });
    for (const r of rows) out.get(r.applicationId)?.push(r);
    return out;
  }

  findByIds(ids: readonly string[]): Promise<InterviewEntity[]> {
    return ids.length ? this.interviews.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * The assessment results of many applications (every attempt, oldest first) with each
   * problem's title, from @app/assessments. The attempts carry the accommodation: callers never
   * hand it on to interviewers.
   */
  assessmentResultsFor(applicationIds: readonly string[]): Promise<{ results: Map<string, AttemptResults[]>; problemTitles: Map<string, string> }> {
    return this.assessmentResults.forApplications(applicationIds);
  }
}
