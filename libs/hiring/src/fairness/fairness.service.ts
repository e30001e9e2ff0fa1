import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, projectPath } from '@app/common';
import { ApplicationEntity, ApplicationEventEntity, ApplicationStage, JobEntity, SelfIdentificationEntity } from '@app/domain';
import type { HiringActor } from '../hiring-actor';
import { adverseImpact, ImpactReport, ImpactRow } from './adverse-impact';

export const PREFER_NOT_TO_SAY = 'Prefer not to say';
/** The smallest group the report shows; callers may ask for more, never less. */
export const MIN_GROUP_SIZE = 5;

export interface SelfIdQuestion {
  key: string;
  label: string;
  prompt: string;
  /** The configured options, then "Prefer not to say". */
  options: string[];
}

export interface SelfIdAnswer {
  question: string;
  value: string;
}

let configured: SelfIdQuestion[] | undefined;

/** libs/hiring/data/self-identification.json, with "Prefer not to say" always offered. */
export function selfIdQuestions(): SelfIdQuestion[] {
  configured ??= (
    JSON.parse(fs.readFileSync(projectPath('libs/hiring/data/self-identification.json'), 'utf8')) as { questions: SelfIdQuestion[] }
  ).questions.map((q) => ({ ...q, options: [...q.options.filter((o) => o !== PREFER_NOT_TO_SAY), PREFER_NOT_TO_SAY] }));
  return configured;
}

/**
 * Voluntary self-identification and the adverse-impact report built from it. The answers are
 * written here and read only by `report`, in aggregate: no other read path exists.
 */
@Injectable()
export class FairnessService {
  constructor(
    @InjectRepository(SelfIdentificationEntity) private readonly selfIds: Repository<SelfIdentificationEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationEventEntity) private readonly events: Repository<ApplicationEventEntity>,
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
  ) {}

  /** The candidate's own application only (another's is NOT_FOUND); answering again replaces. */
  async submit(applicationId: string, answers: readonly SelfIdAnswer[], candidate: HiringActor): Promise<void> {
    const app = await this.applications.findOne({ where: { id: applicationId }, select: { id: true, jobId: true, candidateId: true } });
    if (!app || app.candidateId !== candidate.id) throw AppError.notFound('Application', applicationId);
    const questions = new Map(selfIdQuestions().map((q) => [q.key, q]));
    const problems: { field: string; message: string }[] = [];
    const chosen: Record<string, string> = {};
    answers.forEach((a, i) => {
      const q = questions.get(a.question);
      if (!q) problems.push({ field: `answers.${i}.question`, message: `unknown question "${a.question}": one of ${[...questions.keys()].join(', ')}` });
      else if (a.question in chosen) problems.push({ field: `answers.${i}.question`, message: `"${a.question}" is answered twice` });
      else if (!q.options.includes(a.value)) problems.push({ field: `answers.${i}.value`, message: `must be one of: ${q.options.map((o) => `"${o}"`).join(', ')}` });
      else chosen[a.question] = a.value;
    });
    if (problems.length) throw AppError.badInput(problems);
    // One row per application, even when two answers race: the second replaces the first's answers.
    await this.selfIds
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), applicationId: app.id, jobId: app.jobId, answers: chosen })
      .orUpdate(['answers'], ['applicationId'])
      .execute();
  }

  async report(jobId: string, questionKey: string, minGroupSize = MIN_GROUP_SIZE): Promise<ImpactReport & { question: SelfIdQuestion }> {
    const question = selfIdQuestions().find((q) => q.key === questionKey);
    if (!question) throw AppError.badInput([{ field: 'question', message: `unknown question "${questionKey}": one of ${selfIdQuestions().map((q) => q.key).join(', ')}` }]);
    if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE || minGroupSize > 1000) {
      throw AppError.badInput([{ field: 'minGroupSize', message: `must be a whole number from ${MIN_GROUP_SIZE} to 1000` }]);
    }
    if (!(await this.jobs.existsBy({ id: jobId }))) throw AppError.notFound('Job', jobId);

    const apps = await this.applications.find({ where: { jobId }, select: { id: true, stage: true } });
    const reached = new Map(apps.map((a) => [a.id, new Set<ApplicationStage>([a.stage])]));
    const moves = await this.events
      .createQueryBuilder('e')
      .select(['e.id', 'e.applicationId', 'e.toStage'])
      .innerJoin(ApplicationEntity, 'a', 'a.id = e.applicationId')
      .where('a.jobId = :jobId', { jobId })
      .getMany();
    for (const m of moves) reached.get(m.applicationId)?.add(m.toStage);
    const groups = new Map((await this.selfIds.find({ where: { jobId }, select: { id: true, applicationId: true, answers: true } })).map((s) => [s.applicationId, s.answers[question.key]]));

    const rows: ImpactRow[] = apps.map((a) => {
      const g = groups.get(a.id);
      return { group: g && g !== PREFER_NOT_TO_SAY ? g : null, reached: reached.get(a.id)! };
    });
    const options = question.options.filter((o) => o !== PREFER_NOT_TO_SAY);
    return { question, ...adverseImpact(options, rows, minGroupSize) };
  }
}
