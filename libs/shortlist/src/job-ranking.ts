import type { ApplicationPoints, ProblemOutcome } from '@app/assessments';
import { ApplicationStage, ScreeningOutcome } from '@app/domain';
import { ApplicationRankingInput, IDENTITY_REVEALED_STAGES } from '@app/hiring';
import type { InterviewerCalibration, ScorecardEvidence } from '@app/rubrics';
import { Calibration, compareRank, CompositeResult, CompositeScore, finishComposite, PreparedComposite, prepareComposite, scoreComposite, ShortlistPolicy } from './composite';

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
  /** Per eligible application, its composite's calibration-free parts and identity (re-prepared only when its inputs, the policy or the job change). */
  prepared: Map<string, PreparedEntry>;
  /** Eligible applications only (a knock-out rejection never appears), in rank order; `rank` is set in place when the order changes. */
  items: RankedItem[];
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

/** What an entry keeps between calibration changes: the prepared composite and the fields that do not depend on the score. */
export interface PreparedEntry {
  composite: PreparedComposite;
  identity: Omit<ShortlistEntry, keyof CompositeResult | 'rank'>;
}

/** One application's entry without the calibration: its prepared composite, with identity per the job's anonymized review. */
export function prepareEntry(inputs: ApplicationInputs, policy: ShortlistPolicy, anonymizedReview: boolean): PreparedEntry {
  const { app: a, points, cards } = inputs;
  const appliedAt = a.createdAt.toISOString();
  const anonymized = anonymizedReview && !IDENTITY_REVEALED_STAGES.includes(a.stage);
  return {
    composite: prepareComposite({ applicationId: a.id, appliedAt, skillsMatch: a.skillsScore, assessment: points, scorecards: cards }, policy),
    identity: {
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
    },
  };
}

/** A prepared entry under the given calibration, not yet ranked. */
export function finishEntry(p: PreparedEntry, calibration: ReadonlyMap<string, Calibration>): ShortlistEntry {
  return { ...finishComposite(p.composite, calibration), ...p.identity, rank: null };
}

/** One application's entry from its inputs: what a full computation gives. */
export function entryOf(inputs: ApplicationInputs, policy: ShortlistPolicy, calibration: ReadonlyMap<string, Calibration>, anonymizedReview: boolean): ShortlistEntry {
  return finishEntry(prepareEntry(inputs, policy, anonymizedReview), calibration);
}

/**
 * One application's place in the ranking: what orders it (computed with arithmetic only), and
 * its entry rendered (explanations, components, adjustments) only once a page or the CSV asks
 * for it, with the calibration its score was computed with.
 */
export interface RankedItem extends CompositeScore {
  applicationId: string;
  appliedAt: string;
  rank: number | null;
  prepared: PreparedEntry;
  calibration: ReadonlyMap<string, Calibration>;
  rendered: Omit<ShortlistEntry, 'rank'> | null;
}

function itemOf(prepared: PreparedEntry, calibration: ReadonlyMap<string, Calibration>): RankedItem {
  const c = prepared.composite.input;
  return { ...scoreComposite(prepared.composite, calibration), applicationId: c.applicationId, appliedAt: c.appliedAt, rank: null, prepared, calibration, rendered: null };
}

/** The item's entry, rendered once and kept; a copy with its current rank. */
export function render(item: RankedItem): ShortlistEntry {
  item.rendered ??= finishEntry(item.prepared, item.calibration);
  return { ...item.rendered, rank: item.rank };
}

/** Up to this many changed entries are moved into place one by one; more, and the ranking is sorted again. */
const MAX_INSERTED = 256;

/**
 * Recomputes the entries of `ids` (all when omitted) and puts them in rank order. `changed`
 * names the applications whose inputs changed (prepared again); the others of `ids` only had
 * their calibration move, and re-run the calibration's arithmetic on their kept parts (their
 * texts are rendered when a page asks for them). A few entries are removed and inserted at
 * their place (a binary search with the ranking's total order: the same order as a full
 * sort); many, and the whole ranking is sorted again.
 */
export function recompute(state: JobRanking, calibration: ReadonlyMap<string, Calibration>, ids?: Iterable<string>, changed?: ReadonlySet<string>): void {
  const all = !ids;
  if (all) state.prepared.clear();
  const touched = new Map<string, RankedItem | null>();
  for (const id of ids ?? [...state.inputs.keys()]) {
    const inputs = state.inputs.get(id);
    if (!inputs || !eligible(inputs.app)) {
      state.prepared.delete(id);
      touched.set(id, null);
      continue;
    }
    let p = changed?.has(id) ? undefined : state.prepared.get(id);
    if (!p) {
      p = prepareEntry(inputs, state.policy, state.anonymizedReview);
      state.prepared.set(id, p);
    }
    touched.set(id, itemOf(p, calibration));
  }
  if (all || touched.size > MAX_INSERTED) {
    const kept = all ? [] : state.items.filter((e) => !touched.has(e.applicationId));
    for (const e of touched.values()) if (e) kept.push(e);
    state.items = kept.sort(compareRank);
  } else {
    const items = state.items.filter((e) => !touched.has(e.applicationId));
    for (const e of touched.values()) {
      if (!e) continue;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareRank(items[mid], e) < 0) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, e);
    }
    state.items = items;
  }
  let n = 0;
  for (const e of state.items) e.rank = e.ranked ? ++n : null;
}

/** The applications of the ranking with a scorecard whose interviewer|kind|rubric calibration is among `keys`. */
export function calibratedBy(state: JobRanking, keys: ReadonlySet<string>): string[] {
  if (!keys.size) return [];
  const out: string[] = [];
  for (const [id, p] of state.prepared) if (p.composite.keys.some((k) => keys.has(k))) out.push(id);
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
