import { ApplicationStage, RedFlagSeverity, ScreeningOutcome } from '@app/domain';
import { ApplicationRankingInput } from '@app/hiring';
import { CalibrationIndex, IndexedScorecard, ScorecardEvidence } from '@app/rubrics';
import { DEFAULT_POLICY } from './composite';
import { ApplicationInputs, calibratedBy, JobRanking, leniencyMap, recompute, render } from './job-ranking';

/** A small deterministic PRNG: the same sequences every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const CRITERIA = ['a', 'b', 'c', 'd'];
const INTERVIEWERS = ['iv-1', 'iv-2', 'iv-3', 'iv-4'];

/**
 * The kept ranking, moved by random scorecards (new, amended, for a new interviewer, with
 * criteria not observed) and verdicts the way ShortlistService moves it (re-prepared inputs
 * for the applications concerned, the calibration's arithmetic for those whose interviewers'
 * offsets moved), must render exactly what a ranking computed from scratch renders.
 */
describe('JobRanking, recomputed incrementally', () => {
  const rnd = prng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const apps: ApplicationRankingInput[] = Array.from({ length: 60 }, (_, i) => ({
    id: `app-${String(i).padStart(3, '0')}`,
    candidateId: `cand-${i}`,
    stage: ApplicationStage.INTERVIEW,
    outcome: i % 17 === 5 ? ScreeningOutcome.REJECTED : ScreeningOutcome.PASSED,
    autoOutcome: i % 17 === 5 ? ScreeningOutcome.REJECTED : ScreeningOutcome.PASSED,
    overrideOutcome: null,
    skillsScore: Math.round(rnd() * 1000) / 1000,
    profile: { name: `Candidate ${i}`, email: `c${i}@example.com`, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, links: [], skills: [] },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i % 7)),
  })) as unknown as ApplicationRankingInput[];
  /** card id -> (application, evidence) */
  const cards = new Map<string, { applicationId: string; evidence: ScorecardEvidence }>();
  const points = new Map<string, { pointsEarned: number; pointsPossible: number }>();
  const newCard = (applicationId: string, interviewerId = pick(INTERVIEWERS)): ScorecardEvidence => ({
    interviewerId,
    interviewerName: `Name of ${interviewerId}`,
    kind: rnd() < 0.8 ? 'CODING_FUNDAMENTALS' : 'BEHAVIORAL',
    rubricId: 'r1',
    recommendation: rnd() < 0.1 ? 'STRONG_NO' : 'YES',
    ratings: CRITERIA.map((key, i) => ({ key, weight: i + 1, rating: rnd() < 0.15 ? null : 1 + Math.floor(rnd() * 4) })),
    redFlags: rnd() < 0.1 ? [{ key: 'f', title: 'F', severity: RedFlagSeverity.HIGH }] : [],
  });
  let nextCard = 0;
  for (const a of apps) {
    if (rnd() < 0.85) points.set(a.id, { pointsEarned: Math.floor(rnd() * 100), pointsPossible: 100 });
    for (let k = 0; k < 2; k++) cards.set(`card-${nextCard++}`, { applicationId: a.id, evidence: newCard(a.id) });
  }
  const indexed = (): IndexedScorecard[] =>
    [...cards].map(([id, c]) => ({ id, interviewerId: c.evidence.interviewerId, candidateId: c.applicationId, kind: c.evidence.kind, rubricId: c.evidence.rubricId, ratings: c.evidence.ratings.flatMap((r) => (r.rating === null ? [] : [r.rating])) }));
  const inputsOf = (id: string): ApplicationInputs => ({
    app: apps.find((a) => a.id === id)!,
    points: points.get(id) ?? null,
    cards: [...cards.values()].filter((c) => c.applicationId === id).map((c) => c.evidence),
  });
  const stateOf = (index: CalibrationIndex): JobRanking => {
    const state: JobRanking = {
      jobId: 'job',
      jobUpdatedAt: 0,
      anonymizedReview: false,
      policy: DEFAULT_POLICY,
      inputs: new Map(apps.map((a) => [a.id, inputsOf(a.id)])),
      prepared: new Map(),
      items: [],
      expiries: new Map(),
      calibrationVersion: index.version,
      seen: new Map(),
      since: '',
      outcomes: new Map(),
      generation: 0,
    };
    recompute(state, leniencyMap(index.calibration));
    return state;
  };

  it('renders what a full computation renders after every change', () => {
    const index = new CalibrationIndex(indexed());
    const kept = stateOf(index);
    let calibrated = 0;
    for (let step = 0; step < 60; step++) {
      const r = rnd();
      const app = pick(apps).id;
      let changedCard: string | null = null;
      if (r < 0.5) {
        changedCard = `card-${nextCard++}`;
        cards.set(changedCard, { applicationId: app, evidence: newCard(app, rnd() < 0.1 ? `iv-new-${step}` : undefined) });
      } else if (r < 0.8) {
        changedCard = pick([...cards.keys()]);
        const c = cards.get(changedCard)!;
        cards.set(changedCard, { applicationId: c.applicationId, evidence: newCard(c.applicationId, c.evidence.interviewerId) });
      } else {
        points.set(app, { pointsEarned: Math.floor(rnd() * 100), pointsPossible: 100 });
      }
      const dirty = new Set([changedCard ? cards.get(changedCard)!.applicationId : app]);
      for (const id of dirty) kept.inputs.set(id, inputsOf(id));
      if (changedCard) index.apply(indexed().filter((c) => c.id === changedCard));
      const moved = index.changedSince(kept.calibrationVersion);
      const ids = new Set([...dirty, ...calibratedBy(kept, moved)]);
      calibrated += ids.size - dirty.size;
      recompute(kept, leniencyMap(index.calibration), ids, dirty);
      kept.calibrationVersion = index.version;
      const fresh = stateOf(new CalibrationIndex(indexed()));
      expect(kept.items.map(render)).toEqual(fresh.items.map(render));
    }
    // The calibration did move other entries than the changed ones along the way.
    expect(calibrated).toBeGreaterThan(0);
  });
});
