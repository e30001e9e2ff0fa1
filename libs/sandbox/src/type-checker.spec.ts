/**
 * The TypeScript type check is bounded and never holds a sandbox: a type-check bomb (recursive
 * conditional types that keep the checker busy for a minute and more) is stopped at its budget on
 * a thread of its own, while the sandbox judges the next submission.
 */
import { compileSource } from './compile';
import { Judge } from './judge';
import { loadProblem } from './problem.schema';
import { skippedWarning, TypeChecker } from './type-checker';

/** `n` statements of types the checker takes seconds each to resolve (20 of them: 77 s unbounded, measured). */
export function typeCheckBomb(n: number): string {
  const statements = Array.from(
    { length: n },
    (_, i) => `type L${i}<T, N extends unknown[] = []> = N['length'] extends 900 ? T : L${i}<{ a: T; b: T }, [...N, ${i}]>;
type R${i}<T> = T extends { a: infer A } ? R${i}<A> : T;
const v${i}: R${i}<L${i}<number>> = 1;`,
  );
  return `${statements.join('\n')}\nfunction solve(a: number): number { return a; }\n`;
}

const echo = loadProblem({
  slug: 'echo',
  title: 'Echo',
  mode: 'function',
  entryPoint: 'solve',
  limits: { timeMs: 1000, memoryMb: 32 },
  tests: [
    { name: 'one', args: [1], expected: 1, hidden: false },
    { name: 'two', args: [2], expected: 2 },
  ],
});

// The bombs below must meet their time budget, not the thread's heap limit: a thread that reaches
// its limit makes V8 print its GC trace on the process's stderr, and Jest takes "Last few GCs" on a
// worker's stderr for the worker itself running out of memory and kills it (with whatever suite it
// runs next). At the default 256 MB a 20-level bomb came within reach of the limit in 2.5 s on a
// loaded machine; 2 GB keeps it out of reach for the budgets here.
const ROOMY_HEAP_MB = 2048;

describe('TypeChecker', () => {
  const checker = new TypeChecker({ threads: 1, budgetMs: 2000, memoryMb: ROOMY_HEAP_MB });
  afterAll(() => checker.close());

  it('reports type errors of normal code as warnings', async () => {
    expect(await checker.check('const label: string = 42;\nexport function solve(a: number): number { return a; }\n')).toEqual([
      "1:7 Type 'number' is not assignable to type 'string'.",
    ]);
    expect(await checker.check('export function solve(a: number): number { return a; }\n')).toEqual([]);
  });

  it('answers the syntax first, as the sandbox child would, then the type warnings', async () => {
    const bad = checker.checkWithSyntax('function twoSum(nums: number[] {\n  return [0, 1];\n}');
    expect(await bad.syntax).toEqual({ error: { message: "SyntaxError: ',' expected.", line: 1, column: 32 }, module: false });
    expect(await bad.warnings).toEqual([]);
    expect(await compileSource('typescript', 'function twoSum(nums: number[] {\n  return [0, 1];\n}')).toEqual({ ok: false, error: (await bad.syntax)!.error });

    const script = checker.checkWithSyntax('const label: string = 42;\nfunction solve(a: number): number { return a; }\n');
    expect(await script.syntax).toEqual({ error: null, module: false });
    expect(await script.warnings).toEqual(["1:7 Type 'number' is not assignable to type 'string'."]);
    const module = checker.checkWithSyntax('export function solve(a: number): number { return a; }\n');
    expect(await module.syntax).toEqual({ error: null, module: true });
    expect(await module.warnings).toEqual([]);
  });

  it('says it does not know the syntax when it cannot answer, so the sandbox checks it', async () => {
    const closed = new TypeChecker({ threads: 1 });
    await closed.close();
    const c = closed.checkWithSyntax('function solve(a: number): number { return a; }');
    expect(await c.syntax).toBeNull();
    expect(await c.warnings).toEqual([skippedWarning('the judge is closing')]);
    // A thread that cannot take the source in time: no syntax, one warning.
    const hurried = new TypeChecker({ threads: 1, budgetMs: 1 });
    try {
      const h = hurried.checkWithSyntax(`${'const a: number = 1;\n'.repeat(20_000)}function solve(a: number): number { return a; }`);
      expect(await h.syntax).toBeNull();
      expect(await h.warnings).toEqual([skippedWarning('it took longer than 1 ms')]);
    } finally {
      await hurried.close();
    }
  });

  it('stops a type-check bomb at its budget, then checks the next source on a fresh thread', async () => {
    const started = performance.now();
    expect(await checker.check(typeCheckBomb(20))).toEqual([skippedWarning('it took longer than 2000 ms')]);
    const took = performance.now() - started;
    // The budget is a libuv timer, timed from the loop's cached clock, which can lag
    // performance.now() by a little: CI read 1999.8 ms once.
    expect(took).toBeGreaterThanOrEqual(1990);
    expect(took).toBeLessThan(4500);
    // The thread that ran it is gone; the next check gets a new one and is not affected.
    expect(await checker.check('let n: number = "x";')).toEqual(["1:5 Type 'string' is not assignable to type 'number'."]);
  });
});

describe('Judge with a type-check bomb', () => {
  // One sandbox: if the check ran in it, the JavaScript submission would wait for the whole budget.
  const judge = new Judge({ size: 1, typeCheckBudgetMs: 1500, typeCheckMemoryMb: ROOMY_HEAP_MB });
  afterAll(() => judge.close());

  it('frees the sandbox when the tests are done: the next submission is judged while the bomb is still being checked', async () => {
    // Warm the child (first isolate, TypeScript's parser) and the checker thread (TypeScript and
    // its lib files), so the timings below measure the type check alone.
    const warm = await judge.judge({ problem: echo, language: 'typescript', source: 'function solve(a: number): number { return a; }' });
    expect(warm).toMatchObject({ verdict: 'ACCEPTED', warnings: [] });
    const started = performance.now();
    const ended: string[] = [];
    const bomb = judge.judge({ problem: echo, language: 'typescript', source: typeCheckBomb(20) }).then((r) => {
      ended.push('bomb');
      return { r, at: performance.now() - started };
    });
    // Queued behind the bomb on the one sandbox.
    const next = judge.judge({ problem: echo, language: 'javascript', source: 'function solve(a) { return a; }' }).then((r) => {
      ended.push('next');
      return { r, at: performance.now() - started };
    });
    const [b, n] = await Promise.all([bomb, next]);
    expect(ended).toEqual(['next', 'bomb']);
    expect(n.r.verdict).toBe('ACCEPTED');
    expect(n.at).toBeLessThan(1500);
    // The bomb's own verdict is judged on its tests; the check it could not finish is one warning.
    expect(b.r).toMatchObject({ verdict: 'ACCEPTED', score: 1, warnings: [skippedWarning('it took longer than 1500 ms')] });
    expect(b.at).toBeLessThan(1500 + 2000);
  });
});
