import type { JsonValue, Problem, ProblemTest } from './problem.schema';

/*
 * Time limits: the constants of calibration and of judging on CPU time, in one place.
 *
 * Every test is judged on the CPU time of the thread that runs its isolate (see cpuClock in
 * isolate-runner.ts; JavaScript, TypeScript, Python in Pyodide and SQL in sql.js all run there),
 * not on wall time: the machines are shared, and a wall-time limit flaked on a busy one (npm run
 * chaos at load 30 turned 1 of 526 accepted SQL solutions into TIME_LIMIT_EXCEEDED). A
 * performance test's CPU limit is its calibrated `cpuLimitMs`; a correctness test's is the
 * problem's `limits.timeMs`. Wall time is only a backstop, for code that waits or is descheduled.
 *
 * isolated-vm can only stop a run on wall time, so a test runs in attempts (see `runAttempts`):
 * a performance test with its CPU limit gets its whole backstop at once; any other test first gets
 * FIRST_ATTEMPT_FACTOR x its CPU limit of wall time, which on a machine with a core to spare is
 * more CPU than the limit, so an infinite loop stops there as before. When an attempt runs out
 * of wall time having used less CPU than the limit, the machine was busy, not the code: it runs
 * again from scratch (same input, same seed) with the wall time its CPU share needs, while the
 * attempts together stay within the backstop. The verdict: TIME_LIMIT_EXCEEDED when the CPU time went over the limit (finished or
 * not) or the backstop ran out; a retry costs only time on a busy machine, never the verdict.
 * A candidate's performance test that finished a little over its limit is measured again
 * (REMEASURE_FACTOR), and judged on its least CPU time: on a loaded machine the same code's CPU
 * time spreads.
 */

/** Runs of each reference on each performance test at calibration; the median is kept. */
export const CALIBRATION_RUNS = 5;
/** A calibrated limit is max(LIMIT_FACTOR x median, median + LIMIT_MIN_MARGIN_MS). */
export const LIMIT_FACTOR = 3;
export const LIMIT_MIN_MARGIN_MS = 50;
/**
 * A test's wall-clock backstop: WALL_BACKSTOP_FACTOR x its CPU limit + WALL_BACKSTOP_EXTRA_MS. Generous on purpose: at a load of 20 on 2 cores a reference using
 * 84 ms of CPU took over 2 s of wall time, and 3x + 1 s failed it.
 */
export const WALL_BACKSTOP_FACTOR = 10;
export const WALL_BACKSTOP_EXTRA_MS = 2000;
/**
 * CPU limit of a reference's run at calibration and materialization (at least the problem's
 * own), with the backstop that follows from it: a reference is never timed against a candidate's limit.
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

/** A correctness test's first attempt gets this many times its CPU limit in wall time. */
export const FIRST_ATTEMPT_FACTOR = 1.2;
/** A retry gets the wall time its CPU limit needs at the CPU share the last attempt had, times this. */
export const RETRY_HEADROOM = 1.25;

type TimedTest = Pick<ProblemTest, 'cpuLimitMs'>;

/** The CPU time a test may use: a performance test's calibrated limit, else the problem's `timeMs`. */
export function testCpuLimitMs(problem: Pick<Problem, 'limits'>, test: TimedTest): number {
  return test.cpuLimitMs ?? problem.limits.timeMs;
}

/** The wall-clock backstop of one attempt of a test: no attempt runs longer. */
export function testTimeoutMs(problem: Pick<Problem, 'limits'>, test: TimedTest): number {
  return wallBackstopMs(testCpuLimitMs(problem, test));
}

/** The wall clock of a test's first attempt (the isolate's timeout and the pool's watchdog). */
export function firstAttemptWallMs(problem: Pick<Problem, 'limits'>, test: TimedTest): number {
  const backstop = testTimeoutMs(problem, test);
  if (test.cpuLimitMs !== undefined) return backstop;
  return Math.min(backstop, Math.ceil(FIRST_ATTEMPT_FACTOR * testCpuLimitMs(problem, test)));
}

/**
 * After attempts that used `spentWallMs` of wall time in all, the last of `wallMs` having run
 * out of it with `cpuMs` of CPU: the wall clock of the next attempt, or null when the verdict
 * is known (over the CPU limit, the backstop spent, or no CPU time measured). The backstop bounds
 * the attempts together, so no test holds a sandbox longer; each retry gets at least twice the
 * last one's wall time, so a test has a handful of attempts at most.
 */
export function retryWallMs(
  problem: Pick<Problem, 'limits'>,
  test: TimedTest,
  wallMs: number,
  cpuMs: number | undefined,
  spentWallMs = wallMs,
): number | null {
  const limit = testCpuLimitMs(problem, test);
  const left = testTimeoutMs(problem, test) - spentWallMs;
  if (cpuMs === undefined || cpuMs >= limit || left < 2 * wallMs) return null;
  const share = Math.max(cpuMs, 1) / wallMs;
  return Math.min(left, Math.max(2 * wallMs, Math.ceil((RETRY_HEADROOM * limit) / share)));
}

/**
 * Runs a test in attempts until its verdict is known (see the top of this file). `attempt(wallMs)`
 * runs the test once from scratch with that wall-clock timeout; `retrying(wallMs)` is told before
 * each retry (the sandbox child reloads its engine there and re-arms the pool's watchdog).
 * `remeasure`: a performance test that finished a little over its limit runs again (see
 * REMEASURE_FACTOR). Only a candidate's submission asks for it (Submission.singleRun unset):
 * calibration, materialization and the bank's validation measure each run once, so a "slow"
 * reference solution must fail on one run, as it always did.
 */
export function runAttempts<X extends { kind: string; cpuMs?: number; timeMs?: number }>(
  problem: Pick<Problem, 'limits'>,
  test: TimedTest,
  attempt: (wallMs: number) => X,
  retrying: (wallMs: number) => void = () => undefined,
  remeasure = false,
): X {
  let wallMs = firstAttemptWallMs(problem, test);
  let spent = 0;
  let best: X | undefined;
  let remeasured = 0;
  for (;;) {
    const x = attempt(wallMs);
    if (x.kind === 'timeout') {
      if (best) return best; // a re-measure that ran out of the backstop: the earlier run stands
      spent += wallMs;
      const next = retryWallMs(problem, test, wallMs, x.cpuMs, spent);
      if (next === null) return x;
      retrying(next);
      wallMs = next;
      continue;
    }
    if (!best || (x.cpuMs ?? Infinity) < (best.cpuMs ?? Infinity)) best = x;
    if (!remeasure || (x.kind !== 'value' && x.kind !== 'done')) return best;
    const lastWallMs = x.timeMs ?? wallMs;
    spent += lastWallMs;
    const next = remeasureWallMs(problem, test, best.cpuMs, lastWallMs, spent, remeasured);
    if (next === null) return best;
    remeasured++;
    retrying(next);
    wallMs = next;
  }
}

/**
 * A calibrated performance test that finished over its CPU limit by at most this factor is run
 * again, up to REMEASURE_RUNS more times, and judged on its least CPU time. On a loaded machine
 * the same run's CPU time spreads (caches and memory bandwidth shared with the other core,
 * garbage collection): in a 10,000-submission `npm run chaos` (2026-12-02) a correct
 * reconcile-ledgers solution used 121 ms of CPU at the median on its 40,000-payment test, 189 ms
 * at p99, and 17 of its 2,500 runs went over the 201 ms limit (202-266 ms), each
 * TIME_LIMIT_EXCEEDED where `npm run judge` on a quiet machine said ACCEPTED. Code well over the
 * limit (a slower algorithm) is not run again, nor is code stopped by the clock.
 */
export const REMEASURE_FACTOR = 1.5;
export const REMEASURE_RUNS = 2;

/**
 * After a run that finished with `cpuMs` (the least so far) of CPU in `lastWallMs`, `spentWallMs`
 * spent on the test in all and `remeasured` re-measures made: the wall clock of one more run, or
 * null when the verdict stands (within the limit, a correctness test, clearly over, the
 * re-measures spent, or not enough of the backstop left for a run as long as the last, twice).
 */
export function remeasureWallMs(
  problem: Pick<Problem, 'limits'>,
  test: TimedTest,
  cpuMs: number | undefined,
  lastWallMs: number,
  spentWallMs: number,
  remeasured: number,
): number | null {
  if (test.cpuLimitMs === undefined || cpuMs === undefined || remeasured >= REMEASURE_RUNS) return null;
  if (cpuMs <= test.cpuLimitMs || cpuMs > REMEASURE_FACTOR * test.cpuLimitMs) return null;
  const left = testTimeoutMs(problem, test) - spentWallMs;
  return left >= 2 * lastWallMs ? left : null;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `n = 100000, m = 50`: a generated test's size, from its generate params (the seed left out). */
export function describeSize(params: Record<string, JsonValue> | undefined): string | undefined {
  if (!params) return undefined;
  const parts = Object.entries(params).flatMap(([k, v]) => (k !== 'seed' && (typeof v === 'number' || typeof v === 'string') ? [`${k} = ${v}`] : []));
  return parts.length ? parts.join(', ') : undefined;
}
