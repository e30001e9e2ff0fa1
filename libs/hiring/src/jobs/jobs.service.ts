import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppError, Clock, CLOCK } from '@app/common';
import { ApplicationEntity, JobContent, JobEntity, JobStatus } from '@app/domain';
import { parseJobContent } from '../content/job-content.schema';
import { HiringActor, isStaff, requireManager } from '../hiring-actor';
import { JobTemplatesService } from '../templates/job-templates.service';

/**
 * Fields of a job's content to change; the ones left undefined (or null) keep their value.
 * Loosely typed on purpose: the job schema validates and normalises the result as a whole.
 */
export type JobChanges = { [K in keyof JobContent]?: unknown };

/** How a job runs its process, beside its content. Left undefined (or null), a setting keeps its value. */
export interface JobSettings {
  /** Interviewers see no name, email or links until the application is shortlisted (see identityHidden). */
  anonymizedReview?: boolean | null;
  /** A failed knock-out rejects at once (opt-in); otherwise it waits in the review queue for a recruiter. */
  autoReject?: boolean | null;
  /** Interviewers of an application may read its attempt timelines (relative times only); off by default. */
  interviewersSeeTimeline?: boolean | null;
}

export interface NewJob extends JobSettings {
  /** Exactly one of templateId and templateKey. */
  templateId?: string | null;
  templateKey?: string | null;
  changes: JobChanges;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** What screening depends on: fixed once a job has applications, so every applicant meets the same rules. */
const SCREENING_FIELDS = ['screeningQuestions', 'hardSkills', 'screeningThreshold'] as const;

export function contentOf(job: JobEntity): JobContent {
  const { title, location, employmentType, about, responsibilities, qualifications, prerequisites, hardSkills, softSkills, tools, perks, screeningQuestions, screeningThreshold, payRange, workplace } = job;
  return { title, location, employmentType, about, responsibilities, qualifications, prerequisites, hardSkills, softSkills, tools, perks, screeningQuestions, screeningThreshold, payRange, workplace };
}

/** Drops undefined and null (GraphQL's "not given"), and class prototypes, before validation. */
function given(changes: JobChanges): Partial<JobContent> {
  return JSON.parse(JSON.stringify(changes, (_k, v: unknown) => (v === null ? undefined : v))) as Partial<JobContent>;
}

function validContent(content: unknown): JobContent {
  const r = parseJobContent(content);
  if (!r.ok) throw AppError.badInput(r.problems);
  return r.content;
}

@Injectable()
export class JobsService {
  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly templates: JobTemplatesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A DRAFT job: the template's content with the recruiter's changes, validated as a whole. */
  async create(input: NewJob, actor: HiringActor): Promise<JobEntity> {
    const createdById = requireManager(actor);
    if (!!input.templateId === !!input.templateKey) {
      throw AppError.badInput([{ field: 'templateId', message: 'give exactly one of templateId and templateKey' }]);
    }
    const template = input.templateId ? await this.templates.findById(input.templateId) : await this.templates.findByKey(input.templateKey!);
    if (!template) throw AppError.notFound('Job template', input.templateId ?? input.templateKey ?? undefined);
    const content = validContent({ ...template.content, ...given(input.changes) });
    return this.jobs.save(
      this.jobs.create({
        ...content,
        anonymizedReview: input.anonymizedReview ?? false,
        autoReject: input.autoReject ?? false,
        interviewersSeeTimeline: input.interviewersSeeTimeline ?? false,
        templateId: template.id,
        status: JobStatus.DRAFT,
        createdById,
        publishedAt: null,
        closedAt: null,
      }),
    );
  }

  async update(id: string, changes: JobChanges, actor: HiringActor, settings: JobSettings = {}): Promise<JobEntity> {
    requireManager(actor);
    const job = await this.get(id);
    if (job.status === JobStatus.CLOSED) throw AppError.precondition(`Job ${id} is closed; publish it again to edit it`);
    const edits = given(changes);
    const touched = SCREENING_FIELDS.filter((f) => edits[f] !== undefined);
    if (touched.length) {
      const applied = await this.applications.countBy({ jobId: id });
      if (applied > 0) {
        throw AppError.precondition(`Job ${id} already has ${applied} application(s): ${touched.join(', ')} can no longer change, so every applicant is screened by the same rules`);
      }
    }
    Object.assign(job, validContent({ ...contentOf(job), ...edits }));
    if (settings.anonymizedReview != null) job.anonymizedReview = settings.anonymizedReview;
    if (settings.autoReject != null) job.autoReject = settings.autoReject;
    if (settings.interviewersSeeTimeline != null) job.interviewersSeeTimeline = settings.interviewersSeeTimeline;
    return this.jobs.save(job);
  }

  /** DRAFT or CLOSED to PUBLISHED: readable by anyone and open to applications. */
  async publish(id: string, actor: HiringActor): Promise<JobEntity> {
    requireManager(actor);
    const job = await this.get(id);
    if (job.status === JobStatus.PUBLISHED) throw AppError.precondition(`Job ${id} is already published`);
    // Content saved before validation rules tightened is checked again before it goes public.
    validContent(contentOf(job));
    job.status = JobStatus.PUBLISHED;
    job.publishedAt = this.clock.now();
    job.closedAt = null;
    return this.jobs.save(job);
  }

  /** No more applications; existing ones carry on through their stages. */
  async close(id: string, actor: HiringActor): Promise<JobEntity> {
    requireManager(actor);
    const job = await this.get(id);
    if (job.status === JobStatus.CLOSED) throw AppError.precondition(`Job ${id} is already closed`);
    job.status = JobStatus.CLOSED;
    job.closedAt = this.clock.now();
    return this.jobs.save(job);
  }

  findById(id: string): Promise<JobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<JobEntity[]> {
    return ids.length ? this.jobs.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Staff read every job; anyone else (logged in or not) only published ones: others are NOT_FOUND. */
  async getVisible(id: string, viewer: HiringActor | undefined): Promise<JobEntity> {
    const job = await this.findById(id);
    if (!job || (!isStaff(viewer) && job.status !== JobStatus.PUBLISHED)) throw AppError.notFound('Job', id);
    return job;
  }

  /** Newest first. A status filter narrows what the viewer may see; it never widens it. */
  async list(opts: { status?: JobStatus | null; limit: number; offset: number }, viewer: HiringActor | undefined): Promise<Page<JobEntity>> {
    const statuses = isStaff(viewer) ? (opts.status ? [opts.status] : undefined) : opts.status && opts.status !== JobStatus.PUBLISHED ? [] : [JobStatus.PUBLISHED];
    if (statuses?.length === 0) return { items: [], total: 0 };
    const [items, total] = await this.jobs.findAndCount({
      where: statuses ? { status: In(statuses) } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: opts.limit,
      skip: opts.offset,
    });
    return { items, total };
  }

  private async get(id: string): Promise<JobEntity> {
    const job = await this.findById(id);
    if (!job) throw AppError.notFound('Job', id);
    return job;
  }
}
