import { AttemptStatus, Language, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import type { AttemptResults } from './attempts.service';
import { gradedAttemptView, gradedAttemptViews, progressResults, submissionView, testResultView } from './submission-views';

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
});
