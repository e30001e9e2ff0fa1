import { calibrateWithinKind } from './calibration';
import { CalibrationIndex, IndexedScorecard } from './calibration-index';

/** A small deterministic PRNG: the same sequences every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const full = (cards: Iterable<IndexedScorecard>) => calibrateWithinKind([...cards]);

describe('CalibrationIndex, kept up to date by deltas', () => {
  it('equals a full computation, to the bit, after every step of random submissions, amendments and withdrawals', () => {
    const rnd = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const interviewers = ['iv-a', 'iv-b', 'iv-c', 'iv-d', 'iv-e'];
    const candidates = Array.from({ length: 12 }, (_, i) => `app-${i}`);
    const kinds = [
      ['CODING_FUNDAMENTALS', 'r1'],
      ['BEHAVIORAL', 'r1'],
      ['CODING_FUNDAMENTALS', 'r2'],
    ] as const;
    const held = new Map<string, IndexedScorecard>();
    const card = (id: string): IndexedScorecard => {
      const [kind, rubricId] = pick(kinds);
      // Some scorecards have no observed criterion at all (every rating "not observed"): no ratings for calibration.
      const n = rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 5);
      return { id, interviewerId: pick(interviewers), candidateId: pick(candidates), kind, rubricId, ratings: Array.from({ length: n }, () => 1 + Math.floor(rnd() * 4)) };
    };
    for (let i = 0; i < 30; i++) held.set(`c${i}`, card(`c${i}`));
    const index = new CalibrationIndex(held.values());
    expect(index.calibration).toEqual(full(held.values()));
    let next = 30;
    for (let step = 0; step < 400; step++) {
      const before = new Map(index.calibration);
      const r = rnd();
      let moved: Set<string>;
      if (r < 0.45 || !held.size) {
        const c = card(`c${next++}`);
        held.set(c.id, c);
        moved = index.apply([c]);
      } else if (r < 0.8) {
        // An amendment: same scorecard, new ratings (and possibly another kind).
        const id = pick([...held.keys()]);
        const c = card(id);
        held.set(id, c);
        moved = index.apply([c]);
      } else {
        const id = pick([...held.keys()]);
        held.delete(id);
        moved = index.apply([], [id]);
      }
      const expected = full(held.values());
      expect(index.calibration).toEqual(expected);
      // "moved" names exactly the entries whose offset or shared count changed, appeared or went.
      const changed = new Set([...new Set([...before.keys(), ...expected.keys()])].filter((k) => before.get(k)?.leniencyOffset !== expected.get(k)?.leniencyOffset || before.get(k)?.sharedCandidates !== expected.get(k)?.sharedCandidates || before.has(k) !== expected.has(k)));
      expect(moved).toEqual(changed);
    }
  });

  it("an interviewer's first scorecard, a second scorecard for the same candidate, and the last one withdrawn", () => {
    const base: IndexedScorecard[] = [
      { id: '1', interviewerId: 'a', candidateId: 'x', kind: 'K', rubricId: 'r', ratings: [3, 3] },
      { id: '2', interviewerId: 'b', candidateId: 'x', kind: 'K', rubricId: 'r', ratings: [2, 2] },
    ];
    const index = new CalibrationIndex(base);
    const first = { id: '3', interviewerId: 'c', candidateId: 'x', kind: 'K', rubricId: 'r', ratings: [4, 4] };
    expect(index.apply([first])).toEqual(new Set(['a|K|r', 'b|K|r', 'c|K|r']));
    expect(index.calibration).toEqual(full([...base, first]));
    const again = { id: '4', interviewerId: 'c', candidateId: 'x', kind: 'K', rubricId: 'r', ratings: [1] };
    index.apply([again]);
    expect(index.calibration).toEqual(full([...base, first, again]));
    index.apply([], ['3', '4']);
    expect(index.calibration).toEqual(full(base));
    expect(index.calibration.has('c|K|r')).toBe(false);
  });
});
