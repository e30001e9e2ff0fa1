import { firstAttemptWallMs, REMEASURE_RUNS, remeasureWallMs, retryWallMs, runAttempts, testCpuLimitMs, testTimeoutMs } from './performance';

// A correctness test of a 1000 ms problem, and a calibrated performance test of 100 ms of CPU.
const problem = { limits: { timeMs: 1000, memoryMb: 32, outputKb: 64, resultKb: 64, sourceKb: 64 } };
const correctness = {};
const perf = { cpuLimitMs: 100 };

describe('judging on CPU time with a wall backstop', () => {
  it('gives a correctness test the problem time as CPU, a little more wall at first, and the backstop at most', () => {
    expect(testCpuLimitMs(problem, correctness)).toBe(1000);
    expect(firstAttemptWallMs(problem, correctness)).toBe(1200);
    expect(testTimeoutMs(problem, correctness)).toBe(12_000);
    // A calibrated performance test runs once, on its backstop.
    expect(firstAttemptWallMs(problem, perf)).toBe(testTimeoutMs(problem, perf));
    expect(retryWallMs(problem, perf, testTimeoutMs(problem, perf), 10)).toBeNull();
  });

  it('stops at once when the attempt used its CPU (an infinite loop on a quiet machine)', () => {
    const walls: number[] = [];
    const x = runAttempts(problem, correctness, (wallMs) => {
      walls.push(wallMs);
      return { kind: 'timeout', cpuMs: wallMs - 5 };
    });
    expect(x.kind).toBe('timeout');
    expect(walls).toEqual([1200]);
  });

  it('runs again with the wall time its CPU share needs when the machine was busy, and accepts what finishes', () => {
    // At a 1/15 share the 1.2 s attempt got 80 ms of CPU; a solution needing 100 ms then finishes.
    const walls: number[] = [];
    const x = runAttempts(problem, correctness, (wallMs) => {
      walls.push(wallMs);
      const cpuMs = wallMs / 15;
      return cpuMs >= 100 ? { kind: 'value', cpuMs: 100 } : { kind: 'timeout', cpuMs };
    });
    expect(x).toEqual({ kind: 'value', cpuMs: 100 });
    expect(walls).toEqual([1200, 10_800]);
  });

  it('gives up at the backstop for code that waits without computing', () => {
    const walls: number[] = [];
    const retried: number[] = [];
    const x = runAttempts(
      problem,
      correctness,
      (wallMs) => {
        walls.push(wallMs);
        return { kind: 'timeout', cpuMs: 3 };
      },
      (wallMs) => retried.push(wallMs),
    );
    expect(x.kind).toBe('timeout');
    // The attempts together stay within the 12 s backstop.
    expect(walls).toEqual([1200, 10_800]);
    expect(retried).toEqual([10_800]);
  });

  it('doubles the wall time at least, so a test has a handful of attempts', () => {
    // 900 ms of CPU in 1200 ms: 1.25 x 1000 / 0.75 = 1667, but at least 2 x 1200.
    expect(retryWallMs(problem, correctness, 1200, 900)).toBe(2400);
    expect(retryWallMs(problem, correctness, 1200, 1000)).toBeNull();
    expect(retryWallMs(problem, correctness, 1200, undefined)).toBeNull();
    // Left of the backstop after 1200 + 2400 ms: 8400; a retry needs twice the last attempt.
    expect(retryWallMs(problem, correctness, 2400, 900, 3600)).toBe(4800);
    expect(retryWallMs(problem, correctness, 4800, 900, 8400)).toBeNull();
  });

  it('measures a performance test again when it finished a little over its limit, and judges its least CPU time', () => {
    // The backstop of a 100 ms test: 10 x 100 + 2000 = 3000 ms. A load spike: 130 ms, then 95 ms.
    const cpu = [130, 95];
    const walls: number[] = [];
    const retried: number[] = [];
    const x = runAttempts(
      problem,
      perf,
      (wallMs) => {
        walls.push(wallMs);
        return { kind: 'value', cpuMs: cpu[walls.length - 1], timeMs: 400 };
      },
      (wallMs) => retried.push(wallMs),
      true,
    );
    expect(x).toEqual({ kind: 'value', cpuMs: 95, timeMs: 400 });
    expect(walls).toEqual([3000, 2600]);
    expect(retried).toEqual([2600]);
  });

  it('keeps TIME_LIMIT_EXCEEDED for code over its limit every time, after REMEASURE_RUNS more runs at most', () => {
    const cpu = [140, 120, 135];
    const walls: number[] = [];
    const x = runAttempts(
      problem,
      perf,
      (wallMs) => {
        walls.push(wallMs);
        return { kind: 'value', cpuMs: cpu[walls.length - 1], timeMs: 300 };
      },
      undefined,
      true,
    );
    expect(walls).toHaveLength(1 + REMEASURE_RUNS);
    expect(x.cpuMs).toBe(120); // still over 100: evaluate() says TIME_LIMIT_EXCEEDED
  });

  it('does not measure again code well over its limit, a correctness test, an error, or past the backstop', () => {
    let runs = 0;
    runAttempts(problem, perf, () => (runs++, { kind: 'value', cpuMs: 400, timeMs: 500 }), undefined, true);
    expect(runs).toBe(1); // a slower algorithm, not noise
    runs = 0;
    runAttempts(problem, correctness, () => (runs++, { kind: 'value', cpuMs: 1100, timeMs: 1150 }), undefined, true);
    expect(runs).toBe(1);
    runs = 0;
    runAttempts(problem, perf, () => (runs++, { kind: 'error', cpuMs: 120, timeMs: 200 }), undefined, true);
    expect(runs).toBe(1);
    // Not asked to (calibration, materialization, the bank's validation: Submission.singleRun).
    runs = 0;
    runAttempts(problem, perf, () => (runs++, { kind: 'value', cpuMs: 120, timeMs: 200 }));
    expect(runs).toBe(1);
    // 3000 ms of backstop: after a run of 1600 ms, 1400 are left, under twice the last run.
    expect(remeasureWallMs(problem, perf, 120, 1600, 1600, 0)).toBeNull();
    expect(remeasureWallMs(problem, perf, 120, 1000, 1000, 0)).toBe(2000);
    expect(remeasureWallMs(problem, perf, 120, 300, 300, REMEASURE_RUNS)).toBeNull();
    expect(remeasureWallMs(problem, perf, 100, 300, 300, 0)).toBeNull();
  });

  it('keeps the finished run when a re-measure runs out of the clock', () => {
    const x = runAttempts(
      problem,
      perf,
      (wallMs) => (wallMs === 3000 ? { kind: 'value', cpuMs: 110, timeMs: 500 } : { kind: 'timeout', cpuMs: 2400 }),
      undefined,
      true,
    );
    expect(x).toEqual({ kind: 'value', cpuMs: 110, timeMs: 500 });
  });
});
