import { SubmissionState } from '@app/domain';

/**
 * The one rule for assessment points, imported by every view that shows them (attempt results,
 * the interviewer's results, the candidate's attempt, the shortlist): per problem the best judged
 * submission counts; a problem earns its best score (0-1) times its points, to the hundredth; a
 * total is the sum of its problems' rounded points, so a results table adds up to its total.
 * Two problems at 0.3333 x 7 points earn 2.33 each and 4.66 together, in every view.
 */
const hundredths = (x: number): number => Math.round(x * 100) / 100;

/** The submission that counts for a problem: the first judged one with the highest score; null when none is judged yet. */
export function bestSubmission<T extends { state: SubmissionState; score: number | null }>(subs: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of subs) if (s.state === SubmissionState.FINISHED && (!best || (s.score ?? 0) > (best.score ?? 0))) best = s;
  return best;
}

/** A problem's points: its best score (0-1) times the points it is worth, to the hundredth. */
export function problemPoints(bestScore: number, points: number): number {
  return hundredths(bestScore * points);
}

export interface PointsTotal {
  pointsEarned: number;
  pointsPossible: number;
  /** pointsEarned / pointsPossible to four decimals, 0-1; 0 when nothing is possible. */
  score: number;
}

/** The total of some problems (one attempt's, or every attempt of an application): the sum of their rounded points. */
export function totalPoints(problems: readonly { points: number; bestScore: number }[]): PointsTotal {
  const pointsPossible = problems.reduce((a, p) => a + p.points, 0);
  const pointsEarned = hundredths(problems.reduce((a, p) => a + problemPoints(p.bestScore, p.points), 0));
  return { pointsEarned, pointsPossible, score: pointsPossible ? Math.round((pointsEarned / pointsPossible) * 10_000) / 10_000 : 0 };
}
