import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AssessmentEntity, AttemptEntity, AttemptStatus, ProblemEntity, ReferenceSolution, SubmissionEntity, SubmissionKind } from '@app/domain';
import { SubmissionReads } from '@app/judging';
import { SUBMISSION_GRACE_MS } from './deadline';

/** One finished attempt's final submission of a problem: the code the similarity analysis compares. */
export interface FinalSubmission {
  submissionId: string;
  attemptId: string;
  assessmentId: string;
  applicationId: string;
  language: string;
  source: string;
  createdAt: Date;
}

/** What an analysis of one problem needs beside the submissions. */
export interface SimilarityProblem {
  problemId: string;
  title: string;
  starters: Record<string, string>;
  referenceSolutions: ReferenceSolution[];
}

/** An attempt's place: its assessment, its job, and the (problem, language) of each final submission. */
export interface AttemptSimilarityGroups {
  attemptId: string;
  assessmentId: string;
  jobId: string;
  /** When the attempt stops accepting submissions (deadline + grace); null before it starts. */
  closesAt: Date | null;
  groups: { problemId: string; language: string }[];
}

/**
 * The reads the similarity analysis (libs/integrity) makes of assessments: finished attempts and
 * their final submissions (the last scored submission per problem; judging owns that table), and
 * a problem's starters and reference solutions. An attempt counts as finished once closed or past
 * its deadline and grace, whether or not anyone closed it.
 */
@Injectable()
export class SimilaritySources {
  constructor(
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    @InjectRepository(ProblemEntity) private readonly problems: Repository<ProblemEntity>,
    private readonly submissions: SubmissionReads,
  ) {}

  async groupsOfAttempt(attemptId: string): Promise<AttemptSimilarityGroups | null> {
    const attempt = await this.attempts.findOneBy({ id: attemptId });
    if (!attempt) return null;
    const assessment = await this.assessments.findOneByOrFail({ id: attempt.assessmentId });
    const finals = lastPerProblem(await this.submissions.ofAttempts([attemptId], [SubmissionKind.SUBMISSION]));
    return {
      attemptId,
      assessmentId: assessment.id,
      jobId: assessment.jobId,
      closesAt: attempt.deadline ? new Date(attempt.deadline.getTime() + SUBMISSION_GRACE_MS) : null,
      groups: [...finals.values()].map((s) => ({ problemId: s.problemId, language: s.language })),
    };
  }

  /** The job of an assessment. */
  async jobOf(assessmentId: string): Promise<string> {
    return (await this.assessments.findOneByOrFail({ id: assessmentId })).jobId;
  }

  /**
   * Final submissions of one problem in one language, of the finished attempts of an assessment or
   * of every assessment of a job, most recent first.
   */
  async finalSubmissions(scope: { assessmentId: string } | { jobId: string }, problemId: string, language: string, now: Date): Promise<FinalSubmission[]> {
    const qb = this.attempts
      .createQueryBuilder('att')
      .innerJoin(AssessmentEntity, 'asmt', 'asmt.id = att.assessmentId')
      .where('att.status IN (:...simStatuses)', { simStatuses: [AttemptStatus.FINISHED, AttemptStatus.IN_PROGRESS] });
    if ('assessmentId' in scope) qb.andWhere('att.assessmentId = :simAssessmentId', { simAssessmentId: scope.assessmentId });
    else qb.andWhere('asmt.jobId = :simJobId', { simJobId: scope.jobId });
    // Past its deadline and grace an open attempt is over too (compared here: one rule for both engines' dates).
    const attempts = (await qb.getMany()).filter(
      (a) => a.status === AttemptStatus.FINISHED || (a.deadline !== null && a.deadline.getTime() + SUBMISSION_GRACE_MS < now.getTime()),
    );
    const byId = new Map(attempts.map((a) => [a.id, a]));
    const subs = await this.submissions.ofAttempts([...byId.keys()], [SubmissionKind.SUBMISSION]);
    // Empty code (an erased candidate's, see @app/privacy) has nothing to compare.
    const finals = [...lastPerProblem(subs.filter((s) => s.problemId === problemId)).values()].filter((s) => (s.language as string) === language && s.source !== '');
    return finals
      .map((s) => {
        const a = byId.get(s.attemptId!)!;
        return { submissionId: s.id, attemptId: a.id, assessmentId: a.assessmentId, applicationId: a.applicationId, language: s.language, source: s.source, createdAt: s.createdAt };
      })
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || x.submissionId.localeCompare(y.submissionId));
  }

  /** The code of some submissions, by id. */
  async sourcesOf(submissionIds: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.submissions.byIds(submissionIds)).map((s) => [s.id, s.source]));
  }

  /** Whether the attempt exists. */
  async attemptExists(attemptId: string): Promise<boolean> {
    return (await this.attempts.countBy({ id: attemptId })) > 0;
  }

  async problem(problemId: string): Promise<SimilarityProblem | null> {
    const p = await this.problems.findOneBy({ id: problemId });
    if (!p) return null;
    const starters = (p.definition as { starters?: Record<string, string> }).starters ?? {};
    return { problemId: p.id, title: p.title, starters: { ...starters }, referenceSolutions: p.referenceSolutions ?? [] };
  }
}

/** Per attempt and problem, the last scored submission (submissions come oldest first). */
function lastPerProblem(subs: SubmissionEntity[]): Map<string, SubmissionEntity> {
  const last = new Map<string, SubmissionEntity>();
  for (const s of subs) if (s.kind === SubmissionKind.SUBMISSION) last.set(`${s.attemptId}|${s.problemId}`, s);
  return last;
}
