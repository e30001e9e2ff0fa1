/**
 * The composite score of a shortlist entry: pure arithmetic, pinned by one scenario file per
 * case in ./scenarios. Every number that reaches the recruiter is computed here, and every
 * entry carries the arithmetic that produced it, as text and as data.
 */

export type ComponentName = 'skills' | 'assessment' | 'interview';
export const COMPONENTS: readonly ComponentName[] = ['skills', 'assessment', 'interview'];

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
const SEVERITY_ORDER: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

export interface ShortlistPolicy {
  weights: Record<ComponentName, number>;
  /** Components a candidate must have before being ranked (e.g. ['interview']). */
  requireComponents: ComponentName[];
  redFlags: {
    /** PENALTY: subtract per severity. DEMOTE: also rank below everyone without such a flag. */
    mode: 'PENALTY' | 'DEMOTE';
    penalties: Record<Severity, number>;
    /** With DEMOTE: the lowest severity that demotes. */
    demoteAtSeverity: Severity;
  };
  /** Leniency offsets apply only when they rest on at least this many shared candidates. */
  minSharedCandidates: number;
}

export const DEFAULT_POLICY: ShortlistPolicy = {
  weights: { skills: 0.15, assessment: 0.45, interview: 0.4 },
  requireComponents: [],
  redFlags: { mode: 'PENALTY', penalties: { LOW: 0.02, MEDIUM: 0.05, HIGH: 0.1, CRITICAL: 0.2 }, demoteAtSeverity: 'HIGH' },
  minSharedCandidates: 3,
};

export interface CriterionRating {
  key: string;
  weight: number;
  /** 1 to 4. */
  rating: number;
}

export interface ScorecardInput {
  interviewerId: string;
  ratings: CriterionRating[];
  redFlags: Array<{ key: string; title?: string; severity: Severity }>;
}

export interface Calibration {
  /** How far this interviewer rates above (+) or below (−) the others, in rating points. */
  offset: number | null;
  sharedCandidates: number;
}

export interface CandidateInput {
  applicationId: string;
  appliedAt: string;
  skillsMatch: number | null;
  assessment: { pointsEarned: number; pointsPossible: number } | null;
  scorecards: ScorecardInput[];
}

export interface ComponentExplanation {
  name: ComponentName;
  present: boolean;
  value: number | null;
  weight: number;
  /** weight / sum of the weights of present components: its share of the score. */
  effectiveWeight: number;
  detail: string;
}

export interface Adjustment {
  kind: 'CALIBRATION' | 'RED_FLAG';
  description: string;
  /** CALIBRATION: the offset removed from each rating; RED_FLAG: the penalty subtracted. */
  amount: number;
  applied: boolean;
  interviewerId?: string;
  sharedCandidates?: number;
  severity?: Severity;
  flag?: string;
}

export interface CompositeResult {
  applicationId: string;
  score: number | null;
  /** Before red-flag penalties. */
  baseScore: number | null;
  components: ComponentExplanation[];
  missing: ComponentName[];
  confidence: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
  adjustments: Adjustment[];
  demoted: boolean;
  /** False when a required component is missing: listed after the ranked entries. */
  ranked: boolean;
  explanation: string;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const f3 = (x: number): string => x.toFixed(3);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A scorecard's weighted mean rating mapped from 1..4 to 0..1, after removing the leniency offset. */
export function scorecardValue(card: ScorecardInput, offset: number): number | null {
  const total = card.ratings.reduce((a, r) => a + r.weight, 0);
  if (!card.ratings.length || total <= 0) return null;
  const sum = card.ratings.reduce((a, r) => a + r.weight * ((clamp(r.rating - offset, 1, 4) - 1) / 3), 0);
  return sum / total;
}

export function composite(c: CandidateInput, policy: ShortlistPolicy, calibration: Map<string, Calibration>): CompositeResult {
  const adjustments: Adjustment[] = [];

  // Interview: each submitted scorecard, calibrated where the calibration rests on enough candidates.
  const cardValues: number[] = [];
  for (const card of c.scorecards) {
    const cal = calibration.get(card.interviewerId);
    const usable = !!cal && cal.offset !== null && cal.sharedCandidates >= policy.minSharedCandidates;
    const offset = usable ? (cal.offset as number) : 0;
    if (cal && cal.offset !== null) {
      adjustments.push({
        kind: 'CALIBRATION',
        interviewerId: card.interviewerId,
        sharedCandidates: cal.sharedCandidates,
        amount: r4(cal.offset),
        applied: usable,
        description: usable
          ? `interviewer ${card.interviewerId} rates ${cal.offset >= 0 ? '+' : ''}${cal.offset.toFixed(2)} vs peers over ${cal.sharedCandidates} shared candidates: removed from each rating`
          : `interviewer ${card.interviewerId} offset ${cal.offset.toFixed(2)} rests on ${cal.sharedCandidates} shared candidate(s) (< ${policy.minSharedCandidates}): raw ratings used`,
      });
    }
    const v = scorecardValue(card, offset);
    if (v !== null) cardValues.push(v);
  }

  const values: Record<ComponentName, number | null> = {
    skills: c.skillsMatch === null ? null : clamp(c.skillsMatch, 0, 1),
    assessment: c.assessment && c.assessment.pointsPossible > 0 ? clamp(c.assessment.pointsEarned / c.assessment.pointsPossible, 0, 1) : null,
    interview: cardValues.length ? cardValues.reduce((a, b) => a + b, 0) / cardValues.length : null,
  };
  const details: Record<ComponentName, string> = {
    skills: values.skills === null ? 'no screening skills match' : `skills match ${f3(values.skills)}`,
    assessment: c.assessment ? `${c.assessment.pointsEarned} of ${c.assessment.pointsPossible} points` : 'no assessment result',
    interview: cardValues.length ? `mean of ${cardValues.length} scorecard(s): ${cardValues.map(f3).join(', ')}` : 'no submitted scorecard',
  };

  const present = COMPONENTS.filter((n) => values[n] !== null && policy.weights[n] > 0);
  const missing = COMPONENTS.filter((n) => values[n] === null);
  const weightSum = present.reduce((a, n) => a + policy.weights[n], 0);
  const base = weightSum > 0 ? present.reduce((a, n) => a + policy.weights[n] * (values[n] as number), 0) / weightSum : null;

  // Red flags: every ticked flag of every scorecard costs its severity's penalty.
  let penalty = 0;
  let demoted = false;
  for (const card of c.scorecards) {
    for (const flag of card.redFlags) {
      const p = policy.redFlags.penalties[flag.severity] ?? 0;
      penalty += p;
      const demotes = policy.redFlags.mode === 'DEMOTE' && SEVERITY_ORDER[flag.severity] >= SEVERITY_ORDER[policy.redFlags.demoteAtSeverity];
      demoted ||= demotes;
      adjustments.push({
        kind: 'RED_FLAG',
        flag: flag.key,
        severity: flag.severity,
        interviewerId: card.interviewerId,
        amount: p,
        applied: true,
        description: `red flag "${flag.title ?? flag.key}" (${flag.severity}) from ${card.interviewerId}: −${f3(p)}${demotes ? '; ranked below candidates without such flags' : ''}`,
      });
    }
  }
  const score = base === null ? null : r4(clamp(base - penalty, 0, 1));

  const components = COMPONENTS.map<ComponentExplanation>((n) => ({
    name: n,
    present: values[n] !== null,
    value: values[n] === null ? null : r4(values[n]),
    weight: policy.weights[n],
    effectiveWeight: present.includes(n) ? r4(policy.weights[n] / weightSum) : 0,
    detail: details[n],
  }));
  const confidence = present.length === 3 ? 'HIGH' : present.length === 2 ? 'MEDIUM' : present.length === 1 ? 'LOW' : 'NONE';
  const ranked = policy.requireComponents.every((n) => values[n] !== null) && score !== null;

  const terms = present.map((n) => `${policy.weights[n]}×${f3(values[n] as number)} (${n})`).join(' + ');
  let explanation =
    base === null
      ? 'No evidence yet: no component is present.'
      : `(${terms}) / ${weightSum.toFixed(2)} = ${f3(base)}` + (penalty > 0 ? ` − ${f3(penalty)} red-flag penalty = ${f3(score as number)}` : '');
  if (missing.length) explanation += `. Missing: ${missing.join(', ')} (confidence ${confidence})`;
  const calibrated = adjustments.filter((a) => a.kind === 'CALIBRATION' && a.applied);
  if (calibrated.length) explanation += `. Calibrated: ${calibrated.map((a) => `${a.interviewerId} ${a.amount >= 0 ? '−' : '+'}${Math.abs(a.amount).toFixed(2)}`).join(', ')}`;
  if (demoted) explanation += '. Demoted by a red flag';
  if (!ranked && base !== null) explanation += `. Not ranked: requires ${policy.requireComponents.filter((n) => values[n] === null).join(', ')}`;

  return { applicationId: c.applicationId, score, baseScore: base === null ? null : r4(base), components, missing, confidence, adjustments, demoted, ranked, explanation };
}

/**
 * Order: ranked entries first; among them, candidates not demoted by a red flag first, then
 * score (high first), then assessment score, then the earlier application, then id (stable).
 */
export function rank(entries: Array<CompositeResult & { appliedAt: string }>): Array<CompositeResult & { appliedAt: string; rank: number | null }> {
  const assessmentOf = (e: CompositeResult) => e.components.find((c) => c.name === 'assessment')?.value ?? -1;
  const sorted = [...entries].sort(
    (a, b) =>
      Number(b.ranked) - Number(a.ranked) ||
      Number(a.demoted) - Number(b.demoted) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      assessmentOf(b) - assessmentOf(a) ||
      a.appliedAt.localeCompare(b.appliedAt) ||
      a.applicationId.localeCompare(b.applicationId),
  );
  let n = 0;
  return sorted.map((e) => ({ ...e, rank: e.ranked ? ++n : null }));
}
