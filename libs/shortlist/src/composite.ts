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
  // Without an assessment result (taken, or not taken by its deadline) a candidate waits apart.
  requireComponents: ['assessment'],
  redFlags: { mode: 'PENALTY', penalties: { LOW: 0.02, MEDIUM: 0.05, HIGH: 0.1, CRITICAL: 0.2 }, demoteAtSeverity: 'HIGH' },
  minSharedCandidates: 3,
};

/**
 * The most self-reported skill levels can move a composite: the skills component's share of the
 * score never exceeds this, however the present components are rescaled (the rest goes to the
 * evidence: assessment and interview). With every component present and the default weights the
 * cap does not bite (0.15 of 1.00); without an interview, skills would otherwise take 0.25.
 */
export const MAX_SELF_RATED_SHARE = 0.15;

/** Evidence components: what a candidate did, as opposed to what they say of themselves. */
export const EVIDENCE_COMPONENTS: readonly ComponentName[] = ['assessment', 'interview'];

/**
 * How the interview kinds combine into the interview component, after each kind has been
 * aggregated on its own (its criteria weighted by its rubric). Fundamentals first, as the job
 * guidance asks; a kind not listed weighs OTHER_KIND_WEIGHT.
 */
export const INTERVIEW_KIND_WEIGHTS: Readonly<Record<string, number>> = { CODING_FUNDAMENTALS: 0.5, SYSTEM_DESIGN: 0.3, BEHAVIORAL: 0.2 };
export const OTHER_KIND_WEIGHT = 0.2;

export interface CriterionRating {
  key: string;
  weight: number;
  /** 1 to 4; null: "not observed" (excluded from the mean, reported as missing evidence). */
  rating: number | null;
}

export interface ScorecardInput {
  interviewerId: string;
  /** Shown in explanations instead of the id (staff only read the shortlist). */
  interviewerName?: string;
  /** The interview kind (CODING_FUNDAMENTALS, SYSTEM_DESIGN, BEHAVIORAL): aggregation and calibration stay within it. */
  kind: string;
  rubricId: string;
  recommendation?: string | null;
  ratings: CriterionRating[];
  redFlags: Array<{ key: string; title?: string; severity: Severity }>;
}

/** Calibration is computed among interviewers of the same interview kind and rubric: this is its key. */
export const calibrationKey = (interviewerId: string, kind: string, rubricId: string): string => `${interviewerId}|${kind}|${rubricId}`;

export interface Calibration {
  /** How far this interviewer rates above (+) or below (−) the others, in rating points. */
  offset: number | null;
  sharedCandidates: number;
}

export interface AssessmentInput {
  pointsEarned: number;
  pointsPossible: number;
  /** An invitation not taken by its deadline (or expiry): scores 0 and says "not taken". */
  notTaken?: boolean;
}

export interface CandidateInput {
  applicationId: string;
  appliedAt: string;
  skillsMatch: number | null;
  assessment: AssessmentInput | null;
  scorecards: ScorecardInput[];
}

export interface ComponentExplanation {
  name: ComponentName;
  present: boolean;
  value: number | null;
  weight: number;
  /** Its share of the score: weight / sum of the weights of present components, skills capped at MAX_SELF_RATED_SHARE. */
  effectiveWeight: number;
  detail: string;
}

export interface Adjustment {
  /** CALIBRATION and RED_FLAG move the score; STRONG_NO is shown as a flag and moves nothing. */
  kind: 'CALIBRATION' | 'RED_FLAG' | 'STRONG_NO';
  description: string;
  /** CALIBRATION: the offset removed from each rating; RED_FLAG: the penalty subtracted; STRONG_NO: 0. */
  amount: number;
  applied: boolean;
  interviewerId?: string;
  interviewerName?: string;
  /** CALIBRATION: the interview kind it was computed within. */
  interviewKind?: string;
  sharedCandidates?: number;
  severity?: Severity;
  flag?: string;
  /** RED_FLAG, STRONG_NO: how many interviewers raised it (it still counts once). */
  raisedBy?: number;
}

export interface CompositeResult {
  applicationId: string;
  score: number | null;
  /** Before red-flag penalties. */
  baseScore: number | null;
  components: ComponentExplanation[];
  missing: ComponentName[];
  /** Criteria ("kind:key") no interviewer observed: missing evidence, not zeros. */
  notObserved: string[];
  confidence: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
  adjustments: Adjustment[];
  demoted: boolean;
  /** False while the candidate awaits evidence (a required component, or any evidence at all): listed after the ranked entries. */
  ranked: boolean;
  awaitingEvidence: boolean;
  explanation: string;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const f3 = (x: number): string => x.toFixed(3);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const who = (card: Pick<ScorecardInput, 'interviewerId' | 'interviewerName'>): string => card.interviewerName ?? card.interviewerId;

/** A rating mapped from 1..4 to 0..1 after removing the leniency offset. */
const unit = (rating: number, offset: number): number => (clamp(rating - offset, 1, 4) - 1) / 3;

/** A scorecard's weighted mean rating mapped from 1..4 to 0..1, after removing the leniency offset; "not observed" criteria left out. */
export function scorecardValue(card: Pick<ScorecardInput, 'ratings'>, offset: number): number | null {
  const observed = card.ratings.filter((r): r is CriterionRating & { rating: number } => r.rating !== null);
  const total = observed.reduce((a, r) => a + r.weight, 0);
  if (!observed.length || total <= 0) return null;
  return observed.reduce((a, r) => a + r.weight * unit(r.rating, offset), 0) / total;
}

interface InterviewAggregate {
  value: number | null;
  detail: string;
  notObserved: string[];
}

/**
 * The interview component: per interview kind and rubric, each criterion's calibrated ratings
 * are averaged over the interviewers who observed it, and the criteria combine by their rubric
 * weights; kinds then combine by INTERVIEW_KIND_WEIGHTS (re-normalised over the kinds present).
 */
function interviewAggregate(cards: readonly ScorecardInput[], offsetOf: (card: ScorecardInput) => number): InterviewAggregate {
  const groups = new Map<string, ScorecardInput[]>();
  for (const card of cards) groups.set(`${card.kind}|${card.rubricId}`, [...(groups.get(`${card.kind}|${card.rubricId}`) ?? []), card]);
  const perKind = new Map<string, number[]>();
  const notObserved: string[] = [];
  const parts: string[] = [];
  for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = group[0].kind;
    const criteria = new Map<string, { weight: number; units: number[] }>();
    for (const card of group) {
      const offset = offsetOf(card);
      for (const r of card.ratings) {
        const c = criteria.get(r.key) ?? { weight: r.weight, units: [] };
        if (r.rating !== null) c.units.push(unit(r.rating, offset));
        criteria.set(r.key, c);
      }
    }
    const observed = [...criteria].filter(([, c]) => c.units.length && c.weight > 0);
    for (const [key, c] of criteria) if (!c.units.length) notObserved.push(`${kind}:${key}`);
    const total = observed.reduce((a, [, c]) => a + c.weight, 0);
    if (total <= 0) continue;
    const v = observed.reduce((a, [, c]) => a + c.weight * mean(c.units), 0) / total;
    perKind.set(kind, [...(perKind.get(kind) ?? []), v]);
  }
  const kinds = [...perKind.keys()].sort();
  const kindWeight = (k: string): number => INTERVIEW_KIND_WEIGHTS[k] ?? OTHER_KIND_WEIGHT;
  const wsum = kinds.reduce((a, k) => a + kindWeight(k), 0);
  if (!kinds.length || wsum <= 0) return { value: null, detail: cards.length ? 'no criterion observed' : 'no submitted scorecard', notObserved };
  let value = 0;
  for (const k of kinds) {
    const v = mean(perKind.get(k)!);
    value += (kindWeight(k) * v) / wsum;
    parts.push(`${k} ${f3(v)} (weight ${kindWeight(k)})`);
  }
  const detail = `${cards.length} scorecard(s) aggregated per kind: ${parts.join(', ')}` + (notObserved.length ? `; not observed: ${notObserved.join(', ')}` : '');
  return { value, detail, notObserved };
}

export function composite(c: CandidateInput, policy: ShortlistPolicy, calibration: Map<string, Calibration>): CompositeResult {
  const adjustments: Adjustment[] = [];

  // Calibration: each interviewer against the others of the same kind and rubric, used where it rests on enough candidates.
  const offsets = new Map<ScorecardInput, number>();
  for (const card of c.scorecards) {
    const cal = calibration.get(calibrationKey(card.interviewerId, card.kind, card.rubricId));
    const usable = !!cal && cal.offset !== null && cal.sharedCandidates >= policy.minSharedCandidates;
    offsets.set(card, usable ? (cal.offset as number) : 0);
    if (cal && cal.offset !== null) {
      adjustments.push({
        kind: 'CALIBRATION',
        interviewerId: card.interviewerId,
        interviewerName: card.interviewerName,
        interviewKind: card.kind,
        sharedCandidates: cal.sharedCandidates,
        amount: r4(cal.offset),
        applied: usable,
        description: usable
          ? `${who(card)} rates ${cal.offset >= 0 ? '+' : ''}${cal.offset.toFixed(2)} vs other ${card.kind} interviewers of this rubric over ${cal.sharedCandidates} shared candidates: removed from each rating`
          : `${who(card)} offset ${cal.offset.toFixed(2)} among ${card.kind} interviewers rests on ${cal.sharedCandidates} shared candidate(s) (< ${policy.minSharedCandidates}): raw ratings used`,
      });
    }
  }
  const interview = interviewAggregate(c.scorecards, (card) => offsets.get(card) ?? 0);

  const assessment = c.assessment;
  const values: Record<ComponentName, number | null> = {
    skills: c.skillsMatch === null ? null : clamp(c.skillsMatch, 0, 1),
    assessment: !assessment ? null : assessment.notTaken ? 0 : assessment.pointsPossible > 0 ? clamp(assessment.pointsEarned / assessment.pointsPossible, 0, 1) : null,
    interview: interview.value,
  };
  const details: Record<ComponentName, string> = {
    skills: values.skills === null ? 'no screening skills match' : `self-rated skills match ${f3(values.skills)} (at most ${MAX_SELF_RATED_SHARE} of the score)`,
    assessment: !assessment ? 'no assessment result' : assessment.notTaken ? 'not taken: the invitation expired before it was started (scores 0)' : `${assessment.pointsEarned} of ${assessment.pointsPossible} points`,
    interview: interview.detail,
  };

  const present = COMPONENTS.filter((n) => values[n] !== null && policy.weights[n] > 0);
  const missing = COMPONENTS.filter((n) => values[n] === null);
  const shares = sharesOf(present, policy.weights);
  const weightSum = present.reduce((a, n) => a + policy.weights[n], 0);
  const base = present.length ? present.reduce((a, n) => a + (shares.get(n) as number) * (values[n] as number), 0) : null;

  // Red flags: each flag counts once per candidate, at the highest severity any interviewer gave it.
  const flags = new Map<string, { key: string; title: string; severity: Severity; by: string[] }>();
  const strongNo: string[] = [];
  for (const card of c.scorecards) {
    if (card.recommendation === 'STRONG_NO') strongNo.push(who(card));
    for (const flag of card.redFlags) {
      const f = flags.get(flag.key) ?? { key: flag.key, title: flag.title ?? flag.key, severity: flag.severity, by: [] };
      if (SEVERITY_ORDER[flag.severity] > SEVERITY_ORDER[f.severity]) f.severity = flag.severity;
      if (!f.by.includes(who(card))) f.by.push(who(card));
      flags.set(flag.key, f);
    }
  }
  let penalty = 0;
  let demoted = false;
  for (const f of flags.values()) {
    const p = policy.redFlags.penalties[f.severity] ?? 0;
    penalty += p;
    const demotes = policy.redFlags.mode === 'DEMOTE' && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[policy.redFlags.demoteAtSeverity];
    demoted ||= demotes;
    adjustments.push({
      kind: 'RED_FLAG',
      flag: f.key,
      severity: f.severity,
      raisedBy: f.by.length,
      amount: p,
      applied: true,
      description: `red flag "${f.title}" (${f.severity}) raised by ${f.by.length} interviewer(s) (${f.by.join(', ')}), counted once: −${f3(p)}${demotes ? '; ranked below candidates without such flags' : ''}`,
    });
  }
  if (strongNo.length) {
    adjustments.push({
      kind: 'STRONG_NO',
      flag: 'STRONG_NO',
      raisedBy: strongNo.length,
      amount: 0,
      applied: false,
      description: `STRONG_NO recommendation from ${strongNo.join(', ')}: shown as a flag; recommendations do not move the score`,
    });
  }
  const score = base === null ? null : r4(clamp(base - penalty, 0, 1));

  const components = COMPONENTS.map<ComponentExplanation>((n) => ({
    name: n,
    present: values[n] !== null,
    value: values[n] === null ? null : r4(values[n]),
    weight: policy.weights[n],
    effectiveWeight: shares.has(n) ? r4(shares.get(n) as number) : 0,
    detail: details[n],
  }));
  const confidence = present.length === 3 ? 'HIGH' : present.length === 2 ? 'MEDIUM' : present.length === 1 ? 'LOW' : 'NONE';
  // Self-ratings alone never rank: at least one evidence component, and every required one.
  const hasEvidence = EVIDENCE_COMPONENTS.some((n) => present.includes(n));
  const ranked = score !== null && hasEvidence && policy.requireComponents.every((n) => values[n] !== null);

  const cappedSkills = shares.has('skills') && weightSum > 0 && (shares.get('skills') as number) < policy.weights.skills / weightSum - 1e-9;
  const terms = present.map((n) => `${f3(shares.get(n) as number)}×${f3(values[n] as number)} (${n})`).join(' + ');
  let explanation =
    base === null
      ? 'No evidence yet: no component is present.'
      : `${terms} = ${f3(base)}` + (penalty > 0 ? ` − ${f3(penalty)} red-flag penalty = ${f3(score as number)}` : '');
  if (assessment?.notTaken) explanation += '. Assessment not taken by its deadline: counts 0';
  if (cappedSkills) explanation += `. Self-rated skills capped at a ${MAX_SELF_RATED_SHARE} share`;
  if (missing.length) explanation += `. Missing: ${missing.join(', ')} (confidence ${confidence})`;
  if (interview.notObserved.length) explanation += `. Not observed (missing evidence, not zero): ${interview.notObserved.join(', ')}`;
  const calibrated = adjustments.filter((a) => a.kind === 'CALIBRATION' && a.applied);
  if (calibrated.length) explanation += `. Calibrated: ${calibrated.map((a) => `${a.interviewerName ?? a.interviewerId} ${a.amount >= 0 ? '−' : '+'}${Math.abs(a.amount).toFixed(2)}`).join(', ')}`;
  if (flags.size) explanation += '. Red flags count once each, whoever raised them, and are subtracted after the ratings (a rating of 1 given with a flag lowers the interview mean; the flag adds its penalty)';
  if (strongNo.length) explanation += `. STRONG_NO from ${strongNo.join(', ')}`;
  if (demoted) explanation += '. Demoted by a red flag';
  if (!ranked && base !== null) {
    const waiting = policy.requireComponents.filter((n) => values[n] === null);
    explanation += `. Awaiting evidence: ${waiting.length ? `requires ${waiting.join(', ')}` : 'self-rated skills alone are not ranked'}`;
  }

  return {
    applicationId: c.applicationId,
    score,
    baseScore: base === null ? null : r4(base),
    components,
    missing,
    notObserved: interview.notObserved,
    confidence,
    adjustments,
    demoted,
    ranked,
    awaitingEvidence: !ranked,
    explanation,
  };
}

/**
 * Each present component's share of the score: its weight over the sum of present weights,
 * except that the self-rated skills match never takes more than MAX_SELF_RATED_SHARE; what it
 * gives up goes to the evidence components in proportion to their weights. Skills alone keep
 * their whole share (such a candidate is never ranked anyway).
 */
export function sharesOf(present: readonly ComponentName[], weights: Record<ComponentName, number>): Map<ComponentName, number> {
  const sum = present.reduce((a, n) => a + weights[n], 0);
  const shares = new Map(present.map((n) => [n, sum > 0 ? weights[n] / sum : 0]));
  const others = present.filter((n) => n !== 'skills');
  const skills = shares.get('skills');
  if (skills !== undefined && skills > MAX_SELF_RATED_SHARE && others.length) {
    const rest = others.reduce((a, n) => a + weights[n], 0);
    shares.set('skills', MAX_SELF_RATED_SHARE);
    for (const n of others) shares.set(n, ((1 - MAX_SELF_RATED_SHARE) * weights[n]) / rest);
  }
  return shares;
}

/**
 * Order: ranked entries first; among them, candidates not demoted by a red flag first, then
 * score (high first), then assessment score, then the earlier application, then id (stable).
 */
export function rank<T extends CompositeResult & { appliedAt: string }>(entries: readonly T[]): Array<T & { rank: number | null }> {
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
