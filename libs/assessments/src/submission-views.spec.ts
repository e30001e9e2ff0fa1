import { AttemptStatus, Language, Role, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import type { AttemptResults } from './attempts.service';
import {
  gradedAttemptView,
  gradedAttemptViews,
  managedProblemViews,
  maySeeSubmission,
  progressResults,
  SUBMISSION_READER_ROLES,
  submissionView,
  testResultView,
} from './submission-views';

const visible: StoredTestResult = { name: 'example', status: Verdict.ACCEPTED, timeMs: 12.4, hidden: false, actual: [1] };
const hidden: StoredTestResult = { name: 'big', category: 'performance', status: Verdict.ACCEPTED, timeMs: 987, hidden: true, actual: 'secret', output: 'x', memoryBytes: 5 };

const submission = {
  id: 's1',
  kind: SubmissionKind.SUBMISSION,
  problemId: 'p1',
  attemptId: 'a1',
  language: Language.JAVASCRIPT,
  source: 'x',
  userId: 'u1',
  state: SubmissionState.FINISHED,
  verdict: Verdict.ACCEPTED,
  score: 1,
  passed: 2,
  total: 2,
  compileError: null,
  warnings: [],
  results: [visible, hidden],
  createdAt: new Date('2026-01-01T10:40:00Z'),
  finishedAt: new Date('2026-01-01T10:40:02Z'),
} as unknown as SubmissionEntity;

describe('submission views', () => {
  it('never reports a hidden test time (or any of its data); visible tests keep theirs', () => {
    expect(testResultView(hidden)).toEqual({ name: 'big', category: 'performance', status: Verdict.ACCEPTED, timeMs: null, memoryBytes: null, hidden: true, actual: null, output: null, message: null });
    expect(testResultView(visible).timeMs).toBe(12);
    expect(submissionView(submission).results.map((r) => r.timeMs)).toEqual([12, null]);
  });

  it('streams only the results before the first hidden test while judging', () => {
    expect(progressResults([visible, visible])).toHaveLength(2);
    expect(progressResults([visible, hidden, visible])).toEqual([visible]);
    expect(progressResults([hidden, visible])).toEqual([]);
  });

  it("the grader's view has order and verdicts, and no time or author anywhere", () => {
    const r = {
      attempt: { id: 'a1', startedAt: new Date('2026-01-01T10:00:00Z'), deadline: new Date('2026-01-01T10:37:30Z'), extraTimePercent: 25 },
      assessment: { id: 'as1', title: 'T', durationMinutes: 30 },
      pointsPossible: 10,
      pointsEarned: 10,
      score: 1,
      problems: [{ problemId: 'p1', position: 0, points: 10, bestScore: 1, pointsEarned: 10, bestVerdict: Verdict.ACCEPTED, verdicts: [Verdict.ACCEPTED], submissionsCount: 1, timeTakenSeconds: 2400, submissions: [submission] }],
    } as unknown as AttemptResults;
    const view = gradedAttemptView(r, AttemptStatus.FINISHED, new Map([['p1', 'Two sum']]));
    expect(view.problems[0].submissions[0]).toMatchObject({ id: 's1', ordinal: 1, verdict: Verdict.ACCEPTED });
    const json = JSON.stringify(view);
    for (const leak of ['2026', '2400', '987', '"u1"', 'extraTime', 'durationMinutes', 'timeMs', 'createdAt', 'finishedAt', 'userId']) expect(json).not.toContain(leak);
    // Only finished attempts reach a grader.
    expect(gradedAttemptViews([r], () => AttemptStatus.IN_PROGRESS, new Map())).toEqual([]);
    expect(gradedAttemptViews([r], () => AttemptStatus.INVITED, new Map())).toEqual([]);
    expect(gradedAttemptViews([r], () => AttemptStatus.FINISHED, new Map())).toHaveLength(1);
  });

  it("the hiring managers' view keeps the time taken and each submission with its times, and no hidden test's time", () => {
    const r = {
      problems: [{ problemId: 'p1', position: 0, points: 10, bestScore: 1, pointsEarned: 10, bestVerdict: Verdict.ACCEPTED, verdicts: [Verdict.ACCEPTED], submissionsCount: 1, timeTakenSeconds: 2400, submissions: [submission] }],
    } as unknown as AttemptResults;
    const [p] = managedProblemViews(r, new Map([['p1', 'Two sum']]));
    expect(p).toMatchObject({ title: 'Two sum', timeTakenSeconds: 2400, pointsEarned: 10 });
    expect(p.submissions).toEqual([submissionView(submission)]);
    expect(p.submissions[0].createdAt).toEqual(new Date('2026-01-01T10:40:00Z'));
    expect(JSON.stringify(p)).not.toContain('987');
    expect(managedProblemViews(r, new Map())[0].title).toBe('p1');
  });

  it('lets hiring managers read any submission, a candidate their own, and keeps interviewers out', () => {
    expect(SUBMISSION_READER_ROLES).toEqual([Role.ADMIN, Role.RECRUITER, Role.CANDIDATE]);
    expect(maySeeSubmission({ id: 'r1', role: Role.RECRUITER }, submission)).toBe(true);
    expect(maySeeSubmission({ id: 'x', role: Role.ADMIN }, submission)).toBe(true);
    expect(maySeeSubmission({ id: 'u1', role: Role.CANDIDATE }, submission)).toBe(true);
    expect(maySeeSubmission({ id: 'u2', role: Role.CANDIDATE }, submission)).toBe(false);
    expect(maySeeSubmission({ id: 'i1', role: Role.INTERVIEWER }, submission)).toBe(false);
    // A platform-made submission (a reference run) has no author: only managers read it.
    expect(maySeeSubmission({ id: 'u1', role: Role.CANDIDATE }, { userId: null })).toBe(false);
  });
});
