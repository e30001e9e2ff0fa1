import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Judge } from './judge';
import type { Language } from './judge.types';
import type { SolutionSource } from './materialize';
import { CALIBRATION_RUNS, calibratedLimitMs, forReference, LIMIT_FACTOR, LIMIT_MIN_MARGIN_MS, median } from './performance';
import type { Problem } from './problem.schema';

/**
 * Calibration: each language's reference is run CALIBRATION_RUNS times on each performance test,
 * on this judge's own engine; the median CPU time sets that test's limit for that language
 * (calibratedLimitMs). The figures are stored with the problem and redone when the engine's
 * fingerprint changes.
 */

export interface CalibrationFigure {
  test: string;
  language: Language;
  referenceMedianMs: number;
  runs: number;
  limitMs: number;
}

export interface Calibration {
  /** engineFingerprint() when measured. */
  engine: string;
  measuredAt: string;
  figures: CalibrationFigure[];
}

export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';
}

/** A dependency's version, from the package.json above its entry file (some packages do not export it). */
function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '?';
      }
      const up = path.dirname(dir);
      if (up === dir) return '?';
      dir = up;
    }
  } catch {
    return '?';
  }
}

let fingerprint: string | undefined;

/**
 * What the timings depend on: Node and V8, isolated-vm, the WebAssembly engines, the CPU model.
 * The same on every machine with this CPU model and this repository's toolchain and lockfile,
 * and in every process (no host name, no time, no path): a calibration shipped with the bank
 * (libs/assessments/data/calibration.json) is used wherever it matches.
 */
export function engineFingerprint(): string {
  fingerprint ??= [
    `node ${process.versions.node}`,
    `v8 ${process.versions.v8}`,
    `isolated-vm ${packageVersion('isolated-vm')}`,
    `pyodide ${packageVersion('pyodide')}`,
    `sql.js ${packageVersion('sql.js')}`,
    `cpu ${os.cpus()[0]?.model?.trim() ?? '?'}`,
  ].join('; ');
  return fingerprint;
}

/** The fingerprint without its CPU model: what the repository alone decides (toolchain, lockfile). */
export function engineSoftware(fingerprint: string): string {
  return fingerprint
    .split('; ')
    .filter((part) => !part.startsWith('cpu '))
    .join('; ');
}

/** Bump when the way calibration measures changes (what a run counts, how figures are rounded). */
const CALIBRATION_METHOD = 1;

/** JSON with object keys sorted at every level, so equal values hash alike whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A hash of everything a calibration of `problem` depends on besides the engine: the problem
 * as the references run it (mode, entry points, limits, checker, generator, SQL schema and
 * setup) with its performance tests, the reference that calibrates each language (the first
 * one, which also answers the generated tests) and the limit settings (runs, factor, margin).
 * The statement, starters, signatures and correctness tests are left out: editing them keeps a
 * stored calibration good.
 */
export function calibrationInputsHash(problem: Problem, references: readonly SolutionSource[]): string {
  const { title: _title, statement: _statement, starters: _starters, signatures: _signatures, tests, ...judged } = problem;
  const inputs = {
    method: CALIBRATION_METHOD,
    settings: { runs: CALIBRATION_RUNS, factor: LIMIT_FACTOR, minMarginMs: LIMIT_MIN_MARGIN_MS },
    problem: judged,
    performanceTests: tests.filter((t) => t.kind === 'performance'),
    references: referencePerLanguage(references).map((r) => ({ language: r.language, source: r.source })),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(inputs)).digest('hex')}`;
}

export function performanceIndices(problem: Problem): number[] {
  return problem.tests.flatMap((t, i) => (t.kind === 'performance' ? [i] : []));
}

/** The first reference per language (a Python reference sets Python's limits). */
export function referencePerLanguage(references: readonly SolutionSource[]): SolutionSource[] {
  const seen = new Set<Language>();
  return references.filter((r) => !seen.has(r.language) && seen.add(r.language));
}

/**
 * Measures every language's reference on the performance tests of a materialized problem.
 * Throws CalibrationError when a reference does not pass a performance test.
 */
export async function calibrate(
  judge: Judge,
  problem: Problem,
  references: readonly SolutionSource[],
  opts: { runs?: number; now?: () => Date } = {},
): Promise<Calibration> {
  const runs = opts.runs ?? CALIBRATION_RUNS;
  const indices = performanceIndices(problem);
  const figures: CalibrationFigure[] = [];
  // Measured without a CPU limit, under a generous wall limit.
  const open = forReference(problem);
  for (const ref of indices.length ? referencePerLanguage(references) : []) {
    const samples = new Map<number, number[]>(indices.map((i) => [i, []]));
    for (let run = 0; run < runs; run++) {
      const r = await judge.runTests(open, ref.language, ref.source, indices, { check: true });
      if (r.compileError) throw new CalibrationError(`the ${ref.language} reference does not compile: ${r.compileError.message}`);
      for (const i of indices) {
        const t = r.results.get(i);
        if (!t || t.status !== 'ACCEPTED' || t.cpuMs === undefined)
          throw new CalibrationError(
            `the ${ref.language} reference failed performance test "${problem.tests[i].name}": ${t?.status ?? 'no result'}${t?.message ? ` (${t.message})` : ''}`,
          );
        samples.get(i)?.push(t.cpuMs);
      }
    }
    for (const i of indices) {
      const m = Math.round(median(samples.get(i) ?? []) * 10) / 10;
      figures.push({ test: problem.tests[i].name, language: ref.language, referenceMedianMs: m, runs, limitMs: calibratedLimitMs(m) });
    }
  }
  return { engine: engineFingerprint(), measuredAt: (opts.now?.() ?? new Date()).toISOString(), figures };
}

/**
 * The CPU limit of each performance test for `language`: its own calibrated figure, else the
 * sibling's when TypeScript and JavaScript share the engine (TypeScript runs as JavaScript), else
 * the limit the author pinned (`cpuLimitMs`). `undefined`: no limit known for that test.
 */
export function limitFor(calibration: Calibration | null | undefined, test: string, language: Language): number | undefined {
  const figures = calibration?.figures.filter((f) => f.test === test) ?? [];
  const own = figures.find((f) => f.language === language);
  const sibling = language === 'typescript' ? 'javascript' : language === 'javascript' ? 'typescript' : undefined;
  return (own ?? figures.find((f) => f.language === sibling))?.limitMs;
}

/** The problem as judged in `language`: performance tests carry their calibrated CPU limit. */
export function withLimits(problem: Problem, calibration: Calibration | null | undefined, language: Language): Problem {
  if (!calibration) return problem;
  return {
    ...problem,
    tests: problem.tests.map((t) => {
      if (t.kind !== 'performance') return t;
      const limit = limitFor(calibration, t.name, language);
      return limit === undefined ? t : { ...t, cpuLimitMs: limit };
    }),
  } as Problem;
}
