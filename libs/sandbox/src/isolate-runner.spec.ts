import { harnessCacheStats, IsolateRunner, primeHarnessCache } from './isolate-runner';

describe("the harness's code cache", () => {
  const config = { mode: 'function' as const, entryPoint: 'add', timeMs: 1000, memoryMb: 32, outputKb: 4, resultKb: 4 };

  it('holds the inner functions the harness ran, and every new isolate accepts it and judges as before', () => {
    const before = harnessCacheStats();
    primeHarnessCache();
    const primed = harnessCacheStats();
    // The top level alone is ~2 KB; the functions compiled while it ran take it past 4 KB.
    expect(primed.bytes).toBeGreaterThan(4096);
    for (let i = 0; i < 3; i++) {
      const runner = new IsolateRunner('function add(a, b) { return a + b; }', config);
      try {
        expect(runner.syntaxCheck()).toBeNull();
        expect(runner.run({ argsJson: JSON.stringify([i, 2]), seed: 1 })).toMatchObject({ kind: 'value', json: String(i + 2) });
        // A candidate's exception still stays inside (the harness's try/catch came from the cache).
        const thrower = new IsolateRunner('function add() { throw new Proxy({}, {}); }', config);
        try {
          expect(thrower.run({ argsJson: '[]', seed: 1 }).kind).toBe('error');
        } finally {
          thrower.dispose();
        }
      } finally {
        runner.dispose();
      }
    }
    expect(harnessCacheStats().rejected).toBe(before.rejected);
  });
});
