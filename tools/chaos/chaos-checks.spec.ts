import { backoffMs, classifyResponse, faultCounts, faultPlan, faultsPhaseSubmissions, inFault, mergeWindows, rate, rateInWindows, recoveryTimes, rng, Window } from './chaos-checks';

describe('chaos: the pure pieces', () => {
  it('backs off exponentially with full jitter, up to a cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 0.999))).toEqual([300, 599, 1199, 2398, 4795, 9590, 9990]);
    expect(backoffMs(100, 0.5)).toBe(5000);
    expect(backoffMs(3, 0)).toBe(0);
  });

  it("keeps the issue's fault density in a small run's faults phase", () => {
    // 10,000: 7,500 for 116 faults, unchanged. 1,000: 15 faults need 970, not the 750 left.
    expect(faultsPhaseSubmissions(7500, 116)).toBe(7500);
    expect(faultsPhaseSubmissions(750, 15)).toBe(970);
    expect(faultsPhaseSubmissions(365, 10)).toBe(647);
  });

  it('scales the issue counts with N, at least one of each kind', () => {
    expect(faultCounts(10_000)).toEqual({ 'worker-kill': 100, 'api-kill': 10, 'worker-stop': 1, 'redis-restart': 2, 'redis-flush-restart': 1, 'postgres-restart': 2 });
    expect(faultCounts(500)).toEqual({ 'worker-kill': 5, 'api-kill': 1, 'worker-stop': 1, 'redis-restart': 1, 'redis-flush-restart': 1, 'postgres-restart': 1 });
  });

  it('plans every fault once, spreads the heavy ones between worker kills, and never loses Redis data first', () => {
    for (let seed = 1; seed < 50; seed++) {
      const plan = faultPlan(faultCounts(10_000), rng(seed));
      expect(plan).toHaveLength(116);
      expect(plan.filter((k) => k === 'worker-kill')).toHaveLength(100);
      const heavy = plan.filter((k) => k !== 'worker-kill');
      expect(heavy[0]).not.toBe('redis-flush-restart');
      // No two heavy faults back to back: 16 heavy ones between 100 kills.
      for (let i = 1; i < plan.length; i++) expect(plan[i] !== 'worker-kill' && plan[i - 1] !== 'worker-kill').toBe(false);
    }
  });

  it('classifies answers: data, stable codes, internals and 500s', () => {
    expect(classifyResponse(200, '{"data":{"x":1}}')).toEqual({ kind: 'ok' });
    expect(classifyResponse(200, JSON.stringify({ errors: [{ message: 'briefly unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 1000 } }] }))).toEqual({
      kind: 'clean-error',
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(classifyResponse(200, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } }] }))).toMatchObject({ kind: 'clean-error', retryable: false });
    expect(classifyResponse(200, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).kind).toBe('unclean');
    expect(classifyResponse(200, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'NOT_FOUND', stacktrace: ['at y'] } }] })).kind).toBe('unclean');
    expect(classifyResponse(200, JSON.stringify({ errors: [{ message: 'connect ECONNREFUSED 127.0.0.1:5432', extensions: { code: 'BAD_USER_INPUT' } }] })).kind).toBe('unclean');
    expect(classifyResponse(500, '<html>Internal Server Error</html>').kind).toBe('unclean');
    expect(classifyResponse(502, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] })).kind).toBe('unclean');
  });

  it('measures recovery from each fault end to the next verdict, and rates inside windows', () => {
    const windows: Window[] = [
      { kind: 'postgres-restart', start: 1000, end: 3000 },
      { kind: 'postgres-restart', start: 9000, end: 9500 },
      { kind: 'api-kill', start: 2000, end: 4000 },
    ];
    const verdicts = [500, 3000, 3400, 5000, 8000];
    const r = recoveryTimes(windows, verdicts);
    expect(r.get('postgres-restart')).toEqual([400, NaN]);
    expect(r.get('api-kill')).toEqual([1000]);
    expect(mergeWindows(windows)).toEqual([
      { start: 1000, end: 4000 },
      { start: 9000, end: 9500 },
    ]);
    // 3000 and 3400 inside 3.5 s of windows.
    expect(rateInWindows(verdicts, windows)).toBeCloseTo(2 / 3.5);
    expect(rate(verdicts, 0, 10_000)).toBe(0.5);
    expect(inFault(4500, windows, 1000)).toBe(true);
    expect(inFault(5500, windows, 1000)).toBe(false);
  });
});
