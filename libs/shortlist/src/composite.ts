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

/** One interview kind|rubric group: its criteria with the ratings each card gave (card index, rating), in card order. */
interface PreparedGroup {
  kind: string;
  criteria: Array<{ weight: number; ratings: Array<[card: number, rating: number]> }>;
}

/**
 * The interview component, without the calibration: per kind|rubric group (sorted), each
 * criterion's observed ratings with the card that gave them, the criteria no one observed, and
 * the kinds present. What depends on the leniency offsets is computed by interviewValue.
 */
interface PreparedInterview {
  cards: number;
  groups: PreparedGroup[];
  notObserved: string[];
  kinds: string[];
}

function prepareInterview(cards: readonly ScorecardInput[]): PreparedInterview {
  const groups = new Map<string, number[]>();
  cards.forEach((card, i) => groups.set(`${card.kind}|${card.rubricId}`, [...(groups.get(`${card.kind}|${card.rubricId}`) ?? []), i]));
  const notObserved: string[] = [];
  const prepared: PreparedGroup[] = [];
  const kinds = new Set<string>();
  for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = cards[group[0]].kind;
    const criteria = new Map<string, { weight: number; ratings: Array<[number, number]> }>();
    for (const i of group) {
      for (const r of cards[i].ratings) {
        const c = criteria.get(r.key) ?? { weight: r.weight, ratings: [] };
        if (r.rating !== null) c.ratings.push([i, r.rating]);
        criteria.set(r.key, c);
      }
    }
    const observed = [...criteria].filter(([, c]) => c.ratings.length && c.weight > 0);
    for (const [key, c] of criteria) if (!c.ratings.length) notObserved.push(`${kind}:${key}`);
    const total = observed.reduce((a, [, c]) => a + c.weight, 0);
    if (total <= 0) continue;
    prepared.push({ kind, criteria: observed.map(([, c]) => c) });
    kinds.add(kind);
  }
  return { cards: cards.length, groups: prepared, notObserved, kinds: [...kinds].sort() };
}

/** Per kind (in `kinds` order) its mean over the kind's groups, and the interview component's value: the offsets' arithmetic only. */
interface InterviewNumbers {
  value: number | null;
  kindMeans: number[];
}

const kindWeight = (k: string): number => INTERVIEW_KIND_WEIGHTS[k] ?? OTHER_KIND_WEIGHT;

/**
 * The interview component: per interview kind and rubric, each criterion's calibrated ratings
 * are averaged over the interviewers who observed it, and the criteria combine by their rubric
 * weights; kinds then combine by INTERVIEW_KIND_WEIGHTS (re-normalised over the kinds present).
 */
function interviewNumbers(p: PreparedInterview, offsets: readonly number[]): InterviewNumbers {
  const perKind = new Map<string, number[]>();
  for (const g of p.groups) {
    let total = 0;
    let weighted = 0;
    for (const c of g.criteria) {
      total += c.weight;
      const units = c.ratings.map(([card, rating]) => unit(rating, offsets[card]));
      weighted += c.weight * mean(units);
    }
    const list = perKind.get(g.kind);
    if (list) list.push(weighted / total);
    else perKind.set(g.kind, [weighted / total]);
  }
  const wsum = p.kinds.reduce((a, k) => a + kindWeight(k), 0);
  if (!p.kinds.length || wsum <= 0) return { value: null, kindMeans: [] };
  let value = 0;
  const kindMeans = p.kinds.map((k) => {
    const v = mean(perKind.get(k)!);
    value += (kindWeight(k) * v) / wsum;
    return v;
  });
  return { value, kindMeans };
}

function interviewDetail(p: PreparedInterview, n: InterviewNumbers): string {
  if (n.value === null) return p.cards ? 'no criterion observed' : 'no submitted scorecard';
  const parts = p.kinds.map((k, i) => `${k} ${f3(n.kindMeans[i])} (weight ${kindWeight(k)})`);
  return `${p.cards} scorecard(s) aggregated per kind: ${parts.join(', ')}` + (p.notObserved.length ? `; not observed: ${p.notObserved.join(', ')}` : '');
}

/**
 * Everything of a composite that does not depend on the interviewers' calibration: kept by the
 * ranking per application, so that a moved leniency offset re-runs only finishComposite.
 */
export interface PreparedComposite {
  input: CandidateInput;
  policy: ShortlistPolicy;
  /** Per scorecard, its calibration key. */
  keys: string[];
  interview: PreparedInterview;
  values: Record<ComponentName, number | null>;
  details: Record<ComponentName, string>;
  present: ComponentName[];
  missing: ComponentName[];
  shares: Map<ComponentName, number>;
  weightSum: number;
  penalty: number;
  demoted: boolean;
  flagCount: number;
  /** RED_FLAG and STRONG_NO adjustments, after the calibration ones. */
  flagAdjustments: Adjustment[];
  strongNo: string[];
  /** Ranked once it has a score: at least one evidence component, and every required one. */
  rankable: boolean;
}

export function prepareComposite(c: CandidateInput, policy: ShortlistPolicy): PreparedComposite {
  const interview = prepareInterview(c.scorecards);
  const assessment = c.assessment;
  const values: Record<ComponentName, number | null> = {
    skills: c.skillsMatch === null ? null : clamp(c.skillsMatch, 0, 1),
    assessment: !assessment ? null : assessment.notTaken ? 0 : assessment.pointsPossible > 0 ? clamp(assessment.pointsEarned / assessment.pointsPossible, 0, 1) : null,
    // Whether the interview is present does not depend on the offsets (a calibrated rating stays a rating); its value does.
    interview: interview.kinds.length && interview.kinds.reduce((a, k) => a + kindWeight(k), 0) > 0 ? 0 : null,
  };
  const details: Record<ComponentName, string> = {
    skills: values.skills === null ? 'no screening skills match' : `self-rated skills match ${f3(values.skills)} (at most ${MAX_SELF_RATED_SHARE} of the score)`,
    assessment: !assessment ? 'no assessment result' : assessment.notTaken ? 'not taken: the invitation expired before it was started (scores 0)' : `${assessment.pointsEarned} of ${assessment.pointsPossible} points`,
    interview: '',
  };

  const present = COMPONENTS.filter((n) => values[n] !== null && policy.weights[n] > 0);
  const missing = COMPONENTS.filter((n) => values[n] === null);
  const shares = sharesOf(present, policy.weights);
  const weightSum = present.reduce((a, n) => a + policy.weights[n], 0);

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
  const flagAdjustments: Adjustment[] = [];
  let penalty = 0;
  let demoted = false;
  for (const f of flags.values()) {
    const p = policy.redFlags.penalties[f.severity] ?? 0;
    penalty += p;
    const demotes = policy.redFlags.mode === 'DEMOTE' && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[policy.redFlags.demoteAtSeverity];
    demoted ||= demotes;
    flagAdjustments.push({
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
    flagAdjustments.push({
      kind: 'STRONG_NO',
      flag: 'STRONG_NO',
      raisedBy: strongNo.length,
      amount: 0,
      applied: false,
      description: `STRONG_NO recommendation from ${strongNo.join(', ')}: shown as a flag; recommendations do not move the score`,
    });
  }
  const keys = c.scorecards.map((card) => calibrationKey(card.interviewerId, card.kind, card.rubricId));
  // Self-ratings alone never rank: at least one evidence component, and every required one.
  const rankable = EVIDENCE_COMPONENTS.some((n) => present.includes(n)) && policy.requireComponents.every((n) => values[n] !== null);
  return { input: c, policy, keys, interview, values, details, present, missing, shares, weightSum, penalty, demoted, flagCount: flags.size, flagAdjustments, strongNo, rankable };
}

/** What ranks an entry, computed from its prepared parts and the calibration with arithmetic only (no text): finishComposite gives the same figures. */
export interface CompositeScore {
  score: number | null;
  ranked: boolean;
  demoted: boolean;
  /** The assessment component's value (rounded as shown), -1 without one: the first tie-breaker. */
  assessment: number;
}

interface CompositeNumbers {
  /** Per scorecard: its calibration entry when it has an offset, and whether the offset is applied. */
  calibrations: Array<{ cal: Calibration | undefined; usable: boolean }>;
  interview: InterviewNumbers;
  values: Record<ComponentName, number | null>;
  base: number | null;
  score: number | null;
}

function compositeNumbers(p: PreparedComposite, calibration: ReadonlyMap<string, Calibration>): CompositeNumbers {
  const calibrations = p.keys.map((key) => {
    const cal = calibration.get(key);
    return { cal, usable: !!cal && cal.offset !== null && cal.sharedCandidates >= p.policy.minSharedCandidates };
  });
  const interview = interviewNumbers(
    p.interview,
    calibrations.map(({ cal, usable }) => (usable ? (cal!.offset as number) : 0)),
  );
  const values: Record<ComponentName, number | null> = { ...p.values, interview: interview.value };
  const base = p.present.length ? p.present.reduce((a, n) => a + (p.shares.get(n) as number) * (values[n] as number), 0) : null;
  const score = base === null ? null : r4(clamp(base - p.penalty, 0, 1));
  return { calibrations, interview, values, base, score };
}

export function scoreComposite(p: PreparedComposite, calibration: ReadonlyMap<string, Calibration>): CompositeScore {
  const { score } = compositeNumbers(p, calibration);
  return { score, ranked: score !== null && p.rankable, demoted: p.demoted, assessment: p.values.assessment === null ? -1 : r4(p.values.assessment) };
}

/** The composite of a prepared candidate under the given calibration: the offsets' arithmetic and the texts that show it. */
export function finishComposite(p: PreparedComposite, calibration: ReadonlyMap<string, Calibration>): CompositeResult {
  const { input: c, policy, present, missing, shares, weightSum, penalty, demoted, strongNo } = p;
  const { calibrations, interview: numbers, values, base, score } = compositeNumbers(p, calibration);
  const interview = { value: numbers.value, detail: interviewDetail(p.interview, numbers), notObserved: p.interview.notObserved };
  const adjustments: Adjustment[] = [];

  // Calibration: each interviewer against the others of the same kind and rubric, used where it rests on enough candidates.
  c.scorecards.forEach((card, i) => {
    const { cal, usable } = calibrations[i];
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
  });
  adjustments.push(...p.flagAdjustments);
  const details: Record<ComponentName, string> = { ...p.details, interview: interview.detail };

  const components = COMPONENTS.map<ComponentExplanation>((n) => ({
    name: n,
    present: values[n] !== null,
    value: values[n] === null ? null : r4(values[n]),
    weight: policy.weights[n],
    effectiveWeight: shares.has(n) ? r4(shares.get(n) as number) : 0,
    detail: details[n],
  }));
  const confidence = present.length === 3 ? 'HIGH' : present.length === 2 ? 'MEDIUM' : present.length === 1 ? 'LOW' : 'NONE';
  const ranked = score !== null && p.rankable;

  const cappedSkills = shares.has('skills') && weightSum > 0 && (shares.get('skills') as number) < policy.weights.skills / weightSum - 1e-9;
  const terms = present.map((n) => `${f3(shares.get(n) as number)}×${f3(values[n] as number)} (${n})`).join(' + ');
  let explanation =
    base === null
      ? 'No evidence yet: no component is present.'
      : `${terms} = ${f3(base)}` + (penalty > 0 ? ` − ${f3(penalty)} red-flag penalty = ${f3(score as number)}` : '');
  if (c.assessment?.notTaken) explanation += '. Assessment not taken by its deadline: counts 0';
  if (cappedSkills) explanation += `. Self-rated skills capped at a ${MAX_SELF_RATED_SHARE} share`;
  if (missing.length) explanation += `. Missing: ${missing.join(', ')} (confidence ${confidence})`;
  if (interview.notObserved.length) explanation += `. Not observed (missing evidence, not zero): ${interview.notObserved.join(', ')}`;
  const calibrated = adjustments.filter((a) => a.kind === 'CALIBRATION' && a.applied);
  if (calibrated.length) explanation += `. Calibrated: ${calibrated.map((a) => `${a.interviewerName ?? a.interviewerId} ${a.amount >= 0 ? '−' : '+'}${Math.abs(a.amount).toFixed(2)}`).join(', ')}`;
  if (p.flagCount) explanation += '. Red flags count once each, whoever raised them, and are subtracted after the ratings (a rating of 1 given with a flag lowers the interview mean; the flag adds its penalty)';
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

/** The composite score of one candidate: prepareComposite, then finishComposite with the calibration. */
export function composite(c: CandidateInput, policy: ShortlistPolicy, calibration: ReadonlyMap<string, Calibration>): CompositeResult {
  return finishComposite(prepareComposite(c, policy), calibration);
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
  const keyed = entries.map((e) => ({ e, key: { ...e, assessment: e.components.find((c) => c.name === 'assessment')?.value ?? -1 } }));
  keyed.sort((a, b) => compareRank(a.key, b.key));
  let n = 0;
  return keyed.map(({ e }) => ({ ...e, rank: e.ranked ? ++n : null }));
}

/** What orders the ranking: a composite's score parts, and when and which application it is. */
export type RankKey = CompositeScore & { appliedAt: string; applicationId: string };

/** The ranking's order (see rank; the kept ranking of job-ranking.ts): a total order, application ids being unique. */
export function compareRank(a: RankKey, b: RankKey): number {
  return (
    Number(b.ranked) - Number(a.ranked) ||
    Number(a.demoted) - Number(b.demoted) ||
    (b.score ?? -1) - (a.score ?? -1) ||
    b.assessment - a.assessment ||
    a.appliedAt.localeCompare(b.appliedAt) ||
    a.applicationId.localeCompare(b.applicationId)
  );
}
