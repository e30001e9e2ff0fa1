import { engineFingerprint } from './calibration';
import { cacheKey, type DiskCache } from './disk-cache';
import type { Judge } from './judge';
import type { Language } from './judge.types';
import { forReference } from './performance';
import { GENERATED_KB_MAX, loadProblem, type JsonValue, type Problem, type ProblemTest } from './problem.schema';

/**
 * Generated performance tests: their data comes from the problem's generator, their expected
 * answer from the first reference solution. Both run in the sandbox like any submission (the
 * generator as a JavaScript function-mode "submission" whose entry point is `generate`), never
 * on the host; nothing generated is ever written to the repository.
 *
 * With the engine's disk cache (`JUDGE_CACHE_DIR`), what they made is kept there, named by a hash
 * of everything that decides it (the problem with its generator and parameters, the reference,
 * the engine): a worker restarted after a crash reads a problem's generated tests instead of
 * running the generator and the reference again (2.5-3.2 s of a new sandbox child's time per
 * problem in `npm run chaos`, against a read and a parse). Generators are deterministic (the
 * sandbox seeds `Math.random`), so a stored entry is what running them again would give.
 */

/** Wall time and heap a generator gets per test. */
export const GENERATOR_LIMITS = { timeMs: 20_000, memoryMb: 512, resultKb: GENERATED_KB_MAX, outputKb: 16 } as const;

export interface SolutionSource {
  language: Language;
  source: string;
}

export class MaterializeError extends Error {
  override readonly name = 'MaterializeError';
}

export function generatedIndices(problem: Problem): number[] {
  return problem.tests.flatMap((t, i) => (t.generate !== undefined ? [i] : []));
}

function checkData(problem: Problem, test: ProblemTest, data: JsonValue | undefined): void {
  const where = `the generator's data for "${test.name}"`;
  if (problem.mode === 'function') {
    if (!Array.isArray(data) || data.length > 100) throw new MaterializeError(`${where} must be the arguments array (at most 100)`);
  } else if (problem.mode === 'stdio') {
    if (typeof data !== 'string') throw new MaterializeError(`${where} must be the stdin string`);
  } else if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.values(data).every((rows) => Array.isArray(rows) && rows.every(Array.isArray))) {
    throw new MaterializeError(`${where} must be an object of rows per table ({ "table": [[...], ...] })`);
  }
}

/** Runs the generator on every generated test's params; returns the data by test index. */
export async function generateData(judge: Judge, problem: Problem): Promise<Map<number, JsonValue>> {
  const indices = generatedIndices(problem);
  const out = new Map<number, JsonValue>();
  if (!indices.length) return out;
  if (!problem.generator) throw new MaterializeError('generated tests need a "generator"');
  const gen = loadProblem({
    slug: 'generator',
    title: `generator of ${problem.slug}`,
    mode: 'function',
    entryPoint: 'generate',
    languages: ['javascript'],
    limits: GENERATOR_LIMITS,
    tests: indices.map((i) => ({ name: problem.tests[i].name, hidden: false, args: [problem.tests[i].generate ?? {}], expected: null })),
  });
  const run = await judge.runTests(gen, 'javascript', problem.generator, gen.tests.map((_, j) => j), { check: false, full: true });
  if (run.compileError) throw new MaterializeError(`the generator does not compile: ${run.compileError.message} (line ${run.compileError.line})`);
  indices.forEach((i, j) => {
    const r = run.results.get(j);
    const test = problem.tests[i];
    if (!r || r.status !== 'ACCEPTED' || r.message !== undefined)
      throw new MaterializeError(`the generator failed on "${test.name}": ${r?.status ?? 'no result'}${r?.message ? ` (${r.message})` : ''}`);
    checkData(problem, test, r.actual);
    out.set(i, r.actual as JsonValue);
  });
  return out;
}

function withData(test: ProblemTest, mode: Problem['mode'], data: JsonValue, hidden: boolean): ProblemTest {
  // checkData has vouched for the shape of `data` in this mode.
  if (mode === 'function') return { ...test, hidden, args: data } as ProblemTest;
  if (mode === 'stdio') return { ...test, hidden, stdin: data } as ProblemTest;
  return { ...test, hidden, data } as ProblemTest;
}

/** What materializing adds to a problem, by test index. */
interface Generated {
  data: Map<number, JsonValue>;
  expected: Map<number, JsonValue>;
}

async function generate(judge: Judge, problem: Problem, reference: SolutionSource, indices: number[]): Promise<Generated> {
  const data = await generateData(judge, problem);
  // The reference sees the generated tests as visible ones (so its whole answer comes back),
  // without a CPU limit and under a generous wall limit.
  const open = forReference(problem);
  const probe = { ...open, tests: open.tests.map((t, i) => (data.has(i) ? withData(t, problem.mode, data.get(i) as JsonValue, false) : t)) } as Problem;
  const run = await judge.runTests(probe, reference.language, reference.source, indices, { check: false, full: true });
  if (run.compileError) throw new MaterializeError(`the ${reference.language} reference does not compile: ${run.compileError.message}`);
  const expected = new Map<number, JsonValue>();
  for (const i of indices) {
    const r = run.results.get(i);
    const name = problem.tests[i].name;
    if (!r || r.status !== 'ACCEPTED' || (problem.mode !== 'stdio' && r.actual === undefined))
      throw new MaterializeError(`the ${reference.language} reference failed on generated test "${name}": ${r?.status ?? 'no result'}${r?.message ? ` (${r.message})` : ''}`);
    expected.set(i, problem.mode === 'stdio' ? (r.output ?? '') : (r.actual as JsonValue));
  }
  return { data, expected };
}

/** The cache entry's name: everything that decides the generated data and answers. */
export function materializedName(problem: Problem, reference: SolutionSource): string {
  return cacheKey('materialized', engineFingerprint(), JSON.stringify(problem), reference.language, reference.source);
}

/** A stored entry, checked as the generator's output is; null (and removed) when it does not fit. */
function readGenerated(cache: DiskCache, name: string, problem: Problem, indices: number[]): Generated | null {
  const bytes = cache.read(name);
  if (!bytes) return null;
  try {
    const stored = JSON.parse(bytes.toString('utf8')) as { tests?: unknown };
    const tests = stored.tests as { index: number; data: JsonValue; expected: JsonValue }[];
    if (!Array.isArray(tests) || tests.length !== indices.length) throw new MaterializeError('stale entry');
    const out: Generated = { data: new Map(), expected: new Map() };
    tests.forEach((t, j) => {
      if (t?.index !== indices[j] || t.expected === undefined || (problem.mode === 'stdio' && typeof t.expected !== 'string')) throw new MaterializeError('stale entry');
      checkData(problem, problem.tests[t.index], t.data);
      out.data.set(t.index, t.data);
      out.expected.set(t.index, t.expected);
    });
    return out;
  } catch {
    cache.remove(name);
    return null;
  }
}

function writeGenerated(cache: DiskCache, name: string, indices: number[], g: Generated): void {
  cache.write(name, Buffer.from(JSON.stringify({ tests: indices.map((index) => ({ index, data: g.data.get(index), expected: g.expected.get(index) })) })));
}

/**
 * The problem with its generated tests filled in: data from the generator, expected answers
 * from `reference` (judged on that data, with the problem's own limits), or both from the
 * engine's disk cache. Throws MaterializeError when the generator or the reference fails. A
 * problem without generated tests comes back as it is.
 */
export async function materialize(judge: Judge, problem: Problem, reference: SolutionSource | undefined): Promise<Problem> {
  const indices = generatedIndices(problem);
  if (!indices.length) return problem;
  if (!reference) throw new MaterializeError('generated tests need a reference solution for their expected answers');
  const cache = judge.diskCache;
  const name = cache ? materializedName(problem, reference) : '';
  let g = cache ? readGenerated(cache, name, problem, indices) : null;
  if (!g) {
    g = await generate(judge, problem, reference, indices);
    if (cache) writeGenerated(cache, name, indices, g);
  }
  const { data, expected } = g;
  return {
    ...problem,
    tests: problem.tests.map((t, i) =>
      data.has(i) ? ({ ...withData(t, problem.mode, data.get(i) as JsonValue, t.hidden), expected: expected.get(i) } as ProblemTest) : t,
    ),
  } as Problem;
}
