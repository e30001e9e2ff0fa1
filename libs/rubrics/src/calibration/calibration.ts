import { round4 } from '../scorecard-rules';

/** One submitted scorecard reduced to what calibration needs: who rated whom, and the 1-4 ratings given. */
export interface CalibrationScorecard {
  interviewerId: string;
  /** The application scored: a candidate as they applied to one job. */
  candidateId: string;
  ratings: readonly number[];
}

export interface InterviewerCalibration {
  interviewerId: string;
  scorecards: number;
  /** Distinct candidates this interviewer rated. */
  candidates: number;
  ratings: number;
  /** Mean of every rating given (1-4), rounded to 4 decimals. */
  mean: number;
  /** Population standard deviation of the same ratings: how much of the scale the interviewer uses. */
  spread: number;
  /**
   * Mean over the shared candidates of (this interviewer's mean rating of the candidate minus
   * the mean of the other interviewers' mean ratings of that candidate). Above 0: rates higher
   * than colleagues do for the same people. Null without shared candidates.
   */
  leniencyOffset: number | null;
  /** Candidates this interviewer and at least one other interviewer rated: what the offset rests on. */
  sharedCandidates: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Per interviewer: mean and spread of their ratings and their leniency offset against the other
 * interviewers of the same candidates. Each interviewer's ratings of a candidate are first
 * averaged (several scorecards for one candidate pool into one mean), so a long scorecard does
 * not outweigh a short one in the offset, and each other interviewer counts once per candidate.
 * Rounding happens at the end only. Sorted by interviewer id.
 */
export function calibrate(scorecards: readonly CalibrationScorecard[]): InterviewerCalibration[] {
  // interviewer -> candidate -> ratings
  const byInterviewer = new Map<string, Map<string, number[]>>();
  const cardCount = new Map<string, number>();
  for (const s of scorecards) {
    if (!s.ratings.length) continue;
    const perCandidate = byInterviewer.get(s.interviewerId) ?? new Map<string, number[]>();
    byInterviewer.set(s.interviewerId, perCandidate);
    const mine = perCandidate.get(s.candidateId);
    if (mine) mine.push(...s.ratings);
    else perCandidate.set(s.candidateId, [...s.ratings]);
    cardCount.set(s.interviewerId, (cardCount.get(s.interviewerId) ?? 0) + 1);
  }
  // candidate -> interviewer -> that interviewer's mean rating of the candidate
  const candidateMeans = new Map<string, Map<string, number>>();
  for (const [interviewer, perCandidate] of byInterviewer) {
    for (const [candidate, ratings] of perCandidate) {
      const m = candidateMeans.get(candidate) ?? new Map<string, number>();
      candidateMeans.set(candidate, m);
      m.set(interviewer, mean(ratings));
    }
  }
  return [...byInterviewer.keys()].sort().map((interviewerId) => {
    const perCandidate = byInterviewer.get(interviewerId)!;
    const all = [...perCandidate.values()].flat();
    const m = mean(all);
    const variance = mean(all.map((x) => (x - m) ** 2));
    const diffs: number[] = [];
    for (const candidate of perCandidate.keys()) {
      const means = candidateMeans.get(candidate)!;
      const others = [...means.entries()].filter(([id]) => id !== interviewerId).map(([, v]) => v);
      if (others.length) diffs.push(means.get(interviewerId)! - mean(others));
    }
    return {
      interviewerId,
      scorecards: cardCount.get(interviewerId)!,
      candidates: perCandidate.size,
      ratings: all.length,
      mean: round4(m),
      spread: round4(Math.sqrt(variance)),
      leniencyOffset: diffs.length ? round4(mean(diffs)) : null,
      sharedCandidates: diffs.length,
    };
  });
}

/** A submitted scorecard with what calibration groups by: the interview kind and the rubric. */
export interface KindScorecard extends CalibrationScorecard {
  kind: string;
  rubricId: string;
}

/**
 * Calibration among comparable interviewers only: a coding interviewer is compared with other
 * coding interviewers of the same rubric, never with a behavioural one who met the same
 * candidate. Returns one entry per interviewer, kind and rubric, keyed `interviewer|kind|rubric`.
 */
export function calibrateWithinKind(scorecards: readonly KindScorecard[]): Map<string, InterviewerCalibration> {
  // Pushed in place: copying the group on every card made this quadratic (minutes for 20,000 cards).
  const groups = new Map<string, KindScorecard[]>();
  for (const s of scorecards) {
    const g = `${s.kind}|${s.rubricId}`;
    const list = groups.get(g);
    if (list) list.push(s);
    else groups.set(g, [s]);
  }
  const out = new Map<string, InterviewerCalibration>();
  for (const [g, cards] of groups) for (const c of calibrate(cards)) out.set(`${c.interviewerId}|${g}`, c);
  return out;
}
