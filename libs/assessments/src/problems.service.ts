import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppError, CLOCK, Clock } from '@app/common';
import { CalibrationRecord, Language, ProblemEntity, ProblemValidationStatus, ReferenceSolution, SubmissionEntity, SubmissionKind, WrongSolutionRecord } from '@app/domain';
import { fromSandboxLanguage, SubmissionsService } from '@app/judging';
import { checkProblemDocument } from './problem-document';

export interface ProblemInput {
  definition: Record<string, unknown>;
  referenceSolutions: ReferenceSolution[];
  /** Known-wrong solutions validation judges too; absent on update keeps the stored ones. */
  wrongSolutions?: WrongSolutionRecord[];
  difficulty?: string;
  tags?: string[];
  /** A warm-up offered before assessments, never scored; see AssessmentsService.checkProblems. */
  practice?: boolean;
}

/**
 * The problem bank. A problem is usable in an assessment only once VALID: every reference
 * solution stored with it passed every test in the judge, through the queue. Changing the
 * definition or the solutions makes a new version that must be validated again.
 */
@Injectable()
export class ProblemsService {
  constructor(
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    private readonly submissionsService: SubmissionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: ProblemInput, actorId: string | null): Promise<ProblemEntity> {
    const doc = checkProblemDocument(input.definition, input.referenceSolutions, input.wrongSolutions);
    if (await this.problems.existsBy({ slug: doc.slug })) throw AppError.conflict(`A problem with slug "${doc.slug}" already exists`);
    return this.problems.save(
      this.problems.create({
        slug: doc.slug,
        title: doc.title,
        definition: input.definition,
        referenceSolutions: input.referenceSolutions,
        wrongSolutions: input.wrongSolutions ?? null,
        calibration: null,
        difficulty: input.difficulty ?? 'General',
        tags: input.tags ?? [],
        practice: input.practice ?? false,
        createdById: actorId,
        validationStatus: ProblemValidationStatus.PENDING,
        validationReport: null,
        version: 1,
      }),
    );
  }

  async update(id: string, input: ProblemInput): Promise<ProblemEntity> {
    const p = await this.get(id);
    const doc = checkProblemDocument(input.definition, input.referenceSolutions, input.wrongSolutions);
    if (doc.slug !== p.slug && (await this.problems.existsBy({ slug: doc.slug }))) {
      throw AppError.conflict(`A problem with slug "${doc.slug}" already exists`);
    }
    Object.assign(p, {
      slug: doc.slug,
      title: doc.title,
      definition: input.definition,
      referenceSolutions: input.referenceSolutions,
      wrongSolutions: input.wrongSolutions ?? p.wrongSolutions,
      // A new version is calibrated anew (its tests or references may have changed).
      calibration: null,
      difficulty: input.difficulty ?? p.difficulty,
      tags: input.tags ?? p.tags,
      practice: input.practice ?? p.practice,
      version: p.version + 1,
      validationStatus: ProblemValidationStatus.PENDING,
      validationReport: null,
    });
    return this.problems.save(p);
  }

  /**
   * Stores calibrated limits measured elsewhere (the bank's shipped calibration) for this
   * version; validation and the worker use them when their engine fingerprint is the judge's.
   * False when the problem has moved on to another version meanwhile.
   */
  async useCalibration(id: string, version: number, calibration: CalibrationRecord): Promise<boolean> {
    // simple-json column: TypeORM's deep-partial type cannot express it.
    const res = await this.problems.update({ id, version }, { calibration } as Partial<ProblemEntity> as never);
    return !!res.affected;
  }

  async get(id: string): Promise<ProblemEntity> {
    const p = await this.problems.findOneBy({ id });
    if (!p) throw AppError.notFound('Problem', id);
    return p;
  }

  /** The warm-ups offered before an assessment: VALID practice problems, by slug. */
  practiceProblems(): Promise<ProblemEntity[]> {
    return this.problems.find({ where: { practice: true, validationStatus: ProblemValidationStatus.VALID }, order: { slug: 'ASC' } });
  }

  findBySlug(slug: string): Promise<ProblemEntity | null> {
    return this.problems.findOneBy({ slug });
  }

  getMany(ids: readonly string[]): Promise<ProblemEntity[]> {
    return ids.length ? this.problems.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  async list(opts: { status?: ProblemValidationStatus; limit: number; offset: number }): Promise<{ items: ProblemEntity[]; total: number }> {
    const [items, total] = await this.problems.findAndCount({
      where: opts.status ? { validationStatus: opts.status } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      take: opts.limit,
      skip: opts.offset,
    });
    return { items, total };
  }

  /**
   * Queues one VALIDATION submission per reference solution of the current version. The
   * worker records the outcome (see ProblemValidationRecorder) when the last one finishes.
   */
  async validate(id: string, actorId: string | null): Promise<ProblemEntity> {
    const p = await this.get(id);
    if (p.validationStatus === ProblemValidationStatus.VALIDATING) return p;
    p.validationStatus = ProblemValidationStatus.VALIDATING;
    p.validationReport = { version: p.version, requestedAt: this.clock.now().toISOString(), solutions: [] };
    await this.problems.save(p);
    for (const sol of p.referenceSolutions) {
      await this.submissionsService.create({
        kind: SubmissionKind.VALIDATION,
        problemId: p.id,
        problemVersion: p.version,
        userId: actorId,
        language: referenceLanguage(sol),
        source: sol.source,
      });
    }
    return p;
  }

  /** Validation submissions of the problem's current version, oldest first. */
  validationSubmissions(p: ProblemEntity): Promise<SubmissionEntity[]> {
    return this.submissions.find({
      where: { problemId: p.id, problemVersion: p.version, kind: SubmissionKind.VALIDATION },
      order: { createdAt: 'ASC' },
    });
  }
}

function referenceLanguage(sol: ReferenceSolution): Language {
  const l = fromSandboxLanguage(sol.language);
  // checkProblemDocument refuses unknown languages on the way in; a stored one is a corrupt row.
  if (!l) throw new Error(`reference solution in unknown language ${sol.language}`);
  return l;
}
