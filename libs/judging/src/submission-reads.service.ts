import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { fragment, SqlFragment } from '@app/common';
import { SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';

/** The best judged score of one problem in one attempt. */
export interface BestScoreRow {
  attemptId: string;
  problemId: string;
  best: number;
}

/**
 * The reads other domains need from the submissions table, which judging owns. Callers that
 * select attempts by their own rules (assessments: the attempts of a job) pass them as a
 * subquery, so one statement reads both tables and neither lib writes the other's SQL.
 */
@Injectable()
export class SubmissionReads {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {}

  /** Submissions of some attempts, oldest first (scored ones unless told otherwise). */
  ofAttempts(attemptIds: readonly string[], kinds: readonly SubmissionKind[] = [SubmissionKind.SUBMISSION]): Promise<SubmissionEntity[]> {
    if (!attemptIds.length) return Promise.resolve([]);
    return this.submissions.find({ where: { attemptId: In([...attemptIds]), kind: In([...kinds]) }, order: { createdAt: 'ASC' } });
  }

  /** Submissions by id (any kind), in no particular order. */
  byIds(ids: readonly string[]): Promise<SubmissionEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.submissions.findBy({ id: In([...ids]) });
  }

  /** Per attempt and problem, the highest score of a judged scored submission, for the attempts `attemptIds` selects (one column of ids). */
  async bestScores(attemptIds: SqlFragment): Promise<BestScoreRow[]> {
    const rows = await this.submissions
      .createQueryBuilder('s')
      .select('s.attemptId', 'attemptId')
      .addSelect('s.problemId', 'problemId')
      .addSelect('MAX(s.score)', 'best')
      .where(`s.attemptId IN (${attemptIds.sql})`, attemptIds.params)
      .andWhere('s.kind = :submissionKind', { submissionKind: SubmissionKind.SUBMISSION })
      .andWhere('s.state = :finishedState', { finishedState: SubmissionState.FINISHED })
      .groupBy('s.attemptId')
      .addGroupBy('s.problemId')
      .getRawMany<{ attemptId: string; problemId: string; best: number | string | null }>();
    return rows.map((r) => ({ attemptId: r.attemptId, problemId: r.problemId, best: Number(r.best ?? 0) }));
  }

  /**
   * Scored submissions judged after `since` (a stored timestamp as text), whatever their attempt:
   * `id`, `attemptId` and `stamp` (finishedAt as text), for a caller to join to the attempts it
   * selects by its own rules. A short range scan of IDX_submissions_finished.
   */
  finishedSince(since: string): SqlFragment {
    return fragment(
      this.submissions
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .addSelect('s.attemptId', 'attemptId')
        .addSelect('CAST(s.finishedAt AS TEXT)', 'stamp')
        .where('s.finishedAt > :changedSince', { changedSince: since })
        .andWhere('s.kind = :finishedKind', { finishedKind: SubmissionKind.SUBMISSION }),
    );
  }

  /**
   * The judged scored submissions of some attempts, oldest first, with what their correctness
   * and performance are computed from (results, compile error), without the code.
   */
  judgedOfAttempts(attemptIds: readonly string[]): Promise<Pick<SubmissionEntity, 'id' | 'attemptId' | 'problemId' | 'state' | 'score' | 'verdict' | 'results' | 'compileError' | 'createdAt'>[]> {
    if (!attemptIds.length) return Promise.resolve([]);
    return this.submissions.find({
      select: { id: true, attemptId: true, problemId: true, state: true, score: true, verdict: true, results: true, compileError: true, createdAt: true },
      where: { attemptId: In([...attemptIds]), kind: SubmissionKind.SUBMISSION, state: SubmissionState.FINISHED },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
