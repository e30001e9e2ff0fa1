import { AssessmentEntity, AttemptEntity, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { summarize } from './attempts.service';

const at = (s: string) => new Date(`2026-11-26T10:${s}Z`);

function sub(problemId: string, createdAt: string, verdict: Verdict | null, score: number | null): SubmissionEntity {
  return {
    id: `${problemId}-${createdAt}`,
    problemId,
    createdAt: at(createdAt),
    state: verdict ? SubmissionState.FINISHED : SubmissionState.QUEUED,
    verdict,
    score,
  } as SubmissionEntity;
}

describe('summarize (attempt results)', () => {
  const attempt = { id: 'a', startedAt: at('00:00') } as AttemptEntity;
  const assessment = { problems: [{ problemId: 'p1', points: 100 }, { problemId: 'p2', points: 50 }, { problemId: 'p3', points: 25 }] } as AssessmentEntity;
  const subs = [
    sub('p1', '05:00', Verdict.WRONG_ANSWER, 0.5),
    sub('p1', '09:30', Verdict.ACCEPTED, 1),
    sub('p1', '12:00', Verdict.WRONG_ANSWER, 0.25),
    sub('p2', '20:00', Verdict.TIME_LIMIT_EXCEEDED, 0.6),
    sub('p2', '21:00', null, null),
  ];
  const r = summarize(attempt, assessment, subs);

  it('counts the best score of each problem, not the last', () => {
    expect(r.problems.map((p) => [p.problemId, p.bestScore, p.pointsEarned, p.bestVerdict])).toEqual([
      ['p1', 1, 100, Verdict.ACCEPTED],
      ['p2', 0.6, 30, Verdict.TIME_LIMIT_EXCEEDED],
      ['p3', 0, 0, null],
    ]);
  });

  it('keeps every verdict, counts every submission (queued ones too), and times the best', () => {
    expect(r.problems[0].verdicts).toEqual([Verdict.WRONG_ANSWER, Verdict.ACCEPTED, Verdict.WRONG_ANSWER]);
    expect(r.problems[1].submissionsCount).toBe(2);
    expect(r.problems[0].timeTakenSeconds).toBe(570);
    expect(r.problems[2].timeTakenSeconds).toBeNull();
  });

  it('totals points and the 0-1 score', () => {
    expect(r.pointsPossible).toBe(175);
    expect(r.pointsEarned).toBe(130);
    expect(r.score).toBe(0.7429);
  });
});
