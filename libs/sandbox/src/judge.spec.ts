/**
 * The engine end to end through the pool: both modes, every checker, both languages, async
 * solutions, every way of declaring the entry point, seeded randomness, isolation of tests.
 */
import { Judge } from './judge';
import type { JudgeResult, Language, TestResult } from './judge.types';
import { loadProblem, Problem, ProblemInput } from './problem.schema';
import { compilersFor, SandboxPool } from './sandbox-pool';

const twoSum = loadProblem({
  slug: 'two-sum',
  title: 'Two Sum',
  mode: 'function',
  entryPoint: 'twoSum',
  limits: { timeMs: 1000, memoryMb: 32 },
  tests: [
    { name: 'example 1', args: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false },
    { name: 'example 2', args: [[3, 2, 4], 6], expected: [1, 2], hidden: false },
    { name: 'negatives', args: [[-3, 4, 3, 90], 0], expected: [0, 2], category: 'edge cases' },
    // Even numbers and a single odd one: exactly one pair reaches an odd target.
    {
      name: 'large',
      args: [[...Array.from({ length: 2000 }, (_, i) => i * 2), 1], 1401],
      expected: [700, 2000],
      weight: 2,
      category: 'large input',
    },
  ],
});

const TWO_SUM_JS = `function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return null;
}`;

const sumLines = loadProblem({
  slug: 'sum-lines',
  title: 'Sum each line',
  mode: 'stdio',
  limits: { timeMs: 1000, memoryMb: 32 },
  tests: [
    { name: 'two lines', stdin: '1 2\n3 4\n', expected: '3\n7\n', hidden: false },
    { name: 'crlf and no final newline', stdin: '5 5\r\n10 -1', expected: '10\n9\n', hidden: false },
    { name: 'hidden one', stdin: '100 200\n', expected: '300\n' },
  ],
});

function fnProblem(tests: ProblemInput['tests'], over: Partial<ProblemInput> = {}): Problem {
  return loadProblem({
    slug: 'p',
    title: 'P',
    mode: 'function',
    entryPoint: 'solve',
    limits: { timeMs: 1000, memoryMb: 32 },
    tests,
    ...over,
  });
}

const statuses = (r: JudgeResult) => r.tests.map((t) => t.status);

describe('Judge', () => {
  let judge: Judge;

  beforeAll(() => {
    judge = new Judge({ size: 2 });
  });

  afterAll(async () => {
    await judge.close();
  });

  const run = (problem: Problem, source: string, language: Language = 'javascript') => judge.judge({ problem, language, source });

  describe('function mode', () => {
    it('accepts a correct solution and reports every test in file order', async () => {
      const r = await run(twoSum, TWO_SUM_JS);
      expect(r).toMatchObject({ verdict: 'ACCEPTED', score: 1, passed: 4, total: 4, compileError: null, warnings: [] });
      expect(r.tests.map((t) => t.name)).toEqual(['example 1', 'example 2', 'negatives', 'large']);
      expect(r.tests[0]).toMatchObject({ status: 'ACCEPTED', hidden: false, actual: [0, 1] });
      expect(r.tests[3]).toMatchObject({ category: 'large input', weight: 2 });
      for (const t of r.tests) {
        expect(t.timeMs).toBeGreaterThanOrEqual(0);
        expect(t.memoryBytes).toBeGreaterThan(0);
      }
    });

    it('never shows actual, output or message of hidden tests', async () => {
      const r = await run(
        twoSum,
        'function twoSum(nums, target) { console.log("input", nums); if (nums.length > 100) throw new Error("secret " + target); return [1, 0]; }',
      );
      expect(statuses(r)).toEqual(['WRONG_ANSWER', 'WRONG_ANSWER', 'WRONG_ANSWER', 'RUNTIME_ERROR']);
      expect(r.tests[0]).toMatchObject({ actual: [1, 0], output: 'input [2,7,11,15]\n' });
      for (const t of r.tests.filter((x) => x.hidden)) {
        expect(Object.keys(t).sort()).toEqual(expect.arrayContaining(['hidden', 'name', 'status', 'timeMs', 'weight']));
        expect(t).not.toHaveProperty('actual');
        expect(t).not.toHaveProperty('output');
        expect(t).not.toHaveProperty('message');
        expect(JSON.stringify(t)).not.toMatch(/secret|1401|\[2,7|input \[/);
      }
    });

    it('takes the verdict from the first failing test and scores by weight', async () => {
      const r = await run(
        twoSum,
        'function twoSum(nums, target) { if (nums.length > 100) for (;;) {} return nums[0] === 3 ? [2, 1] : [0, 1]; }',
      );
      expect(statuses(r)).toEqual(['ACCEPTED', 'WRONG_ANSWER', 'WRONG_ANSWER', 'TIME_LIMIT_EXCEEDED']);
      expect(r).toMatchObject({ verdict: 'WRONG_ANSWER', passed: 1, total: 4, score: 0.2 });
    });

    it('reports runtime errors with the position in the source on visible tests', async () => {
      const r = await run(twoSum, 'function helper(x) {\n  return x.missing.field;\n}\nfunction twoSum(nums) {\n  return helper(nums);\n}');
      expect(r.verdict).toBe('RUNTIME_ERROR');
      expect(r.tests[0].message).toBe("TypeError: Cannot read properties of undefined (reading 'field') (line 2, column 20)");
    });

    it('says so when the entry point is missing', async () => {
      const r = await run(twoSum, 'function twoSums() {}');
      expect(r.verdict).toBe('RUNTIME_ERROR');
      expect(r.tests[0].message).toMatch(/^twoSum is not defined as a function/);
    });

    it.each([
      ['a function declaration', 'function solve(a, b) { return a + b; }'],
      ['a const arrow function', 'const solve = (a, b) => a + b;'],
      ['a let function expression', 'let solve = function (a, b) { return a + b; };'],
      ['a var', 'var solve = (a, b) => a + b;'],
      ['a class static method bound to a const', 'class S { static go(a, b) { return a + b; } }\nconst solve = S.go;'],
      ['a named export', 'export function solve(a, b) { return a + b; }'],
      ['an exported const', 'export const solve = (a, b) => a + b;'],
      ['a default export of an anonymous function', 'export default function (a, b) { return a + b; }'],
      ['a default export of an expression', 'const add = (a, b) => a + b;\nexport default add;'],
      ['an export list with a rename', 'const add = (a, b) => a + b;\nexport { add as solve };'],
      ['module.exports', 'module.exports = (a, b) => a + b;'],
      ['module.exports.solve', 'module.exports.solve = (a, b) => a + b;'],
    ])('finds the entry point declared as %s', async (_how, source) => {
      const r = await run(fnProblem([{ name: 't', args: [2, 3], expected: 5 }]), source);
      expect(r.verdict).toBe('ACCEPTED');
    });

    it('awaits async solutions, within the time limit', async () => {
      const p = fnProblem([{ name: 't', args: [2, 3], expected: 5, hidden: false }]);
      expect((await run(p, 'async function solve(a, b) { await null; await Promise.all([1, 2]); return a + b; }')).verdict).toBe(
        'ACCEPTED',
      );
      expect((await run(p, 'function solve(a, b) { return Promise.resolve().then(() => a + b); }')).verdict).toBe('ACCEPTED');
      expect((await run(p, 'function solve(a, b) { return { then(ok) { ok(a + b); } }; }')).verdict).toBe('ACCEPTED');
      const rejected = await run(p, "async function solve() { await null; throw new RangeError('nope'); }");
      expect(rejected.verdict).toBe('RUNTIME_ERROR');
      expect(rejected.tests[0].message).toMatch(/^RangeError: nope/);
    });

    it('calls the solution with a copy of the arguments, fresh for each test', async () => {
      const p = fnProblem([
        { name: 'a', args: [[1, 2, 3]], expected: 6 },
        { name: 'b', args: [[1, 2, 3]], expected: 6 },
      ]);
      const r = await run(p, 'function solve(xs) { const s = xs.reduce((a, b) => a + b, 0); xs.push(100); return s; }');
      expect(statuses(r)).toEqual(['ACCEPTED', 'ACCEPTED']);
    });

    it('seeds Math.random per test: the same values on every run, different ones across tests', async () => {
      const p = fnProblem(
        [
          { name: 'one', args: [], expected: 0, hidden: false },
          { name: 'two', args: [], expected: 0, hidden: false },
        ],
        { slug: 'random' },
      );
      const src = 'function solve() { return [Math.random(), Math.random()]; }';
      const a = await run(p, src);
      const b = await run(p, src);
      const other = new Judge({ size: 1 });
      const c = await other.judge({ problem: p, language: 'javascript', source: src });
      await other.close();
      const values = (r: JudgeResult) => r.tests.map((t) => t.actual as number[]);
      expect(values(a)).toEqual(values(b));
      expect(values(a)).toEqual(values(c));
      expect(values(a)[0]).not.toEqual(values(a)[1]);
      for (const v of values(a).flat()) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
    });

    it('carries no state from one test to the next, so order does not matter', async () => {
      const tests = [
        { name: 'first', args: [1], expected: 1 },
        { name: 'second', args: [2], expected: 2 },
        { name: 'third', args: [3], expected: 3 },
      ];
      const src = `let calls = 0;
        function solve(x) {
          calls++;
          globalThis.count = (globalThis.count || 0) + 1;
          Array.prototype.extra = 1;
          return calls === 1 && globalThis.count === 1 && [].extra === 1 ? x : -1;
        }`;
      const forward = await run(fnProblem(tests), src);
      const backward = await run(fnProblem([...tests].reverse()), src);
      expect(statuses(forward)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
      expect(statuses(backward)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    });

    it('judges the same code the same way twice', async () => {
      const src = 'function twoSum(nums, t) { return nums.length > 3 ? [0, 1] : [1, 2]; }';
      const a = await run(twoSum, src);
      const b = await run(twoSum, src);
      const strip = (r: JudgeResult) => ({ ...r, tests: r.tests.map(({ timeMs: _t, cpuMs: _c, memoryBytes: _m, ...rest }) => rest) });
      expect(strip(a)).toEqual(strip(b));
    });
  });

  describe('checkers through the engine', () => {
    it('unordered accepts any order of the top-level array', async () => {
      const p = fnProblem([{ name: 't', args: [], expected: [[1, 2], [3], []] }], { checker: { type: 'unordered' } });
      expect((await run(p, 'const solve = () => [[], [3], [1, 2]];')).verdict).toBe('ACCEPTED');
      expect((await run(p, 'const solve = () => [[], [3], [2, 1]];')).verdict).toBe('WRONG_ANSWER');
    });

    it('float accepts values within epsilon', async () => {
      const p = fnProblem([{ name: 't', args: [], expected: [0.3, 1000] }], { checker: { type: 'float', epsilon: 1e-6 } });
      expect((await run(p, 'const solve = () => [0.1 + 0.2, 1000.0005];')).verdict).toBe('ACCEPTED');
      expect((await run(p, 'const solve = () => [0.31, 1000];')).verdict).toBe('WRONG_ANSWER');
    });

    it('tokens compares returned strings token by token', async () => {
      const p = fnProblem([{ name: 't', args: [], expected: 'a b c' }], { checker: { type: 'tokens' } });
      expect((await run(p, "const solve = () => ' a\\nb   c ';")).verdict).toBe('ACCEPTED');
      expect((await run(p, "const solve = () => 'a bc';")).verdict).toBe('WRONG_ANSWER');
    });

    it('stdio checkers: exact, unordered, float, tokens', async () => {
      const base = { slug: 's', title: 'S', mode: 'stdio' as const, limits: { timeMs: 1000, memoryMb: 32 } };
      const mk = (checker: ProblemInput['checker'], expected: string) =>
        loadProblem({ ...base, checker, tests: [{ name: 't', stdin: '', expected }] });
      expect((await run(mk({ type: 'exact' }, 'a b\nc\n'), "print('a b   '); print('c'); print('');")).verdict).toBe('ACCEPTED');
      expect((await run(mk({ type: 'exact' }, 'a b\nc\n'), "print('a  b'); print('c');")).verdict).toBe('WRONG_ANSWER');
      expect((await run(mk({ type: 'unordered' }, 'x\ny\n'), "print('y'); print('x');")).verdict).toBe('ACCEPTED');
      expect((await run(mk({ type: 'float', epsilon: 1e-3 }, '3.1416 ok\n'), "print(Math.PI.toFixed(3), 'ok');")).verdict).toBe('ACCEPTED');
      expect((await run(mk({ type: 'tokens' }, '1 2 3'), 'print(1); print(2); print(3);')).verdict).toBe('ACCEPTED');
    });
  });

  describe('stdio mode', () => {
    it('reads with readline() and writes with print and console.log', async () => {
      const src = `let line;
        while ((line = readline()) !== undefined) {
          const [a, b] = line.split(' ').map(Number);
          console.log(a + b);
        }`;
      const r = await run(sumLines, src);
      expect(r).toMatchObject({ verdict: 'ACCEPTED', passed: 3 });
      expect(r.tests[0]).toMatchObject({ output: '3\n7\n' });
      expect(r.tests[2]).not.toHaveProperty('output');
    });

    it('exposes the whole input as the global `input`', async () => {
      const src = "for (const l of input.trim().split(/\\r?\\n/)) { const [a, b] = l.split(' ').map(Number); print(a + b); }";
      expect((await run(sumLines, src)).verdict).toBe('ACCEPTED');
    });

    it('readline returns undefined at the end, and lines without \\r', async () => {
      const p = loadProblem({
        slug: 'r',
        title: 'R',
        mode: 'stdio',
        tests: [{ name: 't', stdin: 'a\r\n\nb\n', expected: '["a","","b",null]', hidden: false }],
      });
      const r = await run(p, 'print(JSON.stringify([readline(), readline(), readline(), readline() ?? null]));');
      expect(r.verdict).toBe('ACCEPTED');
    });

    it('collects output printed by async code before judging it', async () => {
      const src = 'async function main() { await null; await null; print(3); print(7); print(300); } main();';
      const r = await run(sumLines, src);
      expect(r.tests[0].output).toBe('3\n7\n300\n');
    });

    it('reports a runtime error with what was printed so far', async () => {
      const r = await run(sumLines, "print('partial');\nnull.x;");
      expect(r.verdict).toBe('RUNTIME_ERROR');
      expect(r.tests[0]).toMatchObject({
        output: 'partial\n',
        message: "TypeError: Cannot read properties of null (reading 'x') (line 2, column 6)",
      });
    });
  });

  describe('TypeScript', () => {
    it('is transpiled on the host and judged like JavaScript', async () => {
      const src = `type Pair = [number, number];
        export function twoSum(nums: number[], target: number): Pair | null {
          const seen = new Map<number, number>();
          for (let i = 0; i < nums.length; i++) {
            const j = seen.get(target - nums[i]);
            if (j !== undefined) return [j, i];
            seen.set(nums[i], i);
          }
          return null;
        }`;
      const r = await run(twoSum, src, 'typescript');
      expect(r).toMatchObject({ verdict: 'ACCEPTED', warnings: [] });
    });

    it('reports type errors as warnings that do not fail the submission', async () => {
      const src =
        'function twoSum(nums: number[], target: number): number[] {\n  const label: string = 42;\n  return nums[0] === 3 ? [1, 2] : [0, 1];\n}';
      const r = await run(twoSum, src, 'typescript');
      expect(r.verdict).toBe('WRONG_ANSWER');
      expect(r.tests[0].status).toBe('ACCEPTED');
      expect(r.warnings).toEqual(["2:9 Type 'number' is not assignable to type 'string'."]);
    });

    it('reports syntax errors as COMPILE_ERROR with line and column', async () => {
      const r = await run(twoSum, 'function twoSum(nums: number[] {\n  return [0, 1];\n}', 'typescript');
      expect(r).toMatchObject({ verdict: 'COMPILE_ERROR', score: 0, passed: 0, total: 4, tests: [] });
      expect(r.compileError).toEqual({ message: "SyntaxError: ',' expected.", line: 1, column: 32 });
    });

    it('works in stdio mode with the sandbox globals typed', async () => {
      const src =
        'let line: string | undefined;\nwhile ((line = readline()) !== undefined) {\n  const [a, b] = line.split(" ").map(Number);\n  print(a + b);\n}';
      const r = await run(sumLines, src, 'typescript');
      expect(r).toMatchObject({ verdict: 'ACCEPTED', warnings: [] });
    });
  });

  describe('JavaScript syntax errors', () => {
    it('are COMPILE_ERROR with line and column', async () => {
      const r = await run(twoSum, 'function twoSum(nums) {\n  return [0, 1]\n}}\n');
      expect(r.verdict).toBe('COMPILE_ERROR');
      expect(r.compileError).toEqual({ message: "SyntaxError: Unexpected token '}'", line: 3, column: 2 });
    });

    it('include early errors V8 finds', async () => {
      const r = await run(twoSum, 'let a = 1;\nlet a = 2;\nfunction twoSum() {}');
      expect(r.compileError).toEqual({ message: "SyntaxError: Identifier 'a' has already been declared", line: 2, column: 5 });
    });
  });

  describe('options', () => {
    it('visibleOnly judges the visible tests only', async () => {
      const r = await judge.judge({ problem: twoSum, language: 'javascript', source: TWO_SUM_JS, visibleOnly: true });
      expect(r).toMatchObject({ verdict: 'ACCEPTED', total: 2 });
      expect(r.tests.map((t) => t.name)).toEqual(['example 1', 'example 2']);
    });

    it('calls onTestResult for every test, in order, already redacted', async () => {
      const seen: Array<[number, TestResult]> = [];
      const r = await judge.judge({ problem: twoSum, language: 'javascript', source: TWO_SUM_JS }, (t, i) => seen.push([i, t]));
      expect(seen.map(([i]) => i)).toEqual([0, 1, 2, 3]);
      expect(seen.map(([, t]) => t)).toEqual(r.tests);
    });

    it('refuses a source over the size limit as a compile error', async () => {
      const r = await run(twoSum, `${' '.repeat(64 * 1024)}function twoSum() {}`);
      expect(r.verdict).toBe('COMPILE_ERROR');
      expect(r.compileError).toEqual({ message: 'the source is 65556 bytes; the limit is 65536 bytes', line: 1, column: 1 });
    });

    it('keeps judging right across more problems than a child caches', async () => {
      const single = new Judge({ size: 1 });
      try {
        const problems = Array.from({ length: 40 }, (_, i) =>
          fnProblem([{ name: 't', args: [i], expected: i * 2 }], { slug: `double-${i}` }),
        );
        for (const p of [...problems, ...problems.slice(0, 5)]) {
          expect((await single.judge({ problem: p, language: 'javascript', source: 'const solve = (x) => x * 2;' })).verdict).toBe(
            'ACCEPTED',
          );
        }
      } finally {
        await single.close();
      }
    });

    it('judges many submissions at once on the pool', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => run(twoSum, i % 3 === 0 ? 'function twoSum() { return [0, 1]; }' : TWO_SUM_JS)),
      );
      expect(results.map((r) => r.verdict)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'WRONG_ANSWER' : 'ACCEPTED')));
    });
  });

  describe('runCode (custom input)', () => {
    it('runs a function on custom arguments and shows the value', async () => {
      const r = await judge.runCode({ problem: twoSum, language: 'javascript', source: TWO_SUM_JS, input: { args: [[5, 5], 10] } });
      expect(r).toMatchObject({
        compileError: null,
        checked: false,
        result: { name: 'custom input', status: 'ACCEPTED', hidden: false, actual: [0, 1] },
      });
    });

    it('checks against an expected value when given one', async () => {
      const r = await judge.runCode({
        problem: twoSum,
        language: 'javascript',
        source: TWO_SUM_JS,
        input: { args: [[5, 5], 10] },
        expected: [1, 0],
      });
      expect(r).toMatchObject({ checked: true, result: { status: 'WRONG_ANSWER', actual: [0, 1] } });
    });

    it('runs a stdio program on custom input', async () => {
      const r = await judge.runCode({
        problem: sumLines,
        language: 'typescript',
        source: 'print(Number(readline()) * 2);',
        input: { stdin: '21\n' },
      });
      expect(r.result).toMatchObject({ status: 'ACCEPTED', output: '42\n' });
    });

    it('reports compile errors and refuses malformed input', async () => {
      const r = await judge.runCode({ problem: twoSum, language: 'javascript', source: 'function (', input: { args: [] } });
      expect(r).toMatchObject({ result: null, compileError: { line: 1 } });
      await expect(judge.runCode({ problem: twoSum, language: 'javascript', source: TWO_SUM_JS, input: { stdin: 'x' } })).rejects.toThrow(
        /needs args/,
      );
    });
  });

  it('never has the child load the TypeScript compiler: the type-check thread answers the syntax', async () => {
    const runs = jest.spyOn(SandboxPool.prototype, 'run');
    try {
      const bad = await run(twoSum, 'function twoSum(nums: number[] {\n  return [0, 1];\n}', 'typescript');
      expect(bad.compileError).toEqual({ message: "SyntaxError: ',' expected.", line: 1, column: 32 });
      // A syntax error is the verdict: no sandbox asked.
      expect(runs).not.toHaveBeenCalled();
      const script = await run(twoSum, 'function twoSum(nums: number[], t: number): number[] { return nums[0] === 3 ? [1, 2] : [0, 1]; }', 'typescript');
      const module = await run(twoSum, 'export function twoSum(nums: number[], t: number): number[] { return [0, 1]; }', 'typescript');
      expect([script.compileError, module.compileError]).toEqual([null, null]);
      expect(runs.mock.calls.map(([spec]) => spec.syntaxChecked)).toEqual([{ module: false }, { module: true }]);
      expect(runs.mock.calls.map(([spec]) => compilersFor(spec))).toEqual([['sucrase'], ['sucrase']]);
    } finally {
      runs.mockRestore();
    }
  });

  it("asks the child to measure a candidate's performance test again near its limit, and nothing else", async () => {
    // The child's side (which runs a test again, on what figures) is performance.spec.ts; here,
    // who asks for it: judge() does, judge({ singleRun }) (the bank's validation) and runTests
    // (calibration, materialization) do not.
    const runs = jest.spyOn(SandboxPool.prototype, 'run');
    try {
      await run(twoSum, TWO_SUM_JS);
      await judge.judge({ problem: twoSum, language: 'javascript', source: TWO_SUM_JS, singleRun: true });
      await judge.runTests(twoSum, 'javascript', TWO_SUM_JS, [0], { check: true });
      expect(runs.mock.calls.map(([spec]) => spec.remeasure)).toEqual([true, undefined, undefined]);
    } finally {
      runs.mockRestore();
    }
  });
});
