import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError, Repository } from 'typeorm';
import { AppError } from '@app/common';
import { RubricContent, RubricEntity, RubricVersionEntity } from '@app/domain';
import { HiringActor, JobsService, requireManager } from '@app/hiring';
import { fieldIssues, rubricDescriptionSchema, rubricNameSchema } from '@app/contracts';
import { parseRubricContent, RUBRIC_LIMITS } from './rubric-content.schema';
import type { RubricFile } from './rubric-files';

export interface NewRubric {
  name: string;
  description?: string | null;
  /** Null or left out: a library rubric, usable for any job. */
  jobId?: string | null;
  /** Validated as a whole by the rubric schema. */
  criteria: unknown;
  redFlags?: unknown;
}

/** Left undefined (or null), a field keeps its value; criteria and red flags replace whole lists. */
export interface RubricChanges {
  name?: string | null;
  description?: string | null;
  criteria?: unknown;
  redFlags?: unknown;
}

export interface RubricUpdate {
  rubric: RubricEntity;
  version: RubricVersionEntity;
  /** True when the edit made a new version (the current one was used by a submitted scorecard). */
  newVersion: boolean;
}

export interface RubricSync {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface VersionRef {
  rubricId: string;
  version: number;
}

const sameContent = (a: RubricContent, b: RubricContent) =>
  JSON.stringify([a.criteria, a.redFlags]) === JSON.stringify([b.criteria, b.redFlags]);

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message);
}

const CHANGED_MEANWHILE = 'The rubric changed meanwhile; read it again and retry';

/** JSON round trip: GraphQL inputs arrive as class instances with nulls for "not given". */
function plain(v: unknown): unknown {
  return v == null ? undefined : JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x === null ? undefined : x)));
}

function validContent(input: { criteria: unknown; redFlags: unknown }): RubricContent {
  const r = parseRubricContent({ criteria: plain(input.criteria), redFlags: plain(input.redFlags) ?? [] });
  if (!r.ok) throw AppError.badInput(r.problems);
  return r.content;
}

function checkedName(name: string | null | undefined): string {
  const r = rubricNameSchema.safeParse(name ?? '');
  if (!r.success) throw AppError.badInput(fieldIssues(r.error, 'name'));
  return r.data;
}

function checkedDescription(d: string | null | undefined): string {
  const r = rubricDescriptionSchema.safeParse(d ?? '');
  if (!r.success) throw AppError.badInput(fieldIssues(r.error, 'description'));
  return r.data;
}

/**
 * Rubrics and their versions. The current version is what new interviews pin; a version used
 * by a submitted scorecard never changes again (an edit makes the next version).
 */
@Injectable()
export class RubricsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(RubricEntity) private readonly rubrics: Repository<RubricEntity>,
    @InjectRepository(RubricVersionEntity) private readonly versions: Repository<RubricVersionEntity>,
    private readonly jobs: JobsService,
  ) {}

  /** Library rubrics, then a job's own (when jobId is given), each by name. */
  list(opts: { jobId?: string | null; includeLibrary?: boolean | null }): Promise<RubricEntity[]> {
    const where = [...(opts.includeLibrary === false ? [] : [{ jobId: IsNull() }]), ...(opts.jobId ? [{ jobId: opts.jobId }] : [])];
    if (!where.length) return Promise.resolve([]);
    return this.rubrics.find({ where, order: { name: 'ASC', createdAt: 'ASC', id: 'ASC' }, take: 500 });
  }

  async get(id: string): Promise<RubricEntity> {
    const r = await this.rubrics.findOneBy({ id });
    if (!r) throw AppError.notFound('Rubric', id);
    return r;
  }

  findByIds(ids: readonly string[]): Promise<RubricEntity[]> {
    return ids.length ? this.rubrics.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findByKey(key: string): Promise<RubricEntity | null> {
    return this.rubrics.findOneBy({ key });
  }

  /** One version (the current one when `version` is left out); NOT_FOUND when it does not exist. */
  async version(rubricId: string, version?: number | null): Promise<RubricVersionEntity> {
    const n = version ?? (await this.get(rubricId)).currentVersion;
    const v = await this.versions.findOneBy({ rubricId, version: n });
    if (!v) throw AppError.notFound('Rubric version', `${rubricId} v${n}`);
    return v;
  }

  /** Many versions in one query (for lists and DataLoaders); missing ones are left out. */
  findVersions(refs: readonly VersionRef[]): Promise<RubricVersionEntity[]> {
    if (!refs.length) return Promise.resolve([]);
    const unique = [...new Map(refs.map((r) => [`${r.rubricId}:${r.version}`, r])).values()];
    return this.versions.find({ where: unique.map((r) => ({ rubricId: r.rubricId, version: r.version })) });
  }

  /** Every version of a rubric, oldest first. */
  history(rubricId: string): Promise<RubricVersionEntity[]> {
    return this.versions.find({ where: { rubricId }, order: { version: 'ASC' } });
  }

  async create(input: NewRubric, actor: HiringActor): Promise<RubricUpdate> {
    const createdById = requireManager(actor);
    const name = checkedName(input.name);
    const description = checkedDescription(input.description);
    const content = validContent({ criteria: input.criteria, redFlags: input.redFlags });
    if (input.jobId && !(await this.jobs.findById(input.jobId))) throw AppError.notFound('Job', input.jobId);
    return this.insert({ key: null, name, description, jobId: input.jobId ?? null, sourceRubricId: null, createdById }, content);
  }

  /** A job's own copy of a rubric's current version, to edit for that job. */
  async clone(id: string, jobId: string, actor: HiringActor, name?: string | null): Promise<RubricUpdate> {
    const createdById = requireManager(actor);
    const source = await this.get(id);
    const version = await this.version(id, source.currentVersion);
    const job = await this.jobs.findById(jobId);
    if (!job) throw AppError.notFound('Job', jobId);
    return this.insert(
      {
        key: null,
        name: name ? checkedName(name) : `${source.name} (${job.title})`.slice(0, RUBRIC_LIMITS.name),
        description: source.description,
        jobId,
        sourceRubricId: source.id,
        createdById,
      },
      { criteria: version.criteria, redFlags: version.redFlags },
    );
  }

  /**
   * Edits a rubric. Criteria and red flags change the current version in place while no
   * submitted scorecard uses it; once one does, the edit becomes the next version, which new
   * interviews then pin. Seeded rubrics follow their data file: clone one to edit it.
   */
  async update(id: string, changes: RubricChanges, actor: HiringActor): Promise<RubricUpdate> {
    const actorId = requireManager(actor);
    const rubric = await this.get(id);
    if (rubric.key)
      throw AppError.precondition(`Rubric ${id} is seeded from data/rubrics/${rubric.key}.json; clone it for a job to edit it`);
    return this.apply(rubric, changes, actorId);
  }

  /**
   * Seed step: brings library rubrics in line with their data files (by key). A changed file
   * edits the current version, or makes the next one when a submitted scorecard uses it.
   */
  async sync(files: readonly RubricFile[]): Promise<RubricSync> {
    const result: RubricSync = { created: [], updated: [], unchanged: [] };
    for (const f of files) {
      const existing = await this.findByKey(f.key);
      if (!existing) {
        await this.insert(
          { key: f.key, name: f.name, description: f.description, jobId: null, sourceRubricId: null, createdById: null },
          f.content,
        );
        result.created.push(f.key);
        continue;
      }
      const current = await this.version(existing.id, existing.currentVersion);
      if (existing.name === f.name && existing.description === f.description && sameContent(current, f.content)) {
        result.unchanged.push(f.key);
        continue;
      }
      await this.apply(
        existing,
        { name: f.name, description: f.description, criteria: f.content.criteria, redFlags: f.content.redFlags },
        null,
      );
      result.updated.push(f.key);
    }
    return result;
  }

  private async apply(rubric: RubricEntity, changes: RubricChanges, actorId: string | null): Promise<RubricUpdate> {
    const name = changes.name != null ? checkedName(changes.name) : rubric.name;
    const description = changes.description != null ? checkedDescription(changes.description) : rubric.description;
    const current = await this.version(rubric.id, rubric.currentVersion);
    const content = validContent({ criteria: changes.criteria ?? current.criteria, redFlags: changes.redFlags ?? current.redFlags });
    return this.dataSource.transaction(async (em) => {
      const meta = await em
        .createQueryBuilder()
        .update(RubricEntity)
        .set({ name, description })
        .where({ id: rubric.id, currentVersion: rubric.currentVersion })
        .execute();
      if (meta.affected !== 1) throw AppError.conflict(CHANGED_MEANWHILE);
      const fresh = await em.findOneByOrFail(RubricEntity, { id: rubric.id });
      if (sameContent(current, content)) return { rubric: fresh, version: current, newVersion: false };
      // The condition is checked under the row lock the submitting transaction also takes
      // (it increments submittedScorecards first): a submission and an edit are ordered.
      const inPlace = await em
        .createQueryBuilder()
        .update(RubricVersionEntity)
        .set({ criteria: content.criteria, redFlags: content.redFlags })
        .where({ id: current.id, submittedScorecards: 0 })
        .execute();
      if (inPlace.affected === 1)
        return { rubric: fresh, version: await em.findOneByOrFail(RubricVersionEntity, { id: current.id }), newVersion: false };
      const next = rubric.currentVersion + 1;
      const version = await this.saveVersion(em, {
        rubricId: rubric.id,
        version: next,
        ...content,
        submittedScorecards: 0,
        createdById: actorId,
      });
      const bump = await em
        .createQueryBuilder()
        .update(RubricEntity)
        .set({ currentVersion: next })
        .where({ id: rubric.id, currentVersion: rubric.currentVersion })
        .execute();
      if (bump.affected !== 1) throw AppError.conflict(CHANGED_MEANWHILE);
      return { rubric: Object.assign(fresh, { currentVersion: next }), version, newVersion: true };
    });
  }

  private async insert(
    r: Pick<RubricEntity, 'key' | 'name' | 'description' | 'jobId' | 'sourceRubricId' | 'createdById'>,
    content: RubricContent,
  ): Promise<RubricUpdate> {
    return this.dataSource.transaction(async (em) => {
      const rubric = await em.save(em.create(RubricEntity, { ...r, currentVersion: 1 }));
      const version = await this.saveVersion(em, {
        rubricId: rubric.id,
        version: 1,
        ...content,
        submittedScorecards: 0,
        createdById: r.createdById,
      });
      return { rubric, version, newVersion: true };
    });
  }

  private async saveVersion(
    em: EntityManager,
    v: Pick<RubricVersionEntity, 'rubricId' | 'version' | 'criteria' | 'redFlags' | 'submittedScorecards' | 'createdById'>,
  ): Promise<RubricVersionEntity> {
    try {
      return await em.save(em.create(RubricVersionEntity, v));
    } catch (e) {
      if (isUniqueViolation(e)) throw AppError.conflict(CHANGED_MEANWHILE);
      throw e;
    }
  }
}
