/**
 * What a stored or shipped calibration depends on: the engine (engineFingerprint) and the
 * problem's inputs (calibrationInputsHash). Edits that cannot change a reference's timing keep
 * the hash; anything that can changes it.
 */
import * as os from 'node:os';
import { calibrationInputsHash, engineFingerprint, engineSoftware } from './calibration';
import { loadProblem, type ProblemInput } from './problem.schema';

const doc = {
  slug: 'sum-all',
  title: 'Sum all',
  statement: 'Add them up.',
  mode: 'function',
  entryPoint: 'solve',
  languages: ['javascript', 'typescript', 'python'],
  limits: { timeMs: 2000, memoryMb: 64 },
  generator: 'function generate(p) { const xs = []; for (let i = 0; i < p.n; i++) xs.push(i % 7); return [xs]; }',
  tests: [
    { name: 'example', args: [[1, 2]], expected: 3, hidden: false },
    { name: 'large', kind: 'performance', generate: { seed: 1, n: 100000 }, category: 'performance' },
  ],
} satisfies ProblemInput;
const JS = { language: 'javascript' as const, source: 'function solve(xs) { return xs.reduce((a, b) => a + b, 0); }' };
const PY = { language: 'python' as const, source: 'def solve(xs):\n    return sum(xs)\n' };

const hash = (d: Record<string, unknown>, refs = [JS, PY]) => calibrationInputsHash(loadProblem(d), refs);
const base = hash(doc);

describe('calibrationInputsHash', () => {
  it('is a sha256 of the inputs, whatever the key order', () => {
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(hash(reordered)).toBe(base);
  });

  it('keeps its value when only the statement, title, starters, signatures or correctness tests change', () => {
    expect(hash({ ...doc, title: 'Sum everything', statement: 'Add all of them.' })).toBe(base);
    expect(hash({ ...doc, starters: { javascript: 'function solve(xs) {}' }, signatures: { python: 'def solve(xs)' } })).toBe(base);
    expect(hash({ ...doc, tests: [{ name: 'example', args: [[1, 2, 3]], expected: 6, hidden: false }, ...doc.tests.slice(1)] })).toBe(base);
    // A second reference in a language already calibrated by the first one of it.
    expect(hash(doc, [JS, PY, { language: 'javascript', source: 'function solve(xs) { let s = 0; for (const x of xs) s += x; return s; }' }])).toBe(base);
  });

  it('changes with a performance test, the generator, the limits, the mode of running or a calibrating reference', () => {
    const changed = [
      hash({ ...doc, tests: [doc.tests[0], { ...doc.tests[1], generate: { seed: 1, n: 200000 } }] }),
      hash({ ...doc, tests: [...doc.tests, { name: 'larger', kind: 'performance', generate: { seed: 2, n: 10 } }] }),
      hash({ ...doc, generator: doc.generator.replace('i % 7', 'i % 9') }),
      hash({ ...doc, limits: { timeMs: 2000, memoryMb: 128 } }),
      hash({ ...doc, entryPoint: 'total' }),
      hash(doc, [JS, { ...PY, source: 'def solve(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n' }]),
      hash(doc, [JS]),
      // The first reference answers the generated tests.
      hash(doc, [PY, JS]),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});

describe('engineFingerprint', () => {
  it('names the engine and the CPU model, never the host or the time, and is the same on every call', () => {
    const f = engineFingerprint();
    expect(f).toMatch(/^node \S+; v8 \S+; isolated-vm \d+\.\d+\.\d+; pyodide \d+\.\d+\.\d+; sql\.js \d+\.\d+\.\d+; cpu .+$/);
    // Each part's value (the host here may be called "vm", which isolated-vm's name contains).
    expect(f.split('; ').map((part) => part.slice(part.indexOf(' ') + 1))).not.toContain(os.hostname());
    expect(f).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(engineFingerprint()).toBe(f);
    expect(engineSoftware(f)).toBe(f.replace(/; cpu .*$/, ''));
  });
});
