import { firstAttemptWallMs, retryWallMs, runAttempts, testCpuLimitMs, testTimeoutMs } from './performance';

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
});
