import type { FieldProblem } from '@app/common';
import { InterviewKind, Recommendation, RubricContent, RubricCriterion, ScorecardContent, ScorecardRating } from '@app/domain';
import { RATING_LEVELS } from './rubric-content.schema';

export const SCORECARD_LIMITS = { evidence: 2000, notes: 5000 } as const;

/** The ratings at the ends of the scale: they need what the interviewer saw. */
export const EVIDENCE_REQUIRED_FOR: readonly number[] = [RATING_LEVELS[0], RATING_LEVELS[RATING_LEVELS.length - 1]];

/** The criteria an interview of this kind rates, in rubric order. */
export function criteriaFor(rubric: Pick<RubricContent, 'criteria'>, kind: InterviewKind): RubricCriterion[] {
  return rubric.criteria.filter((c) => c.kind === kind);
}

/** Trims evidence and notes; empty evidence is none. */
export function normalizeContent(c: ScorecardContent): ScorecardContent {
  return {
    ratings: c.ratings.map((r) => ({ criterionKey: r.criterionKey.trim(), rating: r.rating, evidence: r.evidence?.trim() || null })),
    redFlags: c.redFlags.map((f) => ({ key: f.key.trim(), evidence: f.evidence.trim() })),
    recommendation: c.recommendation,
    notes: c.notes.trim(),
  };
}

/**
 * What is wrong with a draft: only what can never become right (a criterion that is not in
 * this interview's part of the rubric, a rating off the scale, a red flag the rubric does not
 * have, something too long). A draft may be incomplete.
 */
export function draftProblems(c: ScorecardContent, rubric: RubricContent, kind: InterviewKind): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const criteria = new Set(criteriaFor(rubric, kind).map((x) => x.key));
  const rated = new Map<string, number>();
  c.ratings.forEach((r, i) => {
    if (!criteria.has(r.criterionKey)) {
      problems.push({
        field: `ratings.${i}.criterionKey`,
        message: `"${r.criterionKey}" is not a ${kind} criterion of this rubric version`,
      });
    } else if (rated.has(r.criterionKey)) {
      problems.push({
        field: `ratings.${i}.criterionKey`,
        message: `"${r.criterionKey}" is already rated by ratings.${rated.get(r.criterionKey)}`,
      });
    } else {
      rated.set(r.criterionKey, i);
    }
    if (r.rating !== null && (!Number.isInteger(r.rating) || !RATING_LEVELS.includes(r.rating as (typeof RATING_LEVELS)[number]))) {
      problems.push({ field: `ratings.${i}.rating`, message: 'must be 1, 2, 3 or 4, or null for "not observed"' });
    }
    if ((r.evidence?.length ?? 0) > SCORECARD_LIMITS.evidence)
      problems.push({ field: `ratings.${i}.evidence`, message: `must be at most ${SCORECARD_LIMITS.evidence} characters` });
  });
  const flags = new Set(rubric.redFlags.map((f) => f.key));
  const ticked = new Map<string, number>();
  c.redFlags.forEach((f, i) => {
    if (!flags.has(f.key)) problems.push({ field: `redFlags.${i}.key`, message: `"${f.key}" is not a red flag of this rubric version` });
    else if (ticked.has(f.key))
      problems.push({ field: `redFlags.${i}.key`, message: `"${f.key}" is already ticked by redFlags.${ticked.get(f.key)}` });
    else ticked.set(f.key, i);
    if (f.evidence.length > SCORECARD_LIMITS.evidence)
      problems.push({ field: `redFlags.${i}.evidence`, message: `must be at most ${SCORECARD_LIMITS.evidence} characters` });
  });
  if (c.recommendation !== null && !Object.values(Recommendation).includes(c.recommendation)) {
    problems.push({ field: 'recommendation', message: 'must be STRONG_NO, NO, YES or STRONG_YES' });
  }
  if (c.notes.length > SCORECARD_LIMITS.notes)
    problems.push({ field: 'notes', message: `must be at most ${SCORECARD_LIMITS.notes} characters` });
  return problems;
}

/**
 * What stops a scorecard from being submitted: the draft's problems, plus a rating for every
 * criterion of the interview's kind, evidence for every 1 and 4, evidence for every red flag
 * ticked, and a recommendation.
 */
export function submissionProblems(c: ScorecardContent, rubric: RubricContent, kind: InterviewKind): FieldProblem[] {
  const problems = draftProblems(c, rubric, kind);
  const rated = new Set(c.ratings.map((r) => r.criterionKey));
  // An in-place edit of an unused version can drop a kind that scheduled interviews pinned.
  if (!criteriaFor(rubric, kind).length)
    problems.push({
      field: 'ratings',
      message: `this rubric version has no ${kind} criteria left to rate: ask a recruiter to reschedule the interview`,
    });
  const missing = criteriaFor(rubric, kind).filter((x) => !rated.has(x.key));
  if (missing.length)
    problems.push({
      field: 'ratings',
      message: `every ${kind} criterion needs a rating or "not observed" (rating null); missing: ${missing.map((x) => x.key).join(', ')}`,
    });
  c.ratings.forEach((r, i) => {
    if (r.rating !== null && EVIDENCE_REQUIRED_FOR.includes(r.rating) && !r.evidence) {
      problems.push({
        field: `ratings.${i}.evidence`,
        message: `a rating of ${r.rating} needs evidence: what did the candidate say or do?`,
      });
    }
  });
  c.redFlags.forEach((f, i) => {
    if (!f.evidence)
      problems.push({ field: `redFlags.${i}.evidence`, message: 'a red flag needs evidence: what did the candidate say or do?' });
  });
  if (!c.recommendation) problems.push({ field: 'recommendation', message: 'is required: STRONG_NO, NO, YES or STRONG_YES' });
  return problems;
}

/** A 1-4 rating on a 0-1 scale: 1 is 0, 4 is 1. */
export function ratingToUnit(rating: number): number {
  return (rating - RATING_LEVELS[0]) / (RATING_LEVELS[RATING_LEVELS.length - 1] - RATING_LEVELS[0]);
}

export interface WeightedRating {
  criterionKey: string;
  title: string;
  weight: number;
  /** null: not observed. */
  rating: number | null;
  /** ratingToUnit(rating); null when not observed. */
  unit: number | null;
  evidence: string | null;
}

/**
 * The scorecard's ratings with the criteria's weights, and their weighted mean on 0-1 (null
 * when nothing is rated). Ratings of criteria the rubric version does not have are left out;
 * "not observed" criteria are listed but left out of the mean (missing evidence, not a zero).
 */
export function weightedRatings(
  criteria: readonly RubricCriterion[],
  ratings: readonly ScorecardRating[],
): { ratings: WeightedRating[]; score: number | null } {
  const byKey = new Map(ratings.map((r) => [r.criterionKey, r]));
  const out: WeightedRating[] = [];
  for (const c of criteria) {
    const r = byKey.get(c.key);
    if (r)
      out.push({
        criterionKey: c.key,
        title: c.title,
        weight: c.weight,
        rating: r.rating,
        unit: r.rating === null ? null : ratingToUnit(r.rating),
        evidence: r.evidence,
      });
  }
  const observed = out.filter((r): r is WeightedRating & { unit: number } => r.unit !== null);
  const total = observed.reduce((s, r) => s + r.weight, 0);
  const score = total > 0 ? round4(observed.reduce((s, r) => s + r.weight * r.unit, 0) / total) : null;
  return { ratings: out, score };
}

/** Rounded to 4 decimals; never -0 (it would print as 0 but compare unequal to it). */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000 || 0;
}
