import { AttemptStatus, HIRING_MANAGERS, Language, Role, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { explain, splitScores, type ExplainedTest } from '@app/sandbox';
import type { AttemptResults } from './attempts.service';

/**
 * Read policies for submissions and attempt results, one view type per audience. Each type
 * carries only what its audience may read, so a resolver cannot hand on by accident what the
 * policy left out.
 *
 * - The author (the candidate) and hiring managers: SubmissionView, with the submission's own
 *   times (the author knows them; managers grant the accommodations they reveal).
 * - Graders (interviewers): GradedAttemptView / GradedSubmissionView, which have no time field
 *   at all. A submission's time after the first one, set against the assessment's duration,
 *   would prove a private extra-time accommodation; its order (ordinal) and verdicts are what
 *   grading needs.
 * - Everyone: a hidden test's time is never reported. A solution that sleeps in proportion to
 *   its input would read each hidden test's size from it; the verdict (TIME_LIMIT_EXCEEDED
 *   included) says all a candidate or a grader needs.
 */

const MAX_ACTUAL = 2000;

/**
 * Correctness and performance apart, from the stored per-test results (kind, weight, status),
 * with the sentence that explains them. Null until the submission has a verdict; a compile
 * error scores 0 on both (performance null when the problem has no performance tests, which a
 * compile error cannot tell: null then).
 */
export function scoresApart(s: Pick<SubmissionEntity, 'verdict' | 'results' | 'compileError'>): { correctness: number | null; performance: number | null; explanation: string | null } {
  if (s.verdict === null) return { correctness: null, performance: null, explanation: null };
  if (s.compileError || !(s.results ?? []).length) return { correctness: 0, performance: null, explanation: s.compileError ? 'does not compile' : null };
  const tests = (s.results ?? []).map((t) => ({ status: t.status as string as ExplainedTest['status'], weight: t.weight, kind: t.kind, size: t.size, category: t.category }));
  return { ...splitScores(tests), explanation: explain(tests) };
}

export interface TestResultView {
  name: string;
  category: string | null;
  status: Verdict;
  /** Visible tests only: null for hidden tests, whoever reads. */
  timeMs: number | null;
  memoryBytes: number | null;
  hidden: boolean;
  actual: string | null;
  output: string | null;
  message: string | null;
}

/** Hidden tests keep their name, category and status only, whatever the store held. */
export function testResultView(t: StoredTestResult): TestResultView {
  if (t.hidden) {
    return { name: t.name, category: t.category ?? null, status: t.status, timeMs: null, memoryBytes: null, hidden: true, actual: null, output: null, message: null };
  }
  const actual = t.actual === undefined ? null : JSON.stringify(t.actual);
  return {
    name: t.name,
    category: t.category ?? null,
    status: t.status,
    timeMs: Math.round(t.timeMs),
    memoryBytes: t.memoryBytes ?? null,
    hidden: false,
    actual: actual && actual.length > MAX_ACTUAL ? `${actual.slice(0, MAX_ACTUAL)}…` : actual,
    output: t.output ?? null,
    message: t.message ?? null,
  };
}

type SubmissionFacts = Pick<
  SubmissionEntity,
  'id' | 'kind' | 'problemId' | 'attemptId' | 'language' | 'source' | 'userId' | 'state' | 'verdict' | 'score' | 'passed' | 'total' | 'compileError' | 'warnings' | 'results' | 'createdAt' | 'finishedAt'
>;

/** The author's and the hiring managers' view: everything but hidden tests' data and times. */
export interface SubmissionView {
  id: string;
  kind: SubmissionKind;
  problemId: string;
  attemptId: string | null;
  language: Language;
  source: string;
  userId: string | null;
  state: SubmissionState;
  verdict: Verdict | null;
  score: number | null;
  /** Share of the correctness tests' weight passed; null until judged. */
  correctness: number | null;
  /** Share of the performance tests' weight passed; null until judged or without performance tests. */
  performance: number | null;
  /** Both in words (see @app/sandbox explain); null until judged. */
  explanation: string | null;
  passed: number;
  total: number;
  compileError: SubmissionEntity['compileError'];
  warnings: string[];
  results: TestResultView[];
  createdAt: Date;
  finishedAt: Date | null;
}

export function submissionView(s: SubmissionFacts): SubmissionView {
  return {
    id: s.id,
    kind: s.kind,
    problemId: s.problemId,
    attemptId: s.attemptId,
    language: s.language,
    source: s.source,
    userId: s.userId,
    state: s.state,
    verdict: s.verdict,
    score: s.score,
    ...scoresApart(s),
    passed: s.passed,
    total: s.total,
    compileError: s.compileError,
    warnings: s.warnings ?? [],
    results: (s.results ?? []).map(testResultView),
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
  };
}

/**
 * Who reads submissions one by one (`submission`, `submissionUpdated`): hiring managers, and
 * candidates. Interviewers are not among them: a submission carries its times, which would
 * reveal a private accommodation; they read GradedAttemptView instead.
 */
export const SUBMISSION_READER_ROLES: readonly Role[] = [...HIRING_MANAGERS, Role.CANDIDATE];

/** Hiring managers read any submission; anyone else only their own (the API answers NOT_FOUND otherwise). */
export function maySeeSubmission(viewer: { id: string; role: Role }, s: Pick<SubmissionEntity, 'userId'>): boolean {
  return HIRING_MANAGERS.includes(viewer.role) || (s.userId !== null && s.userId === viewer.id);
}

/** A problem's results as hiring managers read them: with the time taken and every submission with its times. */
export interface ManagedProblemView extends Omit<GradedProblemView, 'submissions'> {
  timeTakenSeconds: number | null;
  submissions: SubmissionView[];
}

/** The hiring managers' view of summarized results, per problem (the attempt itself they read whole). */
export function managedProblemViews(r: Pick<AttemptResults, 'problems'>, titles: ReadonlyMap<string, string>): ManagedProblemView[] {
  return r.problems.map((p) => ({
    ...problemSummary(p, titles),
    timeTakenSeconds: p.timeTakenSeconds,
    submissions: p.submissions.map(submissionView),
  }));
}

/** What every audience reads of a problem's results: no time, no submission (each view adds its own). */
function problemSummary(p: AttemptResults['problems'][number], titles: ReadonlyMap<string, string>) {
  return {
    position: p.position,
    problemId: p.problemId,
    title: titles.get(p.problemId) ?? p.problemId,
    points: p.points,
    bestScore: p.bestScore,
    pointsEarned: p.pointsEarned,
    bestVerdict: p.bestVerdict,
    verdicts: p.verdicts,
    submissionsCount: p.submissionsCount,
  };
}

/**
 * What a live subscriber may see while judging is under way: the results before the first
 * hidden test, in file order. Each event's arrival time would otherwise time every hidden test
 * (the one a sleeping solution uses to read its input size), and a visible result after a
 * hidden one would time the hidden one by the gap. The complete results come with FINISHED.
 */
export function progressResults<T extends Pick<StoredTestResult, 'hidden'>>(results: readonly T[]): T[] {
  const firstHidden = results.findIndex((r) => r.hidden);
  return firstHidden < 0 ? [...results] : results.slice(0, firstHidden);
}

/** One test as a grader reads it: no time, and for hidden tests nothing but status and category. */
export interface GradedTestResultView {
  name: string;
  category: string | null;
  status: Verdict;
  hidden: boolean;
  message: string | null;
}

/** A submission as a grader reads it: its place in the order, code and verdicts; no time, no author id. */
export interface GradedSubmissionView {
  id: string;
  /** 1, 2, 3... in the order the candidate submitted on this problem. */
  ordinal: number;
  problemId: string;
  language: Language;
  source: string;
  state: SubmissionState;
  verdict: Verdict | null;
  score: number | null;
  correctness: number | null;
  performance: number | null;
  explanation: string | null;
  passed: number;
  total: number;
  compileError: SubmissionEntity['compileError'];
  results: GradedTestResultView[];
}

export interface GradedProblemView {
  position: number;
  problemId: string;
  title: string;
  points: number;
  bestScore: number;
  pointsEarned: number;
  bestVerdict: Verdict | null;
  verdicts: Verdict[];
  submissionsCount: number;
  submissions: GradedSubmissionView[];
}

/** An attempt's results as a grader reads them: no accommodation, start, deadline, end or time taken. */
export interface GradedAttemptView {
  attemptId: string;
  assessmentId: string;
  title: string;
  status: AttemptStatus;
  pointsPossible: number;
  pointsEarned: number;
  score: number;
  problems: GradedProblemView[];
}

export function gradedSubmissionView(s: SubmissionFacts, ordinal: number): GradedSubmissionView {
  return {
    id: s.id,
    ordinal,
    problemId: s.problemId,
    language: s.language,
    source: s.source,
    state: s.state,
    verdict: s.verdict,
    score: s.score,
    ...scoresApart(s),
    passed: s.passed,
    total: s.total,
    compileError: s.compileError,
    results: (s.results ?? []).map((t) => ({
      name: t.name,
      category: t.category ?? null,
      status: t.status,
      hidden: t.hidden,
      message: t.hidden ? null : (t.message ?? null),
    })),
  };
}

/** The grader's view of summarized results (see summarize: submissions are oldest first). */
export function gradedAttemptView(r: AttemptResults, status: AttemptStatus, titles: ReadonlyMap<string, string>): GradedAttemptView {
  return {
    attemptId: r.attempt.id,
    assessmentId: r.assessment.id,
    title: r.assessment.title,
    status,
    pointsPossible: r.pointsPossible,
    pointsEarned: r.pointsEarned,
    score: r.score,
    problems: r.problems.map((p) => ({
      ...problemSummary(p, titles),
      submissions: p.submissions.filter((s) => s.kind === SubmissionKind.SUBMISSION).map((s, i) => gradedSubmissionView(s, i + 1)),
    })),
  };
}

/**
 * The attempts a grader reads: finished ones only. An unfinished attempt watched by polling
 * would time its start, each submission and its end, and so the deadline and the accommodation.
 */
export function gradedAttemptViews(
  results: readonly AttemptResults[],
  statusOf: (attempt: AttemptResults['attempt']) => AttemptStatus,
  titles: ReadonlyMap<string, string>,
): GradedAttemptView[] {
  return results.flatMap((r) => {
    const status = statusOf(r.attempt);
    return status === AttemptStatus.FINISHED ? [gradedAttemptView(r, status, titles)] : [];
  });
}
