import { ApplicationStage } from '@app/domain';

/**
 * The adverse-impact report: per selection step of a job, each self-identified group's
 * selection rate and its ratio to the highest group's (the four-fifths rule of the U.S.
 * Uniform Guidelines, 29 CFR 1607.4(D)). Pure: the service feeds it rows.
 */

/** The selection steps, in order; a step's pool is who reached the one before (applying, for SCREENED). */
export const REPORT_STAGES: readonly ApplicationStage[] = [
  ApplicationStage.SCREENED,
  ApplicationStage.ASSESSMENT,
  ApplicationStage.INTERVIEW,
  ApplicationStage.SHORTLISTED,
  ApplicationStage.OFFER,
];

export const FOUR_FIFTHS = 0.8;

export interface ImpactRow {
  /** The option the candidate chose; null when they did not answer or preferred not to say. */
  group: string | null;
  /** Every stage the application reached at any time (from its history). */
  reached: ReadonlySet<ApplicationStage>;
}

export interface GroupRate {
  group: string;
  /** Candidates of the group in this step's pool; null when suppressed. */
  considered: number | null;
  /** Of those, how many reached the stage; null when suppressed. */
  selected: number | null;
  rate: number | null;
  /** rate / the highest unsuppressed group's rate; null when suppressed or no one was selected. */
  impactRatio: number | null;
  suppressed: boolean;
  belowFourFifths: boolean;
}

export interface StageImpact {
  stage: ApplicationStage;
  groups: GroupRate[];
  /** The unsuppressed group with the highest rate, the one the others are compared with. */
  referenceGroup: string | null;
}

export interface ImpactReport {
  minGroupSize: number;
  /** Applicants who did not answer or preferred not to say: counted apart, compared with no one. */
  notDisclosed: number;
  stages: StageImpact[];
  explanation: string;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function stageImpact(stage: ApplicationStage, previous: ApplicationStage | null, options: readonly string[], rows: readonly ImpactRow[], minGroupSize: number): StageImpact {
  const counts = options.map((group) => {
    const pool = rows.filter((r) => r.group === group && (previous === null || r.reached.has(previous)));
    return { group, considered: pool.length, selected: pool.filter((r) => r.reached.has(stage)).length };
  });
  // Small groups are hidden; an empty group reveals no one. When only one group would be hidden,
  // the next smallest is hidden too, so its count cannot be worked out by subtraction.
  const hidden = new Set(counts.filter((c) => c.considered > 0 && c.considered < minGroupSize).map((c) => c.group));
  if (hidden.size === 1) {
    const next = counts.filter((c) => c.considered > 0 && !hidden.has(c.group)).sort((a, b) => a.considered - b.considered)[0];
    if (next) hidden.add(next.group);
  }
  const visible = counts.filter((c) => !hidden.has(c.group) && c.considered > 0);
  const best = visible.reduce<{ group: string; rate: number } | null>((top, c) => {
    const rate = c.selected / c.considered;
    return !top || rate > top.rate ? { group: c.group, rate } : top;
  }, null);
  return {
    stage,
    referenceGroup: best && best.rate > 0 ? best.group : null,
    groups: counts.map((c) => {
      if (hidden.has(c.group)) return { group: c.group, considered: null, selected: null, rate: null, impactRatio: null, suppressed: true, belowFourFifths: false };
      const rate = c.considered > 0 ? c.selected / c.considered : null;
      const impactRatio = rate !== null && best && best.rate > 0 ? round(rate / best.rate) : null;
      return {
        group: c.group,
        considered: c.considered,
        selected: c.selected,
        rate: rate === null ? null : round(rate),
        impactRatio,
        suppressed: false,
        belowFourFifths: impactRatio !== null && impactRatio < FOUR_FIFTHS,
      };
    }),
  };
}

export function adverseImpact(options: readonly string[], rows: readonly ImpactRow[], minGroupSize: number): ImpactReport {
  return {
    minGroupSize,
    notDisclosed: rows.filter((r) => r.group === null).length,
    stages: REPORT_STAGES.map((stage, i) => stageImpact(stage, i === 0 ? null : REPORT_STAGES[i - 1], options, rows, minGroupSize)),
    explanation:
      'Each step is one selection decision: of the candidates of a group who reached the previous stage (for SCREENED: who applied), the share who reached this one. ' +
      "The impact ratio divides a group's rate by the highest group's rate at that step; below 0.80 (the four-fifths rule, U.S. Uniform Guidelines, 29 CFR 1607.4(D)) " +
      'is a sign of adverse impact to investigate, not proof: in small groups chance alone moves rates a lot. ' +
      `Groups with fewer than ${minGroupSize} candidates at a step are suppressed (with one more group when only one would be, so no count can be worked out by subtraction). ` +
      'Candidates who did not answer or preferred not to say are counted apart and compared with no one. Self-identification is voluntary, never shown per person and never used in any score.',
  };
}
