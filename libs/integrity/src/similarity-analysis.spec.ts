import { SimilarityRunner } from './similarity-runner';
import { integrityReviewOf } from './similarity.service';

/** The analysis as the worker runs it (a child process), on small inputs whose answer is known. */
describe('similarity analysis', () => {
  const runner = new SimilarityRunner({ maxHeapMb: 256, timeoutMs: 120_000 });
  const loop = (name: string, acc: string) => `function total(${name}) {\n  let ${acc} = 0;\n  for (const x of ${name}) {\n    if (x > 0) {\n      ${acc} += x * 2;\n    } else {\n      ${acc} -= 1;\n    }\n  }\n  return ${acc};\n}\n`;
  const other = 'function total(xs) {\n  return xs.reduce((a, b) => a + Math.max(b, 0), 0);\n}\n';

  it('keeps pairs at the threshold, references on the right, and never pairs two references', async () => {
    const run = await runner.run({
      language: 'javascript',
      files: [
        { key: 'sub:b', source: loop('values', 'sum') },
        { key: 'sub:a', source: other },
        { key: 'ref:0', source: loop('items', 'acc') },
        { key: 'ref:1', source: loop('list', 'result') },
      ],
      threshold: 0.6,
      skipPairsWithin: 'ref:',
    });
    expect(run.output.compared).toBe(6);
    expect(run.output.pairs.map((p) => [p.left, p.right])).toEqual([
      ['sub:b', 'ref:0'],
      ['sub:b', 'ref:1'],
    ]);
    const [pair] = run.output.pairs;
    expect(pair.similarity).toBe(1);
    expect(pair.fragments[0].left.startLine).toBe(1);
    expect(pair.fragments[0].left.endLine).toBeGreaterThanOrEqual(8);
    expect(run.peakRssBytes).toBeGreaterThan(0);
  });

  it('sets aside code shared with the starter (the ignored template)', async () => {
    const starter = loop('values', 'sum');
    const files = [
      { key: 'sub:a', source: `${starter}\nfunction a(q) {\n  return q.map((z) => z + 1).filter(Boolean);\n}\n` },
      { key: 'sub:b', source: `${starter}\nfunction b(s) {\n  const o = {};\n  for (const k in s) o[s[k]] = k;\n  return o;\n}\n` },
    ];
    const without = await runner.run({ language: 'javascript', files, threshold: 0 });
    const withTemplate = await runner.run({ language: 'javascript', files, threshold: 0, template: starter });
    // Measured: ~0.5 without the template, ~0.13 with it (the function boundaries still touch).
    expect(without.output.pairs[0].similarity).toBeGreaterThan(0.4);
    expect(withTemplate.output.pairs[0]?.similarity ?? 0).toBeLessThan(0.2);
  });

  it('keeps at most maxPairsPerFile pairs per file, the most similar first', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ key: `sub:${i}`, source: loop(`v${i}`, `s${i}`) }));
    const run = await runner.run({ language: 'javascript', files, threshold: 0.6, maxPairsPerFile: 1 });
    // Each kept pair uses a file's room; a pair is kept while either of its files has some.
    const uses = new Map<string, number>();
    for (const p of run.output.pairs) for (const k of [p.left, p.right]) uses.set(k, (uses.get(k) ?? 0) + 1);
    expect(run.output.pairs.length).toBeLessThan(10);
    expect(run.output.pairs.length).toBeGreaterThanOrEqual(3);
    expect([...uses.keys()].sort()).toEqual(files.map((f) => f.key));
  });

  it('tokenizes SQL with its grammar: renamed columns and tables still match', async () => {
    const run = await runner.run({
      language: 'sql',
      files: [
        { key: 'sub:a', source: 'SELECT endpoint, COUNT(*) AS n FROM requests WHERE status >= 500 GROUP BY endpoint ORDER BY n DESC;' },
        { key: 'sub:b', source: 'SELECT path, COUNT(*) AS c FROM hits WHERE code >= 500 GROUP BY path ORDER BY c DESC;' },
      ],
      threshold: 0.6,
    });
    expect(run.output.pairs).toHaveLength(1);
  });
});

describe('integrityReviewOf', () => {
  it('says what was found and that the score is unchanged, or nothing', () => {
    expect(integrityReviewOf(undefined)).toEqual({ flagged: false, explanation: null });
    expect(integrityReviewOf({ similarity: 0.873, pairs: 2 })).toEqual({
      flagged: true,
      explanation: 'Integrity review: 2 code similarity pairs (highest 87%, threshold 60%); evidence to review, the score is unchanged',
    });
  });
});
