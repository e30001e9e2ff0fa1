/**
 * Performance tests end to end through the pool: the generator and the reference make the
 * data and the answers, calibration sets CPU limits, validation proves each known-wrong
 * solution fails the way its label says. Small inputs: the point is the chain, not the clock
 * (a quadratic solution on n = 30000 still needs ~450M steps, far over any calibrated limit).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { calibrate, engineFingerprint, withLimits } from './calibration';
import { DiskCache } from './disk-cache';
import { Judge } from './judge';
import { generateData, materialize, materializedName, MaterializeError } from './materialize';
import { calibratedLimitMs, CALIBRATION_RUNS } from './performance';
import { loadProblem, type ProblemInput } from './problem.schema';
import { loadBankDocument, validateProblemSolutions } from './validation';

// Sum of the max over every window of width k, with n values: O(n) with a deque, O(n k) naive.
const doc: ProblemInput = {
  slug: 'window-max-sum',
  title: 'Window max sum',
  mode: 'function',
  entryPoint: 'solve',
  languages: ['javascript', 'typescript'],
  limits: { timeMs: 2000, memoryMb: 64 },
  generator: `function mulberry32(a) { return function () { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
function generate(p) { const r = mulberry32(p.seed); const xs = []; for (let i = 0; i < p.n; i++) xs.push(Math.floor(r() * 1000)); return [xs, p.k]; }`,
  tests: [
    { name: 'example', args: [[1, 3, 2, 5], 2], expected: 3 + 3 + 5, hidden: false, category: 'examples' },
    { name: 'width 1', args: [[4, 1], 1], expected: 5, category: 'edge cases' },
    { name: 'whole array', args: [[4, 1, 7], 3], expected: 7, category: 'edge cases' },
    { name: 'large', kind: 'performance', generate: { seed: 3, n: 30000, k: 15000 }, weight: 2, category: 'performance' },
  ],
};

const FAST = `function solve(xs, k) {
  const q = []; let head = 0; let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    while (q.length > head && xs[q[q.length - 1]] <= xs[i]) q.pop();
    q.push(i);
    if (q[head] <= i - k) head++;
    if (i >= k - 1) sum += xs[q[head]];
  }
  return sum;
}`;
const NAIVE = `function solve(xs, k) {
  let sum = 0;
  for (let i = 0; i + k <= xs.length; i++) { let m = -Infinity; for (let j = i; j < i + k; j++) m = Math.max(m, xs[j]); sum += m; }
  return sum;
}`;
const OFF_BY_ONE = `function solve(xs, k) { return ${JSON.stringify('')}.length + (${FAST.replace('function solve', 'function inner')})(xs, k) + (k === 1 ? 1 : 0); }`;
const NAIVE_AND_WRONG = NAIVE.replace('sum += m;', 'sum += k === 1 ? 0 : m;');

/** Prefix and suffix maxima per block of k: each window is a block's suffix plus the next one's prefix. */
function windowMaxSum(xs: number[], k: number): number {
  const n = xs.length;
  const pre = xs.slice();
  const suf = xs.slice();
  for (let i = 1; i < n; i++) if (i % k) pre[i] = Math.max(pre[i - 1], xs[i]);
  for (let i = n - 2; i >= 0; i--) if ((i + 1) % k) suf[i] = Math.max(suf[i + 1], xs[i]);
  let sum = 0;
  for (let i = 0; i + k <= n; i++) sum += Math.max(suf[i], pre[i + k - 1]);
  return sum;
}

describe('performance tests, calibration and validation', () => {
  let judge: Judge;
  beforeAll(() => {
    judge = new Judge({ size: 1 });
  });
  afterAll(() => judge.close());

  it('generates the data in the sandbox, deterministically, and takes the answers from the reference', async () => {
    const problem = loadProblem(doc);
    const a = await generateData(judge, problem);
    const b = await generateData(judge, problem);
    const [xs, k] = a.get(3) as [number[], number];
    expect(xs).toHaveLength(30000);
    expect(k).toBe(15000);
    expect(b.get(3)).toEqual(a.get(3));
    const filled = await materialize(judge, problem, { language: 'javascript', source: FAST });
    const expected = filled.tests[3].expected as number;
    // The same answer as an independent computation on the host (test code, trusted): block maxima.
    expect(expected).toBe(windowMaxSum(xs, k));
    expect(filled.tests[3]).toMatchObject({ hidden: true, kind: 'performance', generate: { seed: 3, n: 30000, k: 15000 } });
  });

  it('refuses a generator that fails or returns the wrong shape, naming the test', async () => {
    const broken = loadProblem({ ...doc, generator: 'function generate(p) { return "not args"; }' });
    await expect(materialize(judge, broken, { language: 'javascript', source: FAST })).rejects.toThrow(
      new MaterializeError(`the generator's data for "large" must be the arguments array (at most 100)`),
    );
    const throwing = loadProblem({ ...doc, generator: 'function generate(p) { throw new Error("boom"); }' });
    await expect(materialize(judge, throwing, { language: 'javascript', source: FAST })).rejects.toThrow(/generator failed on "large".*boom/);
  });

  it("keeps generated tests in the engine's disk cache, read by a later engine, checked, and made again when an entry does not fit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'materialized-'));
    const problem = loadProblem(doc);
    const ref = { language: 'javascript' as const, source: FAST };
    const name = materializedName(problem, ref);
    const first = new Judge({ size: 1, cacheDir: dir });
    let made;
    try {
      made = await materialize(first, problem, ref);
    } finally {
      await first.close();
    }
    const cache = new DiskCache(dir);
    const entry = JSON.parse(cache.read(name)?.toString() ?? 'null') as { tests: { index: number; expected: number }[] };
    expect(entry.tests.map((t) => [t.index, t.expected])).toEqual([[3, made.tests[3].expected]]);
    // A later engine reads the entry instead of running the generator and the reference: an
    // entry with another answer (digest intact) is what it returns.
    entry.tests[0].expected = 42;
    cache.write(name, Buffer.from(JSON.stringify(entry)));
    const later = new Judge({ size: 1, cacheDir: dir });
    try {
      const read = await materialize(later, problem, ref);
      expect(read.tests[3]).toMatchObject({ expected: 42, hidden: true, kind: 'performance' });
      expect((read.tests[3] as { args: unknown[] }).args).toEqual((made.tests[3] as { args: unknown[] }).args);
      // An entry that does not fit the problem (another test, data of the wrong shape) is made again.
      for (const bad of [{ tests: [{ ...entry.tests[0], index: 2 }] }, { tests: [{ ...entry.tests[0], data: 'not args' }] }, { tests: 'x' }]) {
        cache.write(name, Buffer.from(JSON.stringify(bad)));
        expect((await materialize(later, problem, ref)).tests[3].expected).toBe(made.tests[3].expected);
        expect(JSON.parse(cache.read(name)?.toString() ?? 'null').tests[0].expected).toBe(made.tests[3].expected);
      }
    } finally {
      await later.close();
    }
    // Another reference or generator parameter is another entry.
    expect(materializedName(loadProblem({ ...doc, tests: doc.tests.map((t, i) => (i === 3 ? { ...t, generate: { seed: 4, n: 30000, k: 15000 } } : t)) }), ref)).not.toBe(name);
    expect(materializedName(problem, { ...ref, source: NAIVE })).not.toBe(name);
  });

  it('calibrates each language on CPU time and judges the naive solution out on time only', async () => {
    const problem = await materialize(judge, loadProblem(doc), { language: 'javascript', source: FAST });
    const cal = await calibrate(judge, problem, [{ language: 'javascript', source: FAST }]);
    expect(cal.engine).toBe(engineFingerprint());
    expect(cal.figures).toEqual([
      { test: 'large', language: 'javascript', referenceMedianMs: expect.any(Number), runs: CALIBRATION_RUNS, limitMs: expect.any(Number) },
    ]);
    const [f] = cal.figures;
    expect(f.limitMs).toBe(calibratedLimitMs(f.referenceMedianMs));
    const naive = await judge.judge({ problem: withLimits(problem, cal, 'typescript'), language: 'typescript', source: NAIVE });
    expect(naive).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', correctness: 1, performance: 0 });
    expect(naive.tests[3]).toMatchObject({ status: 'TIME_LIMIT_EXCEEDED', kind: 'performance', size: 'n = 30000, k = 15000', cpuLimitMs: f.limitMs });
    expect(naive.explanation).toBe('correct on all cases; too slow on large inputs (n = 30000, k = 15000): a higher time complexity than intended suspected');
  });

  it('valid only when every reference passes and every wrong solution fails as its label says', async () => {
    const bank = loadBankDocument({
      ...doc,
      difficulty: 'Medium',
      tags: ['arrays'],
      referenceSolutions: [{ language: 'javascript', source: FAST }],
      wrongSolutions: [
        { label: 'slow', language: 'javascript', source: NAIVE },
        { label: 'width-one', language: 'javascript', source: OFF_BY_ONE },
      ],
    });
    const v = await validateProblemSolutions(judge, bank, { runs: 3 });
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.references[0].result.verdict).toBe('ACCEPTED');
    expect(v.wrongSolutions).toEqual([
      {
        label: 'slow',
        language: 'javascript',
        verdict: 'TIME_LIMIT_EXCEEDED',
        score: 0.6,
        correctness: 1,
        performance: 0,
        firstFailing: { name: 'large', status: 'TIME_LIMIT_EXCEEDED', category: 'performance', kind: 'performance' },
        ok: true,
        reason: null,
        discriminationWarning: false,
      },
      {
        label: 'width-one',
        language: 'javascript',
        verdict: 'WRONG_ANSWER',
        score: 0.8,
        correctness: 0.6667,
        performance: 1,
        firstFailing: { name: 'width 1', status: 'WRONG_ANSWER', category: 'edge cases', kind: 'correctness' },
        ok: true,
        reason: null,
        discriminationWarning: true,
      },
    ]);
    expect(v.warnings).toEqual(['wrong solution width-one (javascript) scores 0.8 (above 0.7): add tests or weight the ones it fails']);

    // Mislabelled: a "slow" one that is also wrong, and a wrong one the tests do not catch.
    const mislabelled = await validateProblemSolutions(
      judge,
      { ...bank, wrongSolutions: [{ label: 'slow', language: 'javascript', source: NAIVE_AND_WRONG }, { label: 'not-wrong', language: 'javascript', source: FAST }] },
      { calibration: v.calibration },
    );
    expect(mislabelled.valid).toBe(false);
    expect(mislabelled.calibration).toBe(v.calibration);
    expect(mislabelled.problems).toEqual([
      'wrong solution slow (javascript): a "slow" solution must pass every correctness test; it fails some',
      'wrong solution not-wrong (javascript): it passes every test: the tests do not catch it',
    ]);
  });

  it('measures a language again when its reference needs over half its stored limits, and judges with the new ones', async () => {
    const bankDoc = (): ReturnType<typeof loadBankDocument> =>
      loadBankDocument({ ...doc, difficulty: 'Medium', tags: ['arrays'], referenceSolutions: [{ language: 'javascript', source: FAST }] });
    // Limits that leave room: kept as they are, nothing measured.
    const roomy = { engine: engineFingerprint(), measuredAt: '2026-01-01T00:00:00.000Z', figures: [{ test: 'large', language: 'javascript' as const, referenceMedianMs: 1, runs: 3, limitMs: 60_000 }] };
    const kept = await validateProblemSolutions(judge, bankDoc(), { calibration: roomy });
    expect(kept.valid).toBe(true);
    expect(kept.calibration).toBe(roomy);
    // Limits measured on a much faster machine or at a much quieter moment (a shipped
    // calibration on a slower machine): no run of the reference fits in them.
    const stale = { engine: engineFingerprint(), measuredAt: '2026-01-01T00:00:00.000Z', figures: [{ test: 'large', language: 'javascript' as const, referenceMedianMs: 0, runs: 3, limitMs: 0 }] };
    const bank = loadBankDocument({
      ...doc,
      difficulty: 'Medium',
      tags: ['arrays'],
      referenceSolutions: [{ language: 'javascript', source: FAST }],
      wrongSolutions: [{ label: 'slow', language: 'javascript', source: NAIVE }],
    });
    const v = await validateProblemSolutions(judge, bank, { calibration: stale, runs: 3, now: () => new Date('2026-12-02T00:00:00.000Z') });
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.warnings).toEqual(['javascript performance limits measured again: the reference needed more than half of the ones given']);
    expect(v.references[0].result.verdict).toBe('ACCEPTED');
    expect(v.calibration).toEqual({
      engine: engineFingerprint(),
      measuredAt: '2026-12-02T00:00:00.000Z',
      figures: [{ test: 'large', language: 'javascript', referenceMedianMs: expect.any(Number), runs: 3, limitMs: expect.any(Number) }],
    });
    const [f] = v.calibration!.figures;
    expect(f.referenceMedianMs).toBeGreaterThan(0);
    expect(f.limitMs).toBe(calibratedLimitMs(f.referenceMedianMs));
    // The known-slow solution is judged with the new limits, and still fails on time only.
    expect(v.wrongSolutions[0]).toMatchObject({ label: 'slow', verdict: 'TIME_LIMIT_EXCEEDED', ok: true });
  });
});
