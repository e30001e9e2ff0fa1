import type { JsonValue, Problem, ProblemTest } from './problem.schema';

/*
 * Performance tests: the constants of calibration and of judging on CPU time, in one place.
 *
 * A performance test is judged on the CPU time of the isolate (isolated-vm's `cpuTime`), not
 * on wall time: the machines are shared, and a wall-time limit calibrated on a quiet machine
 * flaked on a busy one. Wall time is only a backstop, for code that waits rather than computes.
 */

/** Runs of each reference on each performance test at calibration; the median is kept. */
export const CALIBRATION_RUNS = 5;
/** A calibrated limit is max(LIMIT_FACTOR x median, median + LIMIT_MIN_MARGIN_MS). */
export const LIMIT_FACTOR = 3;
export const LIMIT_MIN_MARGIN_MS = 50;
/**
 * A performance test's wall-clock backstop: WALL_BACKSTOP_FACTOR x its CPU limit +
 * WALL_BACKSTOP_EXTRA_MS. Generous on purpose: at a load of 20 on 2 cores a reference using
 * 84 ms of CPU took over 2 s of wall time, and 3x + 1 s failed it.
 */
export const WALL_BACKSTOP_FACTOR = 10;
export const WALL_BACKSTOP_EXTRA_MS = 2000;
/**
 * Wall-clock timeout of a reference's run at calibration and materialization (at least the
 * problem's own): on a busy machine a reference may take longer than its CPU time by far.
 */
export const REFERENCE_WALL_MS = 15_000;

/** The problem with every test's wall limit raised for a reference's run, and no CPU limits. */
export function forReference(problem: Problem): Problem {
  return {
    ...problem,
    limits: { ...problem.limits, timeMs: Math.max(problem.limits.timeMs, REFERENCE_WALL_MS) },
    tests: problem.tests.map((t) => ({ ...t, cpuLimitMs: undefined })),
  } as Problem;
}

/** Least headroom (limit over reference median) the bank report accepts. */
export const MIN_HEADROOM = 3;

/** The CPU-time limit set for a reference median of `medianMs`. */
export function calibratedLimitMs(medianMs: number): number {
  return Math.ceil(Math.max(LIMIT_FACTOR * medianMs, medianMs + LIMIT_MIN_MARGIN_MS));
}

export function wallBackstopMs(cpuLimitMs: number): number {
  return WALL_BACKSTOP_FACTOR * cpuLimitMs + WALL_BACKSTOP_EXTRA_MS;
}

/** The wall-clock timeout the isolate and the watchdog use for one test. */
export function testTimeoutMs(problem: Pick<Problem, 'limits'>, test: Pick<ProblemTest, 'cpuLimitMs'>): number {
  return test.cpuLimitMs !== undefined ? wallBackstopMs(test.cpuLimitMs) : problem.limits.timeMs;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `n = 100000, m = 50`: a generated test's size, from its generate params (the seed left out). */
export function describeSize(params: Record<string, JsonValue> | undefined): string | undefined {
  if (!params) return undefined;
  const parts = Object.entries(params)
    .filter(([k, v]) => k !== 'seed' && (typeof v === 'number' || typeof v === 'string'))
    .map(([k, v]) => `${k} = ${String(v)}`);
  return parts.length ? parts.join(', ') : undefined;
}
