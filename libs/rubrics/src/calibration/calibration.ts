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

/** The sum of a list in its order. */
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
/** Code-unit order, as Array.prototype.sort orders strings. */
const before = (a: string, b: string): boolean => a < b;

/** The first index of a sorted array at which `x` is not before the element. */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid], x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface InterviewerSums {
  /** Per candidate: the sum and number of the ratings given (integers: exact whatever the order they came in), and the scorecards. */
  perCandidate: Map<string, { sum: number; count: number; cards: number }>;
  sum: number;
  count: number;
  cards: number;
  /** How many times each rating value was given. */
  histogram: Map<number, number>;
  /** Per shared candidate: this interviewer's mean of the candidate minus the mean of the other interviewers' means. */
  diffs: Map<string, number>;
  /** The keys of `diffs` in code-unit order, built when first asked for and then kept in order. */
  sortedShared: string[] | null;
}

/**
 * The calibration of one group of comparable scorecards (one interview kind and rubric), kept
 * as sums that a scorecard added or removed updates by its own delta: what calibrate computes
 * from scratch and CalibrationIndex keeps up to date, with the same arithmetic. Every figure
 * depends only on the scorecards held, never on the order they came in: ratings are integers,
 * so their sums are exact; means of means and the mean of the differences are summed in
 * code-unit order of interviewer and candidate ids. A full computation and any sequence of
 * changes that ends with the same scorecards therefore give the same numbers, to the bit.
 */
export class CalibrationGroup {
  private readonly interviewers = new Map<string, InterviewerSums>();
  /** candidate -> the interviewers holding ratings of the candidate, in code-unit order. */
  private readonly raters = new Map<string, string[]>();

  /** Adds (sign 1) or removes (sign -1) a scorecard; returns the interviewers whose figures may have moved. */
  change(card: CalibrationScorecard, sign: 1 | -1): Set<string> {
    const touched = new Set<string>();
    if (!card.ratings.length) return touched;
    const cardSum = sum(card.ratings);
    let s = this.interviewers.get(card.interviewerId);
    if (!s) {
      if (sign < 0) return touched;
      s = { perCandidate: new Map(), sum: 0, count: 0, cards: 0, histogram: new Map(), diffs: new Map(), sortedShared: null };
      this.interviewers.set(card.interviewerId, s);
    }
    let pair = s.perCandidate.get(card.candidateId);
    if (!pair) {
      if (sign < 0) return touched;
      pair = { sum: 0, count: 0, cards: 0 };
      s.perCandidate.set(card.candidateId, pair);
      const list = this.raters.get(card.candidateId) ?? [];
      list.splice(lowerBound(list, card.interviewerId), 0, card.interviewerId);
      this.raters.set(card.candidateId, list);
    }
    pair.sum += sign * cardSum;
    pair.count += sign * card.ratings.length;
    pair.cards += sign;
    s.sum += sign * cardSum;
    s.count += sign * card.ratings.length;
    s.cards += sign;
    for (const r of card.ratings) {
      const n = (s.histogram.get(r) ?? 0) + sign;
      if (n) s.histogram.set(r, n);
      else s.histogram.delete(r);
    }
    touched.add(card.interviewerId);
    if (pair.cards <= 0) {
      s.perCandidate.delete(card.candidateId);
      const list = this.raters.get(card.candidateId) ?? [];
      const at = lowerBound(list, card.interviewerId);
      if (list[at] === card.interviewerId) list.splice(at, 1);
      if (!list.length) this.raters.delete(card.candidateId);
      setDiff(s, card.candidateId, undefined);
    }
    if (s.cards <= 0) this.interviewers.delete(card.interviewerId);
    for (const id of this.candidateDiffs(card.candidateId)) touched.add(id);
    return touched;
  }

  /** Recomputes every rater's difference on one candidate; returns the raters. */
  private candidateDiffs(candidateId: string): string[] {
    const list = this.raters.get(candidateId) ?? [];
    const means = list.map((id) => {
      const p = this.interviewers.get(id)!.perCandidate.get(candidateId)!;
      return p.sum / p.count;
    });
    list.forEach((id, i) => {
      const s = this.interviewers.get(id)!;
      if (list.length < 2) return setDiff(s, candidateId, undefined);
      const others = sum(means.filter((_, j) => j !== i)) / (list.length - 1);
      setDiff(s, candidateId, means[i] - others);
    });
    return list;
  }

  /** The interviewers holding scorecards, in code-unit order. */
  interviewerIds(): string[] {
    return [...this.interviewers.keys()].sort();
  }

  /** One interviewer's figures; null once they hold no scorecard of the group. */
  result(interviewerId: string): InterviewerCalibration | null {
    const s = this.interviewers.get(interviewerId);
    if (!s) return null;
    const m = s.sum / s.count;
    let squares = 0;
    for (const r of [...s.histogram.keys()].sort((a, b) => a - b)) squares += s.histogram.get(r)! * (r - m) ** 2;
    s.sortedShared ??= [...s.diffs.keys()].sort();
    let diffs = 0;
    for (const c of s.sortedShared) diffs += s.diffs.get(c)!;
    const shared = s.sortedShared.length;
    return {
      interviewerId,
      scorecards: s.cards,
      candidates: s.perCandidate.size,
      ratings: s.count,
      mean: round4(m),
      spread: round4(Math.sqrt(squares / s.count)),
      leniencyOffset: shared ? round4(diffs / shared) : null,
      sharedCandidates: shared,
    };
  }
}

/** Sets (or with undefined, removes) an interviewer's difference on a candidate, keeping the sorted keys when they are built. */
function setDiff(s: InterviewerSums, candidateId: string, diff: number | undefined): void {
  const had = s.diffs.has(candidateId);
  if (diff === undefined) {
    if (!had) return;
    s.diffs.delete(candidateId);
    if (s.sortedShared) s.sortedShared.splice(lowerBound(s.sortedShared, candidateId), 1);
    return;
  }
  s.diffs.set(candidateId, diff);
  if (!had && s.sortedShared) s.sortedShared.splice(lowerBound(s.sortedShared, candidateId), 0, candidateId);
}

/**
 * Per interviewer: mean and spread of their ratings and their leniency offset against the other
 * interviewers of the same candidates. Each interviewer's ratings of a candidate are first
 * averaged (several scorecards for one candidate pool into one mean), so a long scorecard does
 * not outweigh a short one in the offset, and each other interviewer counts once per candidate.
 * Rounding happens at the end only. Sorted by interviewer id. Computed with CalibrationGroup,
 * as the incremental index computes it.
 */
export function calibrate(scorecards: readonly CalibrationScorecard[]): InterviewerCalibration[] {
  const group = new CalibrationGroup();
  for (const s of scorecards) group.change(s, 1);
  return group.interviewerIds().map((id) => group.result(id)!);
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
