import { SubmissionState } from '@app/domain';
import { bestSubmission, problemPoints, totalPoints } from './points';

describe('assessment points: one rule for every view', () => {
  it('two problems at 0.3333 x 7 points earn 2.33 each and 4.66 together (a results table adds up)', () => {
    expect(problemPoints(0.3333, 7)).toBe(2.33);
    const total = totalPoints([
      { points: 7, bestScore: 0.3333 },
      { points: 7, bestScore: 0.3333 },
    ]);
    // Rounding the unrounded sum (4.6662) once would give 4.67, which no row of the table shows.
    expect(total).toEqual({ pointsEarned: 4.66, pointsPossible: 14, score: 0.3329 });
  });

  it('rounds each product to the hundredth, whatever the float error', () => {
    expect(problemPoints(0.29, 100)).toBe(29);
    expect(problemPoints(0.125, 3)).toBe(0.38);
    expect(problemPoints(1, 50)).toBe(50);
    expect(totalPoints([])).toEqual({ pointsEarned: 0, pointsPossible: 0, score: 0 });
  });

  it('the best judged submission counts: the first with the highest score, never one still queued', () => {
    const s = (score: number | null, state = SubmissionState.FINISHED) => ({ state, score });
    const first = s(0.5);
    expect(bestSubmission([s(0.25), first, s(0.5), s(null, SubmissionState.QUEUED)])).toBe(first);
    expect(bestSubmission([s(null, SubmissionState.RUNNING)])).toBeNull();
    expect(bestSubmission([])).toBeNull();
  });
});
