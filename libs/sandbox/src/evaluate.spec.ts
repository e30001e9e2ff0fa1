import { describeError, evaluate, Execution, isMemoryError, redact, truncate } from './evaluate';
import type { TestResult } from './judge.types';
import { loadProblem } from './problem.schema';
import { summarize } from './verdict';

const fn = loadProblem({
  slug: 'p',
  title: 'P',
  mode: 'function',
  entryPoint: 'solve',
  limits: { timeMs: 1000, memoryMb: 32, outputKb: 1, resultKb: 1 },
  tests: [
    { name: 'visible', args: [], expected: [1, 2], hidden: false, category: 'examples' },
    { name: 'hidden', args: [], expected: [1, 2], weight: 3 },
  ],
});
const stdio = loadProblem({ slug: 's', title: 'S', mode: 'stdio', tests: [{ name: 'one', stdin: '', expected: 'ok\n', hidden: false }] });

const x = (over: Partial<Execution>): Execution => ({
  kind: 'value',
  json: '[1,2]',
  output: '',
  overflow: false,
  timeMs: 3.4,
  memoryBytes: 1000,
  ...over,
});

describe('evaluate', () => {
  it('accepts a right answer and shows the value on visible tests', () => {
    expect(evaluate(fn, fn.tests[0], x({ output: 'dbg\n' }))).toEqual({
      name: 'visible',
      category: 'examples',
      status: 'ACCEPTED',
      timeMs: 3,
      memoryBytes: 1000,
      hidden: false,
      weight: 1,
      actual: [1, 2],
      output: 'dbg\n',
    });
  });

  it('rejects a wrong answer', () => {
    expect(evaluate(fn, fn.tests[0], x({ json: '[2,1]' }))).toMatchObject({ status: 'WRONG_ANSWER', actual: [2, 1] });
  });

  it('puts the limits first: output, then memory, then time', () => {
    expect(evaluate(fn, fn.tests[0], x({ overflow: true, kind: 'timeout' })).status).toBe('OUTPUT_LIMIT_EXCEEDED');
    expect(evaluate(fn, fn.tests[0], x({ kind: 'memory' })).status).toBe('MEMORY_LIMIT_EXCEEDED');
    expect(evaluate(fn, fn.tests[0], x({ memoryBytes: 33 * 1024 * 1024 })).status).toBe('MEMORY_LIMIT_EXCEEDED');
    const tle = evaluate(fn, fn.tests[0], x({ kind: 'timeout', timeMs: 999.6 }));
    expect(tle).toMatchObject({ status: 'TIME_LIMIT_EXCEEDED', timeMs: 1000, message: 'ran longer than 1000 ms' });
    expect(evaluate(fn, fn.tests[0], x({ kind: 'pending', timeMs: 2 }))).toMatchObject({ status: 'TIME_LIMIT_EXCEEDED', timeMs: 1000 });
  });

  it('judges a correctness test on CPU time: the problem time is its CPU limit, wall time only the backstop', () => {
    // Finished after 3 s of wall time on a busy machine with 120 ms of CPU: accepted.
    expect(evaluate(fn, fn.tests[0], x({ timeMs: 3000, cpuMs: 120 })).status).toBe('ACCEPTED');
    // Finished, but over the CPU limit.
    expect(evaluate(fn, fn.tests[0], x({ timeMs: 1150, cpuMs: 1100 }))).toMatchObject({
      status: 'TIME_LIMIT_EXCEEDED',
      message: 'used 1100 ms of CPU; the limit is 1000 ms',
    });
    // Stopped having used its CPU, or at the backstop (12 s for 1 s) having waited.
    expect(evaluate(fn, fn.tests[0], x({ kind: 'timeout', timeMs: 1200, cpuMs: 1190 })).message).toBe('ran longer than 1000 ms');
    expect(evaluate(fn, fn.tests[0], x({ kind: 'timeout', timeMs: 12_000, cpuMs: 40 }))).toMatchObject({
      status: 'TIME_LIMIT_EXCEEDED',
      timeMs: 12_000,
      message: 'ran longer than 12000 ms of wall time, the backstop for code that waits (40 ms of CPU)',
    });
  });

  it('maps memory errors thrown inside the isolate to MEMORY_LIMIT_EXCEEDED, others to RUNTIME_ERROR with a position', () => {
    const oom = x({ kind: 'error', error: { phase: 'call', name: 'RangeError', message: 'Array buffer allocation failed', stack: '' } });
    expect(evaluate(fn, fn.tests[0], oom).status).toBe('MEMORY_LIMIT_EXCEEDED');
    const stack = "TypeError: Cannot read properties of null (reading 'x')\n    at g (solution.js:3:11)\n    at solve (solution.js:5:3)";
    const re = x({
      kind: 'error',
      error: { phase: 'call', name: 'TypeError', message: "Cannot read properties of null (reading 'x')", stack },
    });
    expect(evaluate(fn, fn.tests[0], re)).toMatchObject({
      status: 'RUNTIME_ERROR',
      message: "TypeError: Cannot read properties of null (reading 'x') (line 3, column 11)",
    });
    const overflow = x({
      kind: 'error',
      error: { phase: 'call', name: 'RangeError', message: 'Maximum call stack size exceeded', stack: '' },
    });
    expect(evaluate(fn, fn.tests[0], overflow).status).toBe('RUNTIME_ERROR');
  });

  it('explains a missing entry point, a non-JSON value and an oversized one', () => {
    expect(evaluate(fn, fn.tests[0], x({ kind: 'noentry' })).message).toMatch(/^solve is not defined as a function/);
    expect(evaluate(fn, fn.tests[0], x({ kind: 'nonjson', type: 'undefined' }))).toMatchObject({
      status: 'WRONG_ANSWER',
      message: 'returned undefined, which is not a JSON value',
    });
    expect(evaluate(fn, fn.tests[0], x({ kind: 'toolarge', size: 5000 }))).toMatchObject({
      status: 'OUTPUT_LIMIT_EXCEEDED',
      message: 'the returned value is 5000 characters of JSON, over the 1 KB limit',
    });
  });

  it('truncates what it shows of a large value', () => {
    const big = JSON.stringify(Array.from({ length: 3000 }, (_, i) => i));
    const r = evaluate(fn, fn.tests[0], x({ json: big }));
    expect(r.status).toBe('WRONG_ANSWER');
    expect(typeof r.actual).toBe('string');
    expect((r.actual as string).length).toBeLessThan(4200);
    expect(r.message).toMatch(/characters of JSON; showing the start/);
  });

  it('checks stdio output with the problem checker', () => {
    expect(evaluate(stdio, stdio.tests[0], x({ kind: 'done', output: 'ok  \n\n' })).status).toBe('ACCEPTED');
    expect(evaluate(stdio, stdio.tests[0], x({ kind: 'done', output: 'ko\n' }))).toMatchObject({ status: 'WRONG_ANSWER', output: 'ko\n' });
  });

  it('without an expected value (custom input) only reports how the code ran', () => {
    expect(evaluate(fn, fn.tests[0], x({ json: '"anything"' }), { check: false })).toMatchObject({
      status: 'ACCEPTED',
      actual: 'anything',
    });
    expect(evaluate(stdio, stdio.tests[0], x({ kind: 'done', output: 'whatever' }), { check: false }).status).toBe('ACCEPTED');
  });
});

describe('redact', () => {
  it('keeps only name, category, weight, status, time and memory of a hidden test', () => {
    const full = evaluate(fn, fn.tests[1], x({ json: '[9]', output: 'secret input was ...', kind: 'value' }));
    expect(full.actual).toEqual([9]);
    expect(redact(full)).toEqual({ name: 'hidden', status: 'WRONG_ANSWER', timeMs: 3, hidden: true, weight: 3, memoryBytes: 1000 });
    const err = evaluate(
      fn,
      fn.tests[1],
      x({ kind: 'error', error: { phase: 'call', name: 'Error', message: 'input was [1,2]', stack: '' } }),
    );
    expect(Object.keys(redact(err)).sort()).toEqual(['hidden', 'memoryBytes', 'name', 'status', 'timeMs', 'weight']);
  });

  it('leaves visible tests alone', () => {
    const r = evaluate(fn, fn.tests[0], x({}));
    expect(redact(r)).toBe(r);
  });
});

describe('helpers', () => {
  it('describeError and isMemoryError', () => {
    expect(describeError({ phase: 'call', name: '', message: 'boom', stack: '' })).toBe('boom');
    expect(describeError({ phase: 'call', name: 'Error', message: 'x', stack: 'Error: x\n    at solution.js:1:2' })).toBe(
      'Error: x (line 1, column 2)',
    );
    expect(isMemoryError({ phase: 'call', name: 'RangeError', message: 'Invalid string length', stack: '' })).toBe(true);
    expect(isMemoryError({ phase: 'call', name: 'RangeError', message: 'Invalid array length', stack: '' })).toBe(false);
    expect(isMemoryError({ phase: 'call', name: 'Error', message: 'Invalid string length', stack: '' })).toBe(false);
  });

  it('truncate marks what it cut', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdef', 3)).toBe('abc… [truncated, 6 characters]');
  });
});

describe('summarize', () => {
  const t = (status: TestResult['status'], weight = 1): TestResult => ({ name: status, status, timeMs: 1, hidden: true, weight });

  it('is ACCEPTED when every test is, with score 1', () => {
    expect(summarize([t('ACCEPTED'), t('ACCEPTED', 2)])).toEqual({
      verdict: 'ACCEPTED',
      score: 1,
      correctness: 1,
      performance: null,
      explanation: 'correct on all cases',
      passed: 2,
      total: 2,
    });
  });

  it('takes the status of the first failing test in file order', () => {
    expect(summarize([t('ACCEPTED'), t('TIME_LIMIT_EXCEEDED'), t('WRONG_ANSWER')]).verdict).toBe('TIME_LIMIT_EXCEEDED');
    expect(summarize([t('WRONG_ANSWER'), t('TIME_LIMIT_EXCEEDED')]).verdict).toBe('WRONG_ANSWER');
  });

  it('scores by weight with 4 decimals', () => {
    expect(summarize([t('ACCEPTED'), t('WRONG_ANSWER', 2)]).score).toBe(0.3333);
    expect(summarize([t('ACCEPTED', 5), t('ACCEPTED'), t('RUNTIME_ERROR')]).score).toBe(0.8571);
    expect(summarize([t('WRONG_ANSWER')]).score).toBe(0);
  });

  it('treats no tests at all as vacuously accepted', () => {
    expect(summarize([])).toEqual({
      verdict: 'ACCEPTED',
      score: 1,
      correctness: 1,
      performance: null,
      explanation: 'no correctness cases',
      passed: 0,
      total: 0,
    });
  });
});

describe('performance tests', () => {
  const perf = loadProblem({
    slug: 'p',
    title: 'P',
    mode: 'function',
    entryPoint: 'solve',
    generator: 'function generate(p) { return [p.n]; }',
    tests: [
      { name: 'small', args: [1], expected: 1, hidden: false },
      { name: 'large', kind: 'performance', generate: { seed: 1, n: 100000 }, cpuLimitMs: 60 },
    ],
  });
  const large = { ...perf.tests[1], args: [100000], expected: 100000 } as (typeof perf.tests)[number];

  it('judges a performance test on CPU time: over its limit is TIME_LIMIT_EXCEEDED whatever the answer', () => {
    const slow = evaluate(perf, large, x({ kind: 'value', json: '100000', timeMs: 95, cpuMs: 90 }));
    expect(slow).toMatchObject({ status: 'TIME_LIMIT_EXCEEDED', kind: 'performance', size: 'n = 100000', cpuMs: 90, cpuLimitMs: 60 });
    expect(slow.message).toBe('used 90 ms of CPU; the limit is 60 ms');
    // Wall time alone (a busy machine) does not fail it: only the backstop (10 x 60 + 2000 ms) would.
    expect(evaluate(perf, large, x({ kind: 'value', json: '100000', timeMs: 700, cpuMs: 40 })).status).toBe('ACCEPTED');
    expect(evaluate(perf, large, x({ kind: 'timeout', timeMs: 2700 })).message).toBe('ran longer than 2600 ms');
  });

  it('keeps kind, size and the CPU figures on hidden results, never data', () => {
    const r = redact(evaluate(perf, large, x({ kind: 'value', json: '100000', timeMs: 5, cpuMs: 4 })));
    expect(r).toEqual({ name: 'large', status: 'ACCEPTED', timeMs: 5, hidden: true, weight: 1, kind: 'performance', size: 'n = 100000', cpuMs: 4, cpuLimitMs: 60, memoryBytes: 1000 });
  });
});

describe('correctness and performance, scored apart and explained', () => {
  const c = (status: TestResult['status'], weight = 1, category = 'edge cases'): TestResult => ({ name: `c${weight}`, status, timeMs: 1, hidden: true, weight, category });
  const p = (status: TestResult['status'], weight = 2, cpuMs?: number): TestResult => ({
    name: `p${weight}`,
    status,
    timeMs: 1,
    hidden: true,
    weight,
    kind: 'performance',
    size: 'n = 100000',
    ...(cpuMs !== undefined ? { cpuMs, cpuLimitMs: 60 } : {}),
  });

  it('a correct but naive solution: full correctness, no performance, complexity suspected', () => {
    const s = summarize([c('ACCEPTED'), c('ACCEPTED', 3), p('TIME_LIMIT_EXCEEDED', 2, 912.4)]);
    expect(s).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', score: 0.6667, correctness: 1, performance: 0 });
    expect(s.explanation).toBe(
      'correct on all cases; too slow on large inputs (n = 100000): a higher time complexity than intended suspected',
    );
  });

  it('wrong and slow: no complexity suspected, the failing categories named', () => {
    const s = summarize([c('WRONG_ANSWER', 1, 'duplicates'), c('ACCEPTED', 3), p('TIME_LIMIT_EXCEEDED')]);
    expect(s).toMatchObject({ correctness: 0.75, performance: 0 });
    expect(s.explanation).toBe('failed 1 of 2 cases (duplicates); too slow on large inputs (n = 100000)');
  });

  it('fast, and failing on large inputs for another reason', () => {
    expect(summarize([c('ACCEPTED'), p('ACCEPTED')]).explanation).toBe('correct on all cases; fast enough on large inputs (n = 100000)');
    expect(summarize([c('ACCEPTED'), p('MEMORY_LIMIT_EXCEEDED')]).explanation).toBe(
      'correct on all cases; failed on large inputs (n = 100000): MEMORY_LIMIT_EXCEEDED',
    );
  });
});
