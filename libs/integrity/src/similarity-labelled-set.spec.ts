import { SIMILARITY_THRESHOLD } from './similarity-threshold';
import { confusionAt, loadLabelledSet, ScoredPair } from './similarity-labelled-set';
import { SimilarityRunner } from './similarity-runner';

/**
 * The threshold's meaning, measured: every pair of the labelled set (same problem, same language)
 * scored by the real analysis child, then precision and recall of "similarity >= threshold".
 * The figures asserted here are the ones the README reports.
 */
describe('similarity threshold on the labelled set', () => {
  let pairs: ScoredPair[];

  beforeAll(async () => {
    const runner = new SimilarityRunner({ maxHeapMb: 512, timeoutMs: 120_000 });
    pairs = [];
    for (const group of loadLabelledSet()) {
      const origin = new Map(group.files.map((f) => [f.key, f.origin]));
      const run = await runner.run({ language: group.language, files: group.files.map((f) => ({ key: f.key, source: f.source })), template: group.template, threshold: 0 });
      const scored = new Map(run.output.pairs.map((p) => [`${p.left}|${p.right}`, p.similarity]));
      const keys = group.files.map((f) => f.key).sort();
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const [left, right] = [keys[i], keys[j]];
          pairs.push({ left, right, similarity: scored.get(`${left}|${right}`) ?? 0, copy: origin.get(left) === origin.get(right) });
        }
      }
    }
  }, 300_000);

  it('covers JavaScript, TypeScript and Python on four bank problems, with disguised copies', () => {
    const groups = loadLabelledSet();
    expect(new Set(groups.map((g) => g.language))).toEqual(new Set(['javascript', 'typescript', 'python']));
    expect(new Set(groups.map((g) => g.problem)).size).toBe(4);
    expect(pairs.length).toBe(12 * 15);
    expect(pairs.filter((p) => p.copy).length).toBe(12 * 2);
  });

  it(`flags copies at the threshold (${SIMILARITY_THRESHOLD}) with the precision and recall the README reports`, () => {
    const at = confusionAt(pairs, SIMILARITY_THRESHOLD);
    // Printed so a change of the set or of Dolos shows its new figures in the test log.
    const curve = [0.3, 0.4, 0.5, 0.55, 0.6, 0.62, 0.65, 0.7, 0.75, 0.8].map((t) => confusionAt(pairs, t));
    const independent = pairs.filter((p) => !p.copy).sort((a, b) => b.similarity - a.similarity);
    const copies = pairs.filter((p) => p.copy).sort((a, b) => a.similarity - b.similarity);
    console.log(`highest independent: ${independent.slice(0, 8).map((p) => `${p.left} ~ ${p.right} ${p.similarity.toFixed(3)}`).join('; ')}`);
    console.log(`lowest copies: ${copies.slice(0, 6).map((p) => `${p.left} ~ ${p.right} ${p.similarity.toFixed(3)}`).join('; ')}`);
    console.log(curve.map((c) => `threshold ${c.threshold}: precision ${c.precision.toFixed(3)} recall ${c.recall.toFixed(3)} (tp ${c.truePositives}, fp ${c.falsePositives}, fn ${c.falseNegatives})`).join('\n'));
    expect(at.precision).toBeGreaterThanOrEqual(PRECISION_AT_THRESHOLD);
    expect(at.recall).toBeGreaterThanOrEqual(RECALL_AT_THRESHOLD);
  });

  it('keeps independent solutions that share only the problem\'s signature well apart from copies', () => {
    // Among the independent pairs above the threshold is only the one this set knows: an idiomatic
    // Python merge (sort, extend the last interval) that is the reference's idiom line for line.
    const flaggedIndependent = pairs.filter((p) => !p.copy && p.similarity >= SIMILARITY_THRESHOLD).map((p) => `${p.left} ~ ${p.right}`);
    expect(flaggedIndependent).toEqual(['merge-intervals/a.py ~ merge-intervals/reference.python']);
  });
});

// Measured with Dolos 3.5.1 (README, "Code similarity"): tp 22, fp 1, fn 2 of 180 pairs.
const PRECISION_AT_THRESHOLD = 0.95;
const RECALL_AT_THRESHOLD = 0.9;
