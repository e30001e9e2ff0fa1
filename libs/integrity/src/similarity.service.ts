import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { CLOCK, Clock, Logger } from '@app/common';
import { SimilaritySources } from '@app/assessments';
import { AppConfig, APP_CONFIG } from '@app/config';
import { LOGGER } from '@app/core';
import { SimilarityPairEntity, SimilarityScope } from '@app/domain';
import { SimilarityJobData, SimilarityQueue } from '@app/queue';
import type { SimilarityLanguage } from './similarity-analysis';
import { SimilarityRunner } from './similarity-runner';
import { SIMILARITY_THRESHOLD } from './similarity-threshold';

const LANGUAGES: readonly SimilarityLanguage[] = ['javascript', 'typescript', 'python', 'sql'];

export interface SimilarityAnalysisOutcome {
  files: number;
  references: number;
  /** Final submissions left out by the cap (the oldest ones). */
  leftOut: number;
  pairs: number;
}

/**
 * Schedules similarity analyses when attempts finish, and runs them (in the worker): final
 * submissions of one problem in one language, across an assessment's finished attempts (or a
 * job's, for the job-wide pass), plus the problem's reference solutions in that language, with
 * the starter code as Dolos's ignored template. Each analysis replaces the pairs of its group.
 */
@Injectable()
export class SimilarityService {
  constructor(
    @InjectRepository(SimilarityPairEntity) private readonly pairs: Repository<SimilarityPairEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: SimilaritySources,
    private readonly queue: SimilarityQueue,
    private readonly runner: SimilarityRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * After an attempt finished: one analysis per (problem, language) of its final submissions, for its
   * assessment and for its job. Never throws: a finish must not fail because Redis did (the next
   * finish of the group schedules it again).
   */
  attemptFinished(attemptId: string): Promise<string[]> {
    return this.scheduleFor(attemptId, false);
  }

  /**
   * After a submission: the same analyses, but at the attempt's deadline (and grace), for an attempt
   * nobody closes. Every submission of the attempt lands on the same job.
   */
  attemptSubmitted(attemptId: string): Promise<string[]> {
    return this.scheduleFor(attemptId, true);
  }

  private async scheduleFor(attemptId: string, atDeadline: boolean): Promise<string[]> {
    try {
      const place = await this.sources.groupsOfAttempt(attemptId);
      if (!place || (atDeadline && !place.closesAt)) return [];
      const now = this.clock.now().getTime();
      const notBefore = atDeadline ? place.closesAt!.getTime() + 1 : undefined;
      const ids: string[] = [];
      for (const g of place.groups) {
        if (!LANGUAGES.includes(g.language as SimilarityLanguage)) continue;
        ids.push(await this.queue.schedule({ scope: 'ASSESSMENT', scopeId: place.assessmentId, problemId: g.problemId, language: g.language }, now, notBefore));
        ids.push(await this.queue.schedule({ scope: 'JOB', scopeId: place.jobId, problemId: g.problemId, language: g.language }, now, notBefore));
      }
      return ids;
    } catch (e) {
      this.logger.warn({ attemptId, err: (e as Error).message }, 'could not schedule the similarity analysis');
      return [];
    }
  }

  /** The worker's handler of one analysis job. */
  async analyze(data: SimilarityJobData): Promise<SimilarityAnalysisOutcome> {
    const language = data.language as SimilarityLanguage;
    const empty = { files: 0, references: 0, leftOut: 0, pairs: 0 };
    if (!LANGUAGES.includes(language)) return empty;
    const problem = await this.sources.problem(data.problemId);
    if (!problem) return empty;
    const jobId = data.scope === 'JOB' ? data.scopeId : await this.sources.jobOf(data.scopeId);
    const scope = data.scope === 'JOB' ? { jobId: data.scopeId } : { assessmentId: data.scopeId };
    const all = await this.sources.finalSubmissions(scope, data.problemId, language, this.clock.now());
    const references = problem.referenceSolutions.map((r, index) => ({ ...r, index })).filter((r) => r.language === language);
    // Memory grows with the square of the file count: the most recent submissions fill the cap.
    const finals = all.slice(0, Math.max(2, this.config.similarity.maxFiles - references.length));
    const byKey = new Map(finals.map((f) => [`sub:${f.submissionId}`, f]));
    const files = [...finals.map((f) => ({ key: `sub:${f.submissionId}`, source: f.source })), ...references.map((r) => ({ key: `ref:${r.index}`, source: r.source }))];
    const found =
      finals.length > 0 && files.length >= 2
        ? (
            await this.runner.run({
              language,
              files,
              template: problem.starters[language] ?? null,
              threshold: SIMILARITY_THRESHOLD,
              skipPairsWithin: 'ref:',
            })
          ).output.pairs
        : [];
    const analyzedAt = this.clock.now();
    const rows: SimilarityPairEntity[] = [];
    for (const p of found) {
      const left = byKey.get(p.left);
      const right = p.right.startsWith('ref:') ? undefined : byKey.get(p.right);
      if (!left || (!right && !p.right.startsWith('ref:'))) continue;
      // The job-wide pass stores what the per-assessment analyses cannot see: pairs across assessments.
      if (data.scope === 'JOB' && right && right.assessmentId === left.assessmentId) continue;
      if (data.scope === 'JOB' && !right) continue;
      rows.push(
        this.pairs.create({
          id: randomUUID(),
          scope: data.scope === 'JOB' ? SimilarityScope.JOB : SimilarityScope.ASSESSMENT,
          scopeId: data.scopeId,
          jobId,
          problemId: data.problemId,
          language,
          leftSubmissionId: left.submissionId,
          leftAttemptId: left.attemptId,
          leftApplicationId: left.applicationId,
          rightSubmissionId: right?.submissionId ?? null,
          rightAttemptId: right?.attemptId ?? null,
          rightApplicationId: right?.applicationId ?? null,
          rightReferenceIndex: right ? null : Number(p.right.slice('ref:'.length)),
          similarity: p.similarity,
          longestFragment: p.longestFragment,
          leftCovered: p.leftCovered,
          rightCovered: p.rightCovered,
          fragments: p.fragments,
          analyzedAt,
        }),
      );
    }
    await this.dataSource.transaction(async (em) => {
      await em.delete(SimilarityPairEntity, { scope: data.scope, scopeId: data.scopeId, problemId: data.problemId, language });
      for (let i = 0; i < rows.length; i += 50) await em.insert(SimilarityPairEntity, rows.slice(i, i + 50));
    });
    const outcome = { files: files.length, references: references.length, leftOut: all.length - finals.length, pairs: rows.length };
    this.logger.info({ ...data, ...outcome }, 'similarity analysed');
    return outcome;
  }

  /** The pairs of an attempt, highest similarity first. */
  pairsOfAttempt(attemptId: string, limit: number): Promise<SimilarityPairEntity[]> {
    return this.pairs.find({
      where: [{ leftAttemptId: attemptId }, { rightAttemptId: attemptId }],
      order: { similarity: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Per application of a job with at least one pair: its highest similarity and how many pairs. */
  async markersForJob(jobId: string, applicationIds: readonly string[]): Promise<Map<string, { similarity: number; pairs: number }>> {
    const out = new Map<string, { similarity: number; pairs: number }>();
    if (!applicationIds.length) return out;
    const ids = [...applicationIds];
    const rows = await this.pairs.find({
      select: { id: true, leftApplicationId: true, rightApplicationId: true, similarity: true },
      where: [
        { jobId, leftApplicationId: In(ids) },
        { jobId, rightApplicationId: In(ids) },
      ],
    });
    for (const r of rows) {
      for (const app of [r.leftApplicationId, r.rightApplicationId]) {
        if (!app || !applicationIds.includes(app)) continue;
        const m = out.get(app) ?? { similarity: 0, pairs: 0 };
        out.set(app, { similarity: Math.max(m.similarity, r.similarity), pairs: m.pairs + 1 });
      }
    }
    return out;
  }
}

/** The shortlist's integrity-review marker of an application: a line for a person, never a score. */
export function integrityReviewOf(marker: { similarity: number; pairs: number } | undefined): { flagged: boolean; explanation: string | null } {
  if (!marker) return { flagged: false, explanation: null };
  const pct = Math.round(marker.similarity * 100);
  return {
    flagged: true,
    explanation: `Integrity review: ${marker.pairs} code similarity pair${marker.pairs === 1 ? '' : 's'} (highest ${pct}%, threshold ${Math.round(SIMILARITY_THRESHOLD * 100)}%); evidence to review, the score is unchanged`,
  };
}
