/**
 * The hostile battery: solutions written to hang, exhaust, escape or fool the judge. For each
 * one: the exact safe verdict, an answer within a bound, the host untouched, and the next
 * (honest) submission judged normally by the same pool.
 *
 * Limits are small (500 ms, 32 MB) to keep the battery quick; two cases run at a time, one per
 * sandbox child, and each case's clock starts when it has a child to itself.
 */
import { Judge } from './judge';
import { wallBackstopMs } from './performance';
import type { JudgeResult, Language, Status } from './judge.types';
import { loadProblem, Problem, ProblemInput } from './problem.schema';

const fnProblem = (over: Partial<ProblemInput> = {}): Problem =>
  loadProblem({
    slug: 'hostile-sum',
    title: 'Sum',
    mode: 'function',
    entryPoint: 'solve',
    limits: { timeMs: 500, memoryMb: 32, outputKb: 4, resultKb: 16 },
    tests: [{ name: 'sum', args: [2, 3], expected: 5, hidden: false }],
    ...over,
  });

const stdioProblem = loadProblem({
  slug: 'hostile-echo',
  title: 'Echo',
  mode: 'stdio',
  limits: { timeMs: 500, memoryMb: 32, outputKb: 4 },
  tests: [{ name: 'echo', stdin: 'hello\n', expected: 'hello\n', hidden: false }],
});

const FN = fnProblem();
/** Memory bombs get time to reach the memory limit even on a loaded machine. */
const FN_MEM = fnProblem({ limits: { timeMs: 3000, memoryMb: 32, outputKb: 4, resultKb: 16 } });
/** Two tests: state left by the first must not be seen by the second. */
const FN_TWICE = fnProblem({
  tests: [
    { name: 'first', args: [2, 3], expected: 5, hidden: false },
    { name: 'second', args: [4, 5], expected: 9, hidden: false },
  ],
});

const HONEST = 'function solve(a, b) { return a + b; }';
const HONEST_STDIO = 'print(readline());';

interface Case {
  name: string;
  source: string;
  expect: Status;
  problem?: Problem;
  language?: Language;
  /** Upper bound on the time to the verdict; default: the limit plus 2.5 s. */
  withinMs?: number;
  check?: (r: JudgeResult) => void;
}

const LOOPS: Case[] = [
  { name: 'infinite loop at top level', source: 'for (;;) {}\nfunction solve(a, b) { return a + b; }', expect: 'TIME_LIMIT_EXCEEDED' },
  { name: 'infinite loop in the function', source: 'function solve() { while (true) {} }', expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'loop that tries to catch the termination',
    source: 'function solve() { for (;;) { try { for (;;) {} } catch (e) {} } }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  { name: 'loop in finally', source: 'function solve() { try { for (;;) {} } finally { for (;;) {} } }', expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'exponential retry of a stack overflow',
    source: 'function solve() { function r() { try { return r(); } catch (e) { return r(); } } return r(); }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  { name: 'ReDoS', source: "function solve() { return /^(a+)+$/.test('a'.repeat(40) + 'b'); }", expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'Atomics.wait on a SharedArrayBuffer',
    source: 'function solve() { return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  {
    name: 'a builtin that ignores termination (huge BigInt)',
    source: 'function solve() { return (10n ** 10000000n).toString().length; }',
    expect: 'TIME_LIMIT_EXCEEDED',
    withinMs: 5000,
  },
  {
    name: 'entry point behind a looping getter',
    source: "Object.defineProperty(globalThis, 'solve', { get() { for (;;) {} } });",
    expect: 'TIME_LIMIT_EXCEEDED',
  },
];

const ASYNC: Case[] = [
  { name: 'await loop', source: 'async function solve() { for (;;) await null; }', expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'then-flood',
    source: 'function solve() { const f = () => { Promise.resolve().then(f); }; f(); return 1; }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  {
    name: 'a promise that never settles',
    source: 'function solve() { return new Promise(() => {}); }',
    expect: 'TIME_LIMIT_EXCEEDED',
    check: (r) => expect(r.tests[0].message).toBe('the returned promise never settles'),
  },
  { name: 'a thenable that never calls back', source: 'function solve() { return { then() {} }; }', expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'endless async generator',
    source: 'async function solve() { async function* g() { for (;;) yield 1; } for await (const x of g()) {} }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  {
    name: 'FinalizationRegistry callbacks (removed: they would run outside any timed execution)',
    source:
      'function solve(a, b) { const r = new FinalizationRegistry(() => { for (;;) {} }); for (let i = 0; i < 1e5; i++) r.register({}, i); return a + b; }',
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/^ReferenceError: FinalizationRegistry is not defined/),
  },
  {
    name: 'Atomics.waitAsync (removed)',
    source: 'function solve(a, b) { return typeof Atomics.waitAsync === "undefined" ? a + b : 0; }',
    expect: 'ACCEPTED',
  },
  {
    name: 'dynamic import',
    source: "async function solve() { const fs = await import('fs'); return typeof fs; }",
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/^Error: Not supported/),
  },
  {
    name: 'Promise.prototype.then replaced before answering',
    source: 'Promise.prototype.then = function () {}; async function solve(a, b) { await null; return a + b; }',
    expect: 'ACCEPTED',
  },
];

const MEMORY: Case[] = [
  {
    name: 'growing arrays',
    source: 'function solve() { const a = []; for (;;) a.push(new Array(1e4).fill(1)); }',
    expect: 'MEMORY_LIMIT_EXCEEDED',
    problem: FN_MEM,
  },
  { name: 'string doubling', source: "function solve() { let s = 'x'; for (;;) s += s; }", expect: 'MEMORY_LIMIT_EXCEEDED' },
  {
    name: 'huge spread',
    source: "function solve() { return [...'x'.repeat(2 ** 28)].length; }",
    expect: 'MEMORY_LIMIT_EXCEEDED',
    problem: FN_MEM,
    withinMs: 6000,
  },
  {
    name: 'ArrayBuffer allocation',
    source: 'function solve() { const a = []; for (;;) a.push(new ArrayBuffer(1 << 24)); }',
    expect: 'MEMORY_LIMIT_EXCEEDED',
  },
  {
    name: 'JSON.parse of a huge document',
    source: "function solve() { return JSON.parse('[' + '1,'.repeat(3e7) + '1]').length; }",
    expect: 'MEMORY_LIMIT_EXCEEDED',
    problem: FN_MEM,
    withinMs: 6000,
  },
  {
    name: 'new Array(6e7).fill(0) (heap thrash: the watchdog kills the child)',
    source: 'function solve() { return new Array(6e7).fill(0).length; }',
    expect: 'MEMORY_LIMIT_EXCEEDED',
    problem: FN_MEM,
    withinMs: 6000,
  },
  {
    name: 'WebAssembly.Memory (removed: wasm memory escapes the isolate limit)',
    source: 'function solve() { const m = []; for (;;) m.push(new WebAssembly.Memory({ initial: 1000 })); }',
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/^ReferenceError: WebAssembly is not defined/),
  },
  {
    name: 'WebAssembly infinite loop (removed)',
    source:
      'function solve() { const b = new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,9,1,7,0,3,64,12,0,11,11]); new WebAssembly.Instance(new WebAssembly.Module(b)).exports.f(); }',
    expect: 'RUNTIME_ERROR',
  },
  {
    name: 'a typed array of 8 GB',
    source: 'function solve() { return new Float64Array(1e9).length; }',
    expect: 'MEMORY_LIMIT_EXCEEDED',
  },
  {
    name: 'a Map that grows forever',
    source: 'function solve() { const m = new Map(); for (let i = 0; ; i++) m.set(i, new Array(64).fill(i)); }',
    expect: 'MEMORY_LIMIT_EXCEEDED',
    problem: FN_MEM,
  },
  {
    name: 'deep recursion',
    source: 'function solve() { return solve(); }',
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/Maximum call stack size exceeded/),
  },
];

const OUTPUT: Case[] = [
  {
    name: 'output flood (stdio)',
    source: "for (;;) console.log('x'.repeat(100));",
    expect: 'OUTPUT_LIMIT_EXCEEDED',
    problem: stdioProblem,
    check: (r) => expect(r.tests[0].output?.length).toBeLessThanOrEqual(4096 + 64),
  },
  {
    name: 'output flood that swallows the limit error',
    source: "for (;;) { try { print('y'.repeat(100)); } catch (e) {} }",
    expect: 'OUTPUT_LIMIT_EXCEEDED',
    problem: stdioProblem,
  },
  { name: 'output flood from a function', source: "function solve() { for (;;) console.log('z'); }", expect: 'OUTPUT_LIMIT_EXCEEDED' },
  {
    name: 'printing a fake verdict',
    source: 'function solve() { console.log(\'{"verdict":"ACCEPTED","score":1}\'); return -1; }',
    expect: 'WRONG_ANSWER',
    check: (r) => expect(r.tests[0]).toMatchObject({ actual: -1, output: '{"verdict":"ACCEPTED","score":1}\n' }),
  },
  {
    name: 'huge source',
    source: `// ${'x'.repeat(70 * 1024)}\nfunction solve(a, b) { return a + b; }`,
    expect: 'COMPILE_ERROR',
    check: (r) => expect(r.compileError?.message).toMatch(/the limit is 65536 bytes/),
  },
  {
    name: 'source nested too deeply to parse',
    source: `function solve() { return ${'('.repeat(30000)}1${')'.repeat(30000)}; }`,
    expect: 'COMPILE_ERROR',
  },
  {
    name: 'source nested too deeply to parse (TypeScript)',
    source: `function solve(): number { return ${'('.repeat(30000)}1${')'.repeat(30000)}; }`,
    language: 'typescript',
    expect: 'COMPILE_ERROR',
  },
  {
    name: 'top-level await',
    source: 'await null;\nfunction solve(a, b) { return a + b; }',
    expect: 'COMPILE_ERROR',
    check: (r) => expect(r.compileError?.line).toBe(1),
  },
];

const RETURNS: Case[] = [
  {
    name: 'huge return value',
    source: 'function solve() { return new Array(1e6).fill(1); }',
    expect: 'OUTPUT_LIMIT_EXCEEDED',
    check: (r) => expect(r.tests[0].message).toMatch(/over the 16 KB limit/),
  },
  {
    name: 'deeply nested return value',
    source: 'function solve() { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return a; }',
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/^the returned value cannot be converted to JSON/),
  },
  {
    name: 'Proxy return value whose traps loop',
    source: 'function solve() { return new Proxy({}, { ownKeys() { for (;;) {} } }); }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  {
    name: 'Proxy return value pretending to be the answer',
    source: 'function solve() { return new Proxy({}, { get: () => 5, has: () => true }); }',
    expect: 'WRONG_ANSWER',
    check: (r) => expect(r.tests[0].actual).toEqual({}),
  },
  { name: 'getter that loops', source: 'function solve() { return { get x() { for (;;) {} } }; }', expect: 'TIME_LIMIT_EXCEEDED' },
  {
    name: 'getter that throws',
    source: "function solve() { return { get x() { throw new Error('gotcha'); } }; }",
    expect: 'RUNTIME_ERROR',
  },
  {
    name: 'function return value',
    source: 'function solve() { return () => 5; }',
    expect: 'WRONG_ANSWER',
    check: (r) => expect(r.tests[0].message).toMatch(/a function, which is not a JSON value/),
  },
  { name: 'Symbol return value', source: 'function solve() { return Symbol(5); }', expect: 'WRONG_ANSWER' },
  { name: 'BigInt return value', source: 'function solve() { return 5n; }', expect: 'RUNTIME_ERROR' },
  { name: 'cyclic return value', source: 'function solve() { const a = {}; a.a = a; return a; }', expect: 'RUNTIME_ERROR' },
  {
    name: 'throwing a Proxy whose traps loop',
    source: 'function solve() { throw new Proxy({}, { get() { for (;;) {} } }); }',
    expect: 'TIME_LIMIT_EXCEEDED',
  },
  { name: 'throwing a Proxy at top level', source: 'throw new Proxy({}, { get() { throw 1; } });', expect: 'RUNTIME_ERROR' },
  {
    name: 'throwing a Symbol',
    source: "function solve() { throw Symbol('boom'); }",
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toBe('Symbol(boom)'),
  },
];

const ESCAPES: Case[] = [
  {
    name: 'constructor chain to process',
    source: "function solve() { return this.constructor.constructor('return process')().pid; }",
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/^ReferenceError: process is not defined/),
  },
  {
    name: 'no host object reachable from the global',
    source: `function solve(a, b) {
      const g = Function('return this')();
      const names = ['process', 'require', 'fetch', 'setTimeout', 'setInterval', 'Buffer', 'global', 'ivm', '_ivm', 'module'];
      const leaked = names.filter((n) => n !== 'module' && typeof g[n] !== 'undefined');
      return leaked.length ? leaked.join() : a + b;
    }`,
    expect: 'ACCEPTED',
  },
  {
    name: 'walking globalThis for harness objects',
    source: `function solve(a, b) {
      const plain = ['parseFloat', 'parseInt', 'undefined', 'globalThis', 'decodeURI', 'decodeURIComponent', 'encodeURI',
        'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'Infinity', 'NaN'];
      const names = Object.getOwnPropertyNames(globalThis);
      const extra = names.filter((n) => !/^[A-Z]/.test(n) && !plain.includes(n)).sort().join();
      if (extra !== 'console,exports,input,module,print,readline,solve') return 'extra globals: ' + extra;
      const suspicious = /^(?:_?ivm|Reference|ExternalCopy|Copy|Isolate|Context|Callback|NativeModule|Script|Module|WebAssembly|FinalizationRegistry)$/;
      const bad = names.filter((n) => suspicious.test(n));
      const handles = ['deref', 'derefInto', 'copySync', 'applySync', 'getSync', 'release'];
      for (const n of names) {
        const v = globalThis[n];
        if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
          for (const k of Reflect.ownKeys(v)) if (handles.includes(String(k))) bad.push(n + '.' + String(k));
          const proto = Object.getPrototypeOf(v);
          if (proto) for (const k of Reflect.ownKeys(proto)) if (handles.includes(String(k))) bad.push(n + '.__proto__.' + String(k));
        }
      }
      return bad.length ? 'found: ' + bad.join() : a + b;
    }`,
    expect: 'ACCEPTED',
  },
  {
    name: 'Error.prepareStackTrace to reach harness frames',
    source: `function solve(a, b) {
      let seen = [];
      Error.prepareStackTrace = (e, cs) => { seen = cs.map((c) => [c.getFunction(), c.getThis()]); return ''; };
      new Error().stack;
      const leaked = seen.filter(([f, t]) => (f && f !== solve) || (t && t !== globalThis));
      return leaked.length ? leaked.map(([f]) => String(f && f.name)).join() : a + b;
    }`,
    expect: 'ACCEPTED',
  },
  {
    name: 'caller chain to the harness',
    source: 'function solve(a, b) { return solve.caller === null ? a + b : String(solve.caller); }',
    expect: 'ACCEPTED',
  },
  { name: 'require', source: "function solve() { return require('child_process').execSync('id').toString(); }", expect: 'RUNTIME_ERROR' },
  { name: 'process.exit', source: 'function solve() { process.exit(0); }', expect: 'RUNTIME_ERROR' },
  { name: 'host timers', source: 'function solve() { return new Promise((r) => setTimeout(() => r(5), 1)); }', expect: 'RUNTIME_ERROR' },
  { name: 'fetch', source: "async function solve() { return (await fetch('http://127.0.0.1:1/')).status; }", expect: 'RUNTIME_ERROR' },
  {
    name: 'eval and Function work but stay inside',
    source: "function solve(a, b) { return eval('a + b') + Function('return 0')(); }",
    expect: 'ACCEPTED',
  },
  { name: 'SharedArrayBuffer', source: 'function solve(a, b) { new SharedArrayBuffer(1 << 20); return a + b; }', expect: 'ACCEPTED' },
  {
    name: 'Date tampering does not touch the host clock',
    source: 'Date.now = () => 0; Date = function () {}; globalThis.performance = undefined; function solve(a, b) { return a + b; }',
    expect: 'ACCEPTED',
    check: (r) => expect(r.tests[0].timeMs).toBeLessThan(500),
  },
  {
    name: 'polluting Object.prototype and Array.prototype does not carry to the next test',
    source:
      "function solve(a, b) { const dirty = 'polluted' in {} || [].map === null; Object.prototype.polluted = 1; Array.prototype.map = null; return dirty ? -1 : a + b; }",
    expect: 'ACCEPTED',
    problem: FN_TWICE,
  },
  {
    name: 'globals set by one test are gone in the next',
    source: 'function solve(a, b) { const seen = globalThis.leftover; globalThis.leftover = 1; return seen ? -1 : a + b; }',
    expect: 'ACCEPTED',
    problem: FN_TWICE,
  },
  {
    name: 'replacing JSON.stringify and JSON.parse to fool the comparison',
    source: "JSON.stringify = () => '5'; JSON.parse = () => 5; function solve() { return 4; }",
    expect: 'WRONG_ANSWER',
    check: (r) => expect(r.tests[0].actual).toBe(4),
  },
  {
    name: 'replacing iterators and toJSON to fool the comparison',
    source:
      'Array.prototype[Symbol.iterator] = function* () { yield 5; }; Object.prototype.toJSON = () => 5; function solve(a, b) { return a - b; }',
    expect: 'WRONG_ANSWER',
    check: (r) => expect(r.tests[0].actual).toBe(-1),
  },
  {
    name: 'replacing Reflect.apply and Function.prototype.call',
    source: 'Reflect.apply = null; Function.prototype.call = null; Function.prototype.apply = null; function solve(a, b) { return a + b; }',
    expect: 'ACCEPTED',
  },
  {
    name: 'prototype setters planted for the harness',
    source:
      "Object.defineProperty(Object.prototype, 'kind', { set() {}, get() { return 'value'; } }); Object.defineProperty(Object.prototype, 'json', { get() { return '5'; } }); function solve() { return undefined; }",
    expect: 'WRONG_ANSWER',
  },
  {
    name: 'ES module importing the file system',
    source: "import fs from 'fs';\nexport function solve() { return fs.readFileSync('/etc/passwd', 'utf8'); }",
    expect: 'RUNTIME_ERROR',
    check: (r) => expect(r.tests[0].message).toMatch(/require is not defined/),
  },
  {
    name: 'TypeScript reference to a host file',
    source: '/// <reference path="/etc/passwd" />\nfunction solve(a: number, b: number): number { return a + b; }',
    language: 'typescript',
    expect: 'ACCEPTED',
    // The first TypeScript submission starts the type-check thread (loading TypeScript) while the
    // child loads its own parser: two cold starts on these shared cores.
    withinMs: 8000,
    check: (r) => expect(r.warnings).toEqual([]),
  },
];

const CASES: Case[] = [...LOOPS, ...ASYNC, ...MEMORY, ...OUTPUT, ...RETURNS, ...ESCAPES];

describe('hostile battery', () => {
  let judge: Judge;
  // One case per child at a time, so each case's clock measures its own judging.
  let slots = 2;
  const queue: Array<() => void> = [];
  const acquire = () => new Promise<void>((resolve) => (slots > 0 ? (slots--, resolve()) : queue.push(resolve)));
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else slots++;
  };
  const hostGlobals = Object.getOwnPropertyNames(globalThis).sort();
  const hostObjectProto = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(() => {
    judge = new Judge({ size: 2 });
  });

  afterAll(async () => {
    await judge.close();
  });

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.concurrent.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      await acquire();
      try {
        const problem = c.problem ?? FN;
        const started = performance.now();
        const r = await judge.judge({ problem, language: c.language ?? 'javascript', source: c.source });
        const took = performance.now() - started;

        expect(r.verdict).toBe(c.expect);
        // A bound, not a benchmark: the wall backstop (tests are judged on CPU time; on a loaded
        // machine a loop runs until it has used its CPU limit, within the backstop: performance.ts)
        // plus room for a shared, loaded 2-core machine (a child killed and replaced, the next one
        // spawned); a hang or a missed limit is far beyond it.
        expect(took).toBeLessThan(c.withinMs ?? wallBackstopMs(problem.limits.timeMs) + 5000);
        c.check?.(r);

        // The host is untouched and the same pool judges an honest submission normally.
        expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(hostGlobals);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(hostObjectProto);
        const honest = problem.mode === 'stdio' ? HONEST_STDIO : HONEST;
        const next = await judge.judge({ problem, language: 'javascript', source: honest });
        expect(next.verdict).toBe('ACCEPTED');
        expect(next.score).toBe(1);
      } finally {
        release();
      }
    },
    30_000,
  );

  it('still has its two children after the battery', () => {
    expect(judge.sandboxPids()).toHaveLength(2);
  });
});
