import type { ApplicationPoints, ProblemOutcome } from '@app/assessments';
import { ApplicationStage, ScreeningOutcome } from '@app/domain';
import { ApplicationRankingInput, IDENTITY_REVEALED_STAGES } from '@app/hiring';
import type { InterviewerCalibration, ScorecardEvidence } from '@app/rubrics';
import { Calibration, calibrationKey, composite, CompositeResult, rank, ShortlistPolicy } from './composite';

export interface ShortlistEntry extends CompositeResult {
  rank: number | null;
  appliedAt: string;
  stage: ApplicationStage;
  candidateId: string;
  /** Null while the job's anonymized review hides the identity. */
  name: string | null;
  email: string | null;
  links: string[];
  anonymized: boolean;
  recommendations: string[];
  /** Distinct red flags (each counts once however many interviewers raised it). */
  redFlagCount: number;
  /**
   * Per problem of the assessment, its best submission's points, correctness and performance
   * (filled for the entries a page or the CSV returns; empty in the cached ranking).
   */
  assessmentProblems: ProblemOutcome[];
}

/** Everything the ranking reads of one application, as its owners last gave it. */
export interface ApplicationInputs {
  app: ApplicationRankingInput;
  points: ApplicationPoints | null;
  cards: ScorecardEvidence[];
}

/**
 * One job's ranking with the inputs it was computed from, kept so that a change to a few
 * applications recomputes only theirs (plus those whose interviewers' calibration moved) and
 * re-sorts. Plain data and pure functions; ShortlistService reads the database and decides
 * what changed.
 */
export interface JobRanking {
  jobId: string;
  jobUpdatedAt: number;
  anonymizedReview: boolean;
  policy: ShortlistPolicy;
  inputs: Map<string, ApplicationInputs>;
  /** Eligible applications only (a knock-out rejection never appears), without their rank. */
  unranked: Map<string, Omit<ShortlistEntry, 'rank'>>;
  entries: ShortlistEntry[];
  /** Per application, its earliest invitation expiry still ahead: its points change then. */
  expiries: Map<string, Date>;
  /** The calibration version (CalibrationIndex.version) the entries were computed with. */
  calibrationVersion: number;
  /** Change rows read so far within the window (`tag:id` -> stamp): a row seen again unchanged is not a change. */
  seen: Map<string, string>;
  /** The next change read asks for rows stamped after this (a stored timestamp as text). */
  since: string;
  /** Per application, its problems' outcomes once a page asked for them; dropped when the application changes. */
  outcomes: Map<string, ProblemOutcome[]>;
  /** Moves whenever a refresh changed some application's inputs. */
  generation: number;
}

/** A knock-out rejection (automatic, not overridden) never appears. */
export const eligible = (a: Pick<ApplicationRankingInput, 'autoOutcome' | 'outcome'>): boolean =>
  !(a.autoOutcome === ScreeningOutcome.REJECTED && a.outcome === ScreeningOutcome.REJECTED);

export function leniencyMap(calibration: ReadonlyMap<string, InterviewerCalibration>): Map<string, Calibration> {
  return new Map([...calibration].map(([key, c]) => [key, { offset: c.leniencyOffset, sharedCandidates: c.sharedCandidates }]));
}

/** One application's unranked entry: the composite of its inputs, with identity per the job's anonymized review. */
export function entryOf(inputs: ApplicationInputs, policy: ShortlistPolicy, calibration: Map<string, Calibration>, anonymizedReview: boolean): Omit<ShortlistEntry, 'rank'> {
  const { app: a, points, cards } = inputs;
  const appliedAt = a.createdAt.toISOString();
  const result = composite({ applicationId: a.id, appliedAt, skillsMatch: a.skillsScore, assessment: points, scorecards: cards }, policy, calibration);
  const anonymized = anonymizedReview && !IDENTITY_REVEALED_STAGES.includes(a.stage);
  return {
    ...result,
    appliedAt,
    stage: a.stage,
    candidateId: a.candidateId,
    anonymized,
    name: anonymized ? null : a.profile.name,
    // An erased candidate's stored email is empty: none to show.
    email: anonymized ? null : a.profile.email || null,
    links: anonymized ? [] : a.profile.links,
    recommendations: cards.map((c) => c.recommendation),
    redFlagCount: new Set(cards.flatMap((c) => c.redFlags.map((f) => f.key))).size,
    assessmentProblems: [],
  };
}

/** Recomputes the entries of `ids` (all when omitted) from the inputs held, then re-sorts the whole ranking. */
export function recompute(state: JobRanking, calibration: Map<string, Calibration>, ids?: Iterable<string>): void {
  for (const id of ids ?? [...state.inputs.keys()]) {
    const inputs = state.inputs.get(id);
    if (inputs && eligible(inputs.app)) state.unranked.set(id, entryOf(inputs, state.policy, calibration, state.anonymizedReview));
    else state.unranked.delete(id);
  }
  state.entries = rank([...state.unranked.values()]);
}

/** The applications of the ranking with a scorecard whose interviewer|kind|rubric calibration is among `keys`. */
export function calibratedBy(state: JobRanking, keys: ReadonlySet<string>): string[] {
  if (!keys.size) return [];
  const out: string[] = [];
  for (const [id, inputs] of state.inputs) if (inputs.cards.some((c) => keys.has(calibrationKey(c.interviewerId, c.kind, c.rubricId)))) out.push(id);
  return out;
}

const share = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));

/** One problem in words, for the assessment component's detail and the CSV. */
export function problemOutcomeText(o: ProblemOutcome): string {
  if (o.verdict === null) return `${o.title}: no judged submission (0 of ${o.points} points)`;
  return `${o.title}: ${o.pointsEarned} of ${o.points} points, correctness ${share(o.correctness)}, performance ${share(o.performance)}${o.explanation ? ` (${o.explanation})` : ''}`;
}

/** The entry with its problems' outcomes, also written into the assessment component's detail. */
export function withOutcomes<T extends Omit<ShortlistEntry, 'assessmentProblems'>>(e: T, outcomes: ProblemOutcome[]): T & { assessmentProblems: ProblemOutcome[] } {
  if (!outcomes.length) return { ...e, assessmentProblems: [] };
  const text = outcomes.map(problemOutcomeText).join('; ');
  return { ...e, assessmentProblems: outcomes, components: e.components.map((c) => (c.name === 'assessment' && c.present ? { ...c, detail: `${c.detail}. By problem: ${text}` } : c)) };
}
