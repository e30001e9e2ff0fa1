/**
 * Generates the seed problem bank: libs/assessments/data/problems/<slug>.json.
 *
 * Regenerate, from the repository root:
 *
 *   source tools/toolchain.sh && node --no-warnings tools/problem-bank/generate.ts
 *
 * With `--out DIR` it writes the files into DIR instead (statements are still read from this
 * repository): tools/problem-bank/generate.spec.ts does that and holds every shipped file to
 * the generated text, so a file edited by hand, or a change here not regenerated, fails it.
 *
 * (Node 24 strips the type annotations itself, so this file uses no TypeScript-only runtime
 * syntax and imports nothing local; --no-warnings only hides Node's notice that it reparsed the
 * file as an ES module.) Then check the bank with its unit test (the path goes before
 * --selectProjects, which would otherwise take it for a project name):
 *
 *   node --no-node-snapshot --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js \
 *     libs/assessments/src/problem-bank.spec.ts --selectProjects unit
 *
 * Then check the Python content with a local CPython (a dev harness, not the judge):
 *
 *   python3 tools/problem-bank/verify-python.py
 *
 * The SQL problems' reference and known-wrong queries run in SQLite in the unit test
 * libs/assessments/src/bank/sql-bank.spec.ts. And everything, in every language, through the
 * product's own judge (isolated-vm, Pyodide, sql.js, the real limits):
 *
 *   bash tools/run.sh build && bash tools/run.sh node dist/tools/problem-bank/judge-bank.js
 *
 * Each file is the judge's problem document plus `difficulty`, `tags` and `referenceSolutions`,
 * which the bank loader splits off. Statements live in tools/problem-bank/statements/<slug>.md.
 * Function and stdio problems are offered in JavaScript, TypeScript and Python (`languages`,
 * with per-language `entryPoints`, `signatures` and `starters`); SQL problems (`mode: "sql"`)
 * carry a `schema`, and each test its tables' rows (`data`) and the expected result set.
 * Known-wrong solutions live in libs/assessments/data/problems/wrong/<slug>.<label>.{js,py,sql};
 * a Python or SQL one names, on a `# fails:` / `-- fails:` first line, the hidden test its
 * label's mistake breaks, and the checks above hold it to that.
 *
 * Why generated: hidden tests of a few thousand elements cannot be written or checked by hand.
 * The output is deterministic (a seeded PRNG per problem, never Math.random), so regenerating
 * gives byte-identical files unless this script changed. Expected outputs come from the plain
 * solvers below, written independently of the reference solutions shipped in the files, so a
 * mistake in one is caught when the reference solutions are validated against the tests. For
 * SQL that holds too: a plain-JS solver over the test's rows, never the reference query.
 * Visible examples also carry a hand-computed expected value that the solver must reproduce.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runInNewContext } from 'node:vm';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface TestCase {
  name: string;
  args?: Json[];
  stdin?: string;
  expected: Json;
  hidden: boolean;
  weight: number;
  category: string;
}

type Language = 'javascript' | 'typescript' | 'python' | 'sql';
type PerLanguage = Partial<Record<Language, string>>;

interface ReferenceSolution {
  language: Language;
  source: string;
}

/** What an SQL test answers: the result set of the submission's last statement with columns. */
interface ResultSet {
  columns: string[];
  rows: Json[][];
}

interface SqlTestCase {
  name: string;
  /** Table name -> rows, each row its values in the table's column order. */
  data: { [table: string]: Json[][] };
  setup?: string;
  expected: ResultSet;
  hidden: boolean;
  weight: number;
  category: string;
}

/**
 * A performance test: no inline data. The problem's `generator` builds its input from
 * `generate` (seeded, deterministic) at validation time, and the judge takes the expected answer
 * from the first reference solution; its time limit is calibrated per language on the references.
 */
interface PerformanceTest {
  name: string;
  kind: 'performance';
  generate: { [param: string]: Json };
  hidden: true;
  weight: number;
  category: 'performance';
}

interface ProblemFile {
  slug: string;
  title: string;
  difficulty: 'Easy' | 'Medium' | 'Hard';
  tags: string[];
  /** Warm-up practice only: offered before an assessment, never scored, never in a real assessment. */
  practice?: boolean;
  statement: string;
  mode: 'function' | 'stdio' | 'sql';
  /** Written out even where it equals the default, so a reader of the file sees what is offered. */
  languages: Language[];
  entryPoint?: string;
  entryPoints?: PerLanguage;
  signatures?: PerLanguage;
  starters?: PerLanguage;
  /** SQL mode: DDL run on a fresh database before each test. */
  schema?: string;
  /** outputKb: standard output allowed (64 KB by default); a stdio performance test prints more. */
  limits: { timeMs: number; memoryMb: number; outputKb?: number };
  checker: { type: 'exact' | 'unordered' | 'float' | 'tokens'; epsilon?: number };
  tests: (TestCase | SqlTestCase | PerformanceTest)[];
  /** JavaScript source defining `function generate(params)`: the performance tests' inputs. */
  generator?: string;
  referenceSolutions: ReferenceSolution[];
}

const CODE_LANGUAGES: Language[] = ['javascript', 'typescript', 'python'];

/**
 * Files above this size slow the judge's argument copy and the database row for little gain.
 * endpoint-error-rates, with its near-tie tests of a thousand requests each, is the largest (275 KB).
 */
const MAX_FILE_BYTES = 288 * 1024;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: tiny, fast and good enough to shuffle test data; the seed fixes every byte. */
function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return { next, int, pick, shuffle };
}
type Rng = ReturnType<typeof makeRng>;

/** One seed per problem (FNV-1a of the slug), so editing one problem never reshuffles another. */
function seedOf(slug: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Test-building helpers

function clone<T>(value: T): T {
  return structuredClone(value);
}

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: solver gives ${JSON.stringify(actual)}, hand-computed ${JSON.stringify(expected)}`);
  }
}

interface HiddenOptions {
  weight?: number;
  /** A hand-computed answer the solver must agree with. */
  expect?: Json;
}

function functionTests(solve: (...args: any[]) => Json) {
  const tests: TestCase[] = [];
  return {
    tests,
    example(name: string, args: Json[], expected: Json): void {
      assertEqual(solve(...clone(args)), expected, name);
      tests.push({ name, args, expected, hidden: false, weight: 1, category: 'examples' });
    },
    hidden(category: string, name: string, args: Json[], opts: HiddenOptions = {}): void {
      const expected = solve(...clone(args));
      if (opts.expect !== undefined) assertEqual(expected, opts.expect, name);
      tests.push({ name, args, expected, hidden: true, weight: opts.weight ?? 1, category });
    },
  };
}

function stdioTests(solve: (stdin: string) => string) {
  const tests: TestCase[] = [];
  return {
    tests,
    example(name: string, stdin: string, expected: string): void {
      assertEqual(solve(stdin), expected, name);
      tests.push({ name, stdin, expected, hidden: false, weight: 1, category: 'examples' });
    },
    hidden(category: string, name: string, stdin: string, opts: { weight?: number; expect?: string } = {}): void {
      const expected = solve(stdin);
      if (opts.expect !== undefined) assertEqual(expected, opts.expect, name);
      tests.push({ name, stdin, expected, hidden: true, weight: opts.weight ?? 1, category });
    },
  };
}

const lines = (...rows: string[]): string => rows.map((r) => `${r}\n`).join('');

/**
 * What every generator starts with: mulberry32, as makeRng above, plus the few helpers the
 * generators share. A generator runs in the judge's sandbox, so it is plain JavaScript that
 * imports nothing and returns the test's data from its params alone.
 */
const GENERATOR_PRELUDE = String.raw`function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
}
`;

/**
 * The generators' comments quote parameter names in backticks, which a String.raw template can
 * only hold escaped (and String.raw keeps the backslash): put them back.
 */
function generator(body: string): string {
  return GENERATOR_PRELUDE + body.replaceAll('\\`', '`');
}

/** A hidden performance test: the generator builds its input from these params. */
function performanceTest(name: string, generate: { [param: string]: Json }, weight = 2): PerformanceTest {
  return { name, kind: 'performance', generate, hidden: true, weight, category: 'performance' };
}

/**
 * Runs a generator here, as the judge's sandbox will, so a broken one fails generation. The
 * generators are this file's own code (never an author's), so a plain `node:vm` context will do.
 */
function runGenerator(source: string, params: Json): unknown {
  const generate = runInNewContext(`${source}\ngenerate`, {}) as (p: Json) => unknown;
  return JSON.parse(JSON.stringify(generate(params))) as unknown;
}

interface FunctionSignatures {
  javascript: string;
  typescript: string;
  python: string;
}

/**
 * Per-language fields of a function problem. Python names are snake_case (what a Python
 * candidate would write); the starters are the signatures with a body that parses, so the
 * editor opens on runnable code.
 */
function functionLanguages(python: string, sig: FunctionSignatures, tsPlaceholder: string) {
  return {
    languages: CODE_LANGUAGES,
    entryPoints: { python },
    signatures: { ...sig },
    starters: {
      javascript: `${sig.javascript} {\n  // Your code here.\n}\n`,
      typescript: `${sig.typescript} {\n  // Your code here.\n  return ${tsPlaceholder};\n}\n`,
      python: `${sig.python}:\n    # Your code here.\n    pass\n`,
    },
  };
}

/** Per-language fields of a stdio problem: how each language reads and writes is in the starter. */
const STDIO_LANGUAGES = {
  languages: CODE_LANGUAGES,
  starters: {
    javascript: `// The whole standard input is in the string \`input\`; readline() returns the next line
// without its newline, and undefined at the end. Print with console.log.
for (const line of input.split('\\n')) {
  // Your code here.
}
`,
    typescript: `declare function readline(): string | undefined;

// readline() returns the next line of standard input without its newline, and undefined at
// the end (the whole input is also in the global string \`input\`). Print with console.log.
for (let line = readline(); line !== undefined; line = readline()) {
  // Your code here.
}
`,
    python: `import sys

# Standard input is sys.stdin; print with print().
for line in sys.stdin:
    # Your code here.
    pass
`,
  },
};

// ---------------------------------------------------------------------------------------------
// two-sum

/** Every pair, by brute force: the point is to prove the answer is unique, not to be fast. */
function twoSumPairs(nums: number[], target: number): number[][] {
  const pairs: number[][] = [];
  for (let i = 0; i < nums.length; i++) for (let j = i + 1; j < nums.length; j++) if (nums[i] + nums[j] === target) pairs.push([i, j]);
  return pairs;
}

function solveTwoSum(nums: number[], target: number): Json {
  const pairs = twoSumPairs(nums, target);
  if (pairs.length !== 1) throw new Error(`two-sum: ${pairs.length} pairs for target ${target}`);
  return pairs[0];
}

/** A random array of distinct values with exactly one pair summing to the target, at positions i < j. */
function plantTwoSum(rng: Rng, n: number, i: number, j: number, range: number): Json[] {
  for (;;) {
    const seen = new Set<number>();
    const nums: number[] = [];
    while (nums.length < n) {
      const v = rng.int(-range, range);
      if (!seen.has(v)) {
        seen.add(v);
        nums.push(v);
      }
    }
    const target = nums[i] + nums[j];
    if (twoSumPairs(nums, target).length === 1) return [nums, target];
  }
}

/** As plantTwoSum, with half the target once at position h < i: a solution that may pair a position with itself answers [h, h]. */
function plantTwoSumWithHalf(rng: Rng, n: number, i: number, j: number, range: number, h: number): Json[] {
  for (;;) {
    const [nums, target] = plantTwoSum(rng, n, i, j, range) as [number[], number];
    if (target % 2 !== 0 || nums.includes(target / 2)) continue;
    nums[h] = target / 2;
    if (twoSumPairs(nums, target).length === 1) return [nums, target];
  }
}

function twoSum(): ProblemFile {
  const rng = makeRng(seedOf('two-sum'));
  const t = functionTests(solveTwoSum);
  t.example('example 1', [[2, 7, 11, 15], 9], [0, 1]);
  t.example('example 2', [[3, 3], 6], [0, 1]);
  t.example('example 3', [[-1, -2, -3, -4, -5], -8], [2, 4]);
  t.hidden('edge cases', 'a value may not pair with itself', [[3, 2, 4], 6], { expect: [1, 2] });
  t.hidden('edge cases', 'zeros', [[0, 4, 3, 0], 0], { expect: [0, 3] });
  t.hidden('edge cases', 'negative and positive', [[-3, 4, 3, 90], 0], { expect: [0, 2] });
  t.hidden('edge cases', 'minimum length', [[5, -5], 0], { expect: [0, 1] });
  t.hidden('edge cases', 'duplicates elsewhere', [[1, 1, 1, 1, 50, 2, 50], 100], { expect: [4, 6] });
  t.hidden('edge cases', 'large magnitudes', [[999_999_999, -5, 1_000_000_000, 7], 1_999_999_999], { expect: [0, 2] });
  t.hidden('edge cases', 'pair at the very end', [[10, 20, 30, 40, 50, 60, 70, 80, 1, 2], 3], { expect: [8, 9] });
  t.hidden('edge cases', 'half the target once, the pair elsewhere', [[5, 1, 9], 10], { expect: [1, 2] });
  t.hidden('large input', '4000 numbers, pair far apart', plantTwoSumWithHalf(rng, 4000, 3, 3996, 1_000_000_000, 1), { weight: 2 });
  t.hidden('large input', '6000 numbers, pair in the middle', plantTwoSumWithHalf(rng, 6000, 2999, 3000, 10_000_000, 7), { weight: 2 });
  t.hidden('large input', '6000 numbers, random pair', plantTwoSumWithHalf(rng, 6000, rng.int(100, 2000), rng.int(4000, 5999), 10_000_000, 42), {
    weight: 2,
  });
  return {
    slug: 'two-sum',
    title: 'Two Sum',
    difficulty: 'Easy',
    tags: ['hashing', 'arrays'],
    // Warm-up practice only: a well-known puzzle measures recall, so it is never scored.
    practice: true,
    statement: statement('two-sum'),
    mode: 'function',
    entryPoint: 'twoSum',
    ...functionLanguages(
      'two_sum',
      {
        javascript: 'function twoSum(nums, target)',
        typescript: 'function twoSum(nums: number[], target: number): number[]',
        python: 'def two_sum(nums: list[int], target: int) -> list[int]',
      },
      '[]',
    ),
    limits: { timeMs: 1000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [...t.tests, performanceTest('100000 numbers, pair at the end', { seed: 7, n: 100_000 }, 8)],
    generator: String.raw`// Deterministic: the same params always give the same test. mulberry32, a 32-bit seeded PRNG.
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// n distinct values, all multiples of 4 but two: 4k+1 and 4m+2 at the very end, so exactly one
// pair sums to the target (3 mod 4) and a solution that tries every pair does ~n^2/2 steps.
function generate(params) {
  const n = params.n;
  const rand = mulberry32(params.seed);
  const nums = new Array(n);
  for (let i = 0; i < n - 2; i++) nums[i] = 4 * i - 2 * n;
  for (let i = n - 3; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = nums[i];
    nums[i] = nums[j];
    nums[j] = t;
  }
  const a = 4 * Math.floor(rand() * n) + 1;
  const b = 4 * Math.floor(rand() * n) + 2;
  nums[n - 2] = a;
  nums[n - 1] = b;
  return [nums, a + b];
}
`,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function twoSum(nums, target) {
  // value -> first index where it was seen; one pass, so i < j holds by construction
  const seen = new Map();
  for (let j = 0; j < nums.length; j++) {
    const i = seen.get(target - nums[j]);
    if (i !== undefined) return [i, j];
    if (!seen.has(nums[j])) seen.set(nums[j], j);
  }
  return [];
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`function twoSum(nums: number[], target: number): number[] {
  const seen = new Map<number, number>();
  for (let j = 0; j < nums.length; j++) {
    const i = seen.get(target - nums[j]);
    if (i !== undefined) return [i, j];
    if (!seen.has(nums[j])) seen.set(nums[j], j);
  }
  return [];
}
`,
      },
      {
        language: 'python',
        source: String.raw`def two_sum(nums: list[int], target: int) -> list[int]:
    # value -> first index where it was seen; one pass, so i < j holds by construction
    seen: dict[int, int] = {}
    for j, n in enumerate(nums):
        i = seen.get(target - n)
        if i is not None:
            return [i, j]
        seen.setdefault(n, j)
    return []
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// parse-query-string

const HEX = '0123456789abcdefABCDEF';

/** Decodes form-urlencoded text byte by byte, with Node's UTF-8 decoder for the bytes. */
function formDecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && i + 2 < text.length && HEX.includes(text[i + 1]) && HEX.includes(text[i + 2])) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  const decoded = Buffer.from(bytes).toString('utf8');
  if (decoded.includes('\uFFFD')) throw new Error(`parse-query-string: invalid UTF-8 in ${text}`);
  return decoded;
}

function solveParseQuery(query: string): Json {
  const names: string[] = [];
  const values = new Map<string, string[]>();
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const at = segment.indexOf('=');
    const name = formDecode(at < 0 ? segment : segment.slice(0, at));
    const value = at < 0 ? '' : formDecode(segment.slice(at + 1));
    if (!values.has(name)) {
      names.push(name);
      values.set(name, []);
    }
    values.get(name)!.push(value);
  }
  const out: { [key: string]: Json } = {};
  for (const name of names) out[name] = values.get(name)!;
  return out;
}

/** Percent-encodes text the way browsers and HTTP clients variously do (random hex case, + or %20). */
function formEncode(rng: Rng, text: string): string {
  let out = '';
  for (const ch of text) {
    if (/^[A-Za-z0-9._~-]$/.test(ch)) out += ch;
    else if (ch === ' ') out += rng.next() < 0.5 ? '+' : '%20';
    else {
      for (const b of Buffer.from(ch, 'utf8')) {
        const hex = b.toString(16).padStart(2, '0');
        out += '%' + (rng.next() < 0.5 ? hex.toUpperCase() : hex);
      }
    }
  }
  return out;
}

const QUERY_ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFXYZ0123456789',
  ' ',
  ' ',
  '&',
  '=',
  '+',
  '%',
  '?',
  '/',
  '#',
  'é',
  'ü',
  '東',
  '京',
  '€',
  '😀',
  '-',
  '_',
  '.',
];

function randomText(rng: Rng, min: number, max: number): string {
  let s = '';
  const n = rng.int(min, max);
  for (let i = 0; i < n; i++) s += rng.pick(QUERY_ALPHABET);
  return s;
}

/** A random query plus the name -> values map it must parse to, to double-check the solver. */
function randomQuery(
  rng: Rng,
  pairs: number,
  names: string[],
  valueLen: [number, number],
): { query: string; truth: Map<string, string[]> } {
  const parts: string[] = [];
  const truth = new Map<string, string[]>();
  for (let i = 0; i < pairs; i++) {
    const name = rng.pick(names);
    const value = randomText(rng, valueLen[0], valueLen[1]);
    if (!truth.has(name)) truth.set(name, []);
    truth.get(name)!.push(value);
    parts.push(formEncode(rng, name) + '=' + formEncode(rng, value));
    if (rng.next() < 0.05) parts.push('');
  }
  return { query: (rng.next() < 0.5 ? '?' : '') + parts.join('&'), truth };
}

function parseQueryString(): ProblemFile {
  const rng = makeRng(seedOf('parse-query-string'));
  const t = functionTests(solveParseQuery);
  t.example('example 1', ['a=1&b=2&a=3&c'], { a: ['1', '3'], b: ['2'], c: [''] });
  t.example('example 2', ['?q=hello+world&tag=node%2Bjs&tag=%F0%9F%9A%80'], { q: ['hello world'], tag: ['node+js', '🚀'] });
  t.example('empty query', [''], {});
  t.hidden('edge cases', 'encoded separators', ['q=a%26b%3Dc&x%3Dy=1'], { expect: { q: ['a&b=c'], 'x=y': ['1'] } });
  t.hidden('edge cases', 'values containing =', ['token=abc==&sig=x=y'], { expect: { token: ['abc=='], sig: ['x=y'] } });
  t.hidden('edge cases', 'empty segments', ['&&a=1&&b=&'], { expect: { a: ['1'], b: [''] } });
  t.hidden('edge cases', 'empty names', ['=x&=&y'], { expect: { '': ['x', ''], y: [''] } });
  t.hidden('edge cases', 'stray percent signs', ['discount=100%&rate=5%25&bad=%zz%4&mix=%%41'], {
    expect: { discount: ['100%'], rate: ['5%'], bad: ['%zz%4'], mix: ['%A'] },
  });
  t.hidden('edge cases', 'plus versus encoded plus', ['a=1+1%3D2&b=%2B%2B&c=+'], { expect: { a: ['1 1=2'], b: ['++'], c: [' '] } });
  t.hidden('edge cases', 'UTF-8 and hex case', ['name=Ren%C3%A9e&city=%E6%9D%B1%E4%BA%AC&lower=%c3%a9'], {
    expect: { name: ['Renée'], city: ['東京'], lower: ['é'] },
  });
  t.hidden('edge cases', 'names like object members', ['constructor=1&toString=2&hasOwnProperty=3&constructor=4&valueOf'], {
    expect: { constructor: ['1', '4'], toString: ['2'], hasOwnProperty: ['3'], valueOf: [''] },
  });
  t.hidden('edge cases', 'only a question mark', ['?'], { expect: {} });
  t.hidden('edge cases', 'question marks after the first', ['?next=/a?b=c&??=1'], { expect: { next: ['/a?b=c'], '??': ['1'] } });

  const names = ['filter', 'sort', 'tag', 'user_id', 'page', 'fields', 'q', 'include', 'lang', 'cursor', 'utm source', 'a&b', 'é'];
  const many = randomQuery(rng, 3000, names, [0, 8]);
  const long = randomQuery(rng, 6, ['payload', 'signature', 'redirect'], [2000, 3000]);
  for (const { query, truth } of [many, long]) assertEqual(solveParseQuery(query), Object.fromEntries(truth), 'random query');
  t.hidden('large input', '3000 parameters', [many.query], { weight: 2 });
  t.hidden('large input', 'long encoded values', [long.query], { weight: 2 });
  return {
    slug: 'parse-query-string',
    title: 'Parse a Query String',
    difficulty: 'Medium',
    tags: ['strings', 'parsing', 'http'],
    statement: statement('parse-query-string'),
    mode: 'function',
    entryPoint: 'parseQuery',
    ...functionLanguages(
      'parse_query',
      {
        javascript: 'function parseQuery(query)',
        typescript: 'function parseQuery(query: string): Record<string, string[]>',
        python: 'def parse_query(query: str) -> dict[str, list[str]]',
      },
      '{}',
    ),
    limits: { timeMs: 1000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function decodePart(text) {
  // decodeURIComponent throws on a '%' that starts no escape: make such a '%' literal first.
  return decodeURIComponent(text.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
}

function parseQuery(query) {
  const params = new Map();
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodePart(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodePart(segment.slice(eq + 1));
    if (!params.has(name)) params.set(name, []);
    params.get(name).push(value);
  }
  return Object.fromEntries(params);
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`function decodePart(text: string): string {
  // decodeURIComponent throws on a '%' that starts no escape: make such a '%' literal first.
  return decodeURIComponent(text.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
}

function parseQuery(query: string): Record<string, string[]> {
  const params = new Map<string, string[]>();
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodePart(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodePart(segment.slice(eq + 1));
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return Object.fromEntries(params);
}
`,
      },
      {
        language: 'python',
        source: String.raw`import re

# %XX (two hex digits) is one byte; a '%' that starts no such escape stays a literal '%'.
ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def decode(text: str) -> str:
    raw = text.replace("+", " ").encode("utf-8")
    return ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw).decode("utf-8")


def parse_query(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    if query.startswith("?"):
        query = query[1:]
    for segment in query.split("&"):
        if not segment:
            continue
        # split before decoding: an encoded & or = is data, not a separator
        name, _, value = segment.partition("=")
        params.setdefault(decode(name), []).append(decode(value))
    return params
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// merge-intervals

/** Union-find over every overlapping pair: quadratic, but shares nothing with sort-and-sweep. */
function solveMergeIntervals(intervals: number[][]): Json {
  const parent = intervals.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) {
      const [a, b] = [intervals[i], intervals[j]];
      if (a[0] <= b[1] && b[0] <= a[1]) parent[find(i)] = find(j);
    }
  }
  const merged = new Map<number, number[]>();
  intervals.forEach(([s, e], i) => {
    const root = find(i);
    const m = merged.get(root);
    if (!m) merged.set(root, [s, e]);
    else {
      m[0] = Math.min(m[0], s);
      m[1] = Math.max(m[1], e);
    }
  });
  return [...merged.values()].sort((x, y) => x[0] - y[0]);
}

function randomIntervals(rng: Rng, n: number, lo: number, hi: number, maxLen: number): number[][] {
  return Array.from({ length: n }, () => {
    const s = rng.int(lo, hi);
    return [s, s + rng.int(0, maxLen)];
  });
}

function mergeIntervals(): ProblemFile {
  const rng = makeRng(seedOf('merge-intervals'));
  const t = functionTests(solveMergeIntervals);
  t.example(
    'example 1',
    [
      [
        [1, 3],
        [2, 6],
        [8, 10],
        [15, 18],
      ],
    ],
    [
      [1, 6],
      [8, 10],
      [15, 18],
    ],
  );
  t.example(
    'touching intervals merge',
    [
      [
        [1, 4],
        [4, 5],
      ],
    ],
    [[1, 5]],
  );
  t.hidden('edge cases', 'no intervals', [[]], { expect: [] });
  t.hidden('edge cases', 'single interval', [[[7, 9]]], { expect: [[7, 9]] });
  t.hidden(
    'edge cases',
    'unsorted input',
    [
      [
        [8, 10],
        [1, 3],
        [2, 6],
      ],
    ],
    {
      expect: [
        [1, 6],
        [8, 10],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'nested intervals',
    [
      [
        [1, 10],
        [2, 3],
        [4, 5],
        [11, 12],
      ],
    ],
    {
      expect: [
        [1, 10],
        [11, 12],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'same start, shorter second',
    [
      [
        [1, 5],
        [1, 2],
        [6, 6],
      ],
    ],
    {
      expect: [
        [1, 5],
        [6, 6],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'adjacent but not touching',
    [
      [
        [3, 4],
        [1, 2],
      ],
    ],
    {
      expect: [
        [1, 2],
        [3, 4],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'touching chain out of order',
    [
      [
        [5, 7],
        [1, 3],
        [3, 5],
      ],
    ],
    { expect: [[1, 7]] },
  );
  t.hidden(
    'edge cases',
    'points and duplicates',
    [
      [
        [5, 5],
        [5, 5],
        [1, 1],
        [2, 3],
        [2, 3],
      ],
    ],
    {
      expect: [
        [1, 1],
        [2, 3],
        [5, 5],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'negative coordinates',
    [
      [
        [-10, -5],
        [-6, 0],
        [1, 2],
        [-1_000_000_000, -999_999_999],
      ],
    ],
    {
      expect: [
        [-1_000_000_000, -999_999_999],
        [-10, 0],
        [1, 2],
      ],
    },
  );
  t.hidden('large input', '4000 overlapping intervals', [randomIntervals(rng, 4000, -200_000, 200_000, 300)], { weight: 2 });
  t.hidden('large input', '3000 mostly separate intervals', [randomIntervals(rng, 3000, 0, 300_000, 20)], { weight: 2 });
  // Separate intervals first, then one long overlapping chain: a "merge any overlapping pair,
  // restart from the top" loop rescans the whole separate prefix after every merge (cubic).
  const separate = rng.shuffle(Array.from({ length: 2000 }, (_, i) => [i * 100, i * 100 + rng.int(0, 50)]));
  const chain = rng.shuffle(Array.from({ length: 2000 }, (_, i) => [300_000 + i * 10, 300_000 + i * 10 + rng.int(10, 40)]));
  t.hidden('performance', 'separate intervals before a long chain', [[...separate, ...chain]], { weight: 2 });
  return {
    slug: 'merge-intervals',
    title: 'Merge Outage Intervals',
    difficulty: 'Medium',
    tags: ['sorting', 'intervals', 'arrays'],
    // Warm-up practice only: a well-known puzzle measures recall, so it is never scored.
    practice: true,
    statement: statement('merge-intervals'),
    mode: 'function',
    entryPoint: 'mergeIntervals',
    ...functionLanguages(
      'merge_intervals',
      {
        javascript: 'function mergeIntervals(intervals)',
        typescript: 'function mergeIntervals(intervals: number[][]): number[][]',
        python: 'def merge_intervals(intervals: list[list[int]]) -> list[list[int]]',
      },
      '[]',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function mergeIntervals(intervals) {
  const sorted = intervals.map(([start, end]) => [start, end]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`function mergeIntervals(intervals: number[][]): number[][] {
  const sorted = intervals.map(([start, end]): [number, number] => [start, end]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
`,
      },
      {
        language: 'python',
        source: String.raw`def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// aggregate-request-logs

/** Error rate in exact integer arithmetic; a fraction halfway between hundredths is refused. */
function errorRate(errors: number, count: number): string {
  // rate * 100 = errors * 100 / count; halfway when errors * 200 / count is an odd integer
  if ((errors * 200) % count === 0 && ((errors * 200) / count) % 2 === 1) throw new Error(`tie: ${errors}/${count}`);
  const hundredths = Math.floor((errors * 200 + count) / (2 * count));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function solveAggregateLogs(stdin: string): string {
  const groups = new Map<string, { count: number; sum: number; errors: number }>();
  for (const raw of stdin.split('\n')) {
    const fields = raw.split(/[ \r]+/).filter((f) => f !== '');
    if (fields.length === 0) continue;
    if (fields.length !== 4) throw new Error(`aggregate-request-logs: bad line ${JSON.stringify(raw)}`);
    const q = fields[1].indexOf('?');
    const path = q < 0 ? fields[1] : fields[1].slice(0, q);
    const g = groups.get(path) ?? { count: 0, sum: 0, errors: 0 };
    groups.set(path, g);
    g.count += 1;
    g.sum += parseInt(fields[3], 10);
    if (parseInt(fields[2], 10) >= 500) g.errors += 1;
  }
  const paths = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths
    .map((p) => {
      const g = groups.get(p)!;
      return `${p} ${g.count} ${Math.floor(g.sum / g.count)} ${errorRate(g.errors, g.count)}\n`;
    })
    .join('');
}

const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const STATUSES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 499, 500, 502, 503, 504];

/** Random log lines; appends a 200 line to any path whose error rate would be a rounding tie. */
function randomLogs(rng: Rng, n: number, paths: string[], query: boolean): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = rng.pick(paths) + (query && rng.next() < 0.2 ? `?page=${rng.int(1, 9)}` : '');
    rows.push(`${rng.pick(METHODS)} ${path} ${rng.pick(STATUSES)} ${rng.int(1, 5000)}`);
  }
  for (;;) {
    try {
      solveAggregateLogs(lines(...rows));
      return lines(...rows);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith('tie')) throw e;
      const counts = new Map<string, [number, number]>();
      for (const r of rows) {
        const [, target, status] = r.split(' ');
        const p = target.split('?')[0];
        const c = counts.get(p) ?? [0, 0];
        counts.set(p, [c[0] + (Number(status) >= 500 ? 1 : 0), c[1] + 1]);
      }
      for (const [p, [errors, count]] of counts) {
        if ((errors * 200) % count === 0 && ((errors * 200) / count) % 2 === 1) rows.push(`GET ${p} 200 ${rng.int(1, 5000)}`);
      }
    }
  }
}

function aggregateRequestLogs(): ProblemFile {
  const rng = makeRng(seedOf('aggregate-request-logs'));
  const t = stdioTests(solveAggregateLogs);
  t.example(
    'example 1',
    lines('GET /users 200 120', 'GET /users 500 80', 'POST /orders 201 300', 'GET /users?page=2 200 101', 'GET /health 200 3'),
    lines('/health 1 3 0.00', '/orders 1 300 0.00', '/users 3 100 0.33'),
  );
  t.example(
    'example 2',
    lines('GET /api/items 404 10', 'GET /api/items 503 31', 'DELETE /api/items/7 500 5', 'GET /api/items 200 20'),
    lines('/api/items 3 20 0.33', '/api/items/7 1 5 1.00'),
  );
  t.hidden('edge cases', 'no requests', '', { expect: '' });
  t.hidden(
    'edge cases',
    'blank lines, CRLF and extra spaces',
    '\r\nGET  /a   200 10\r\n\r\n   \n  POST /a 502   30  \r\nGET /b 200 7\r\n\n',
    {
      expect: lines('/a 2 20 0.50', '/b 1 7 0.00'),
    },
  );
  t.hidden(
    'edge cases',
    'client errors are not server errors',
    lines('GET /x 499 1', 'GET /x 404 1', 'GET /x 429 1', 'GET /x 500 1', 'GET /x 599 1'),
    {
      expect: lines('/x 5 1 0.40'),
    },
  );
  t.hidden(
    'edge cases',
    'query strings are dropped',
    lines('GET /search?q=a 200 10', 'GET /search?q=b&page=2 500 20', 'GET /search 200 30', 'GET /search/ 200 40', 'GET /?x=1 200 50'),
    {
      expect: lines('/ 1 50 0.00', '/search 3 20 0.33', '/search/ 1 40 0.00'),
    },
  );
  t.hidden(
    'edge cases',
    'path order is by code unit',
    lines('GET /a 200 1', 'GET /B 200 1', 'GET /_x 200 1', 'GET /1 200 1', 'GET /A-b 200 1', 'GET /a/b 200 1'),
    {
      expect: lines('/1 1 1 0.00', '/A-b 1 1 0.00', '/B 1 1 0.00', '/_x 1 1 0.00', '/a 1 1 0.00', '/a/b 1 1 0.00'),
    },
  );
  t.hidden(
    'edge cases',
    'average rounds down',
    lines('GET /p 200 1', 'GET /p 200 2', 'GET /q 200 2', 'GET /q 200 2', 'GET /q 200 3', 'GET /r 200 0', 'GET /r 200 999999'),
    {
      expect: lines('/p 2 1 0.00', '/q 3 2 0.00', '/r 2 499999 0.00'),
    },
  );
  t.hidden(
    'edge cases',
    'rates that need rounding',
    lines(
      'GET /t 500 1',
      'GET /t 500 1',
      'GET /t 200 1',
      ...Array.from({ length: 6 }, (_, i) => `GET /s ${i === 0 ? 503 : 200} 1`),
      ...Array.from({ length: 7 }, (_, i) => `GET /v ${i < 5 ? 500 : 200} 1`),
    ),
    { expect: lines('/s 6 1 0.17', '/t 3 1 0.67', '/v 7 1 0.71') },
  );
  t.hidden('edge cases', 'all server errors', lines('PUT /pay 500 100', 'PUT /pay 502 200', 'PUT /pay 504 301'), {
    expect: lines('/pay 3 200 1.00'),
  });
  const apiPaths = Array.from(
    { length: 40 },
    (_, i) => `/api/v${1 + (i % 2)}/${['users', 'orders', 'items', 'carts', 'auth'][i % 5]}${i >= 10 ? `/${i}` : ''}`,
  );
  t.hidden('large input', '4000 requests on 40 paths', randomLogs(rng, 4000, apiPaths, true), { weight: 2 });
  const manyPaths = Array.from({ length: 2000 }, (_, i) => `/items/${(i * 7919) % 100000}`);
  t.hidden('large input', '2500 requests on 2000 paths', randomLogs(rng, 2500, manyPaths, false), { weight: 2 });
  return {
    slug: 'aggregate-request-logs',
    title: 'Aggregate Request Logs',
    difficulty: 'Medium',
    tags: ['stdio', 'parsing', 'aggregation', 'logs'],
    statement: statement('aggregate-request-logs'),
    mode: 'stdio',
    ...STDIO_LANGUAGES,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`const stats = new Map();
for (const line of input.split('\n')) {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 4) continue;
  const path = fields[1].split('?')[0];
  let s = stats.get(path);
  if (s === undefined) {
    s = { count: 0, sum: 0, errors: 0 };
    stats.set(path, s);
  }
  s.count += 1;
  s.sum += Number(fields[3]);
  if (Number(fields[2]) >= 500) s.errors += 1;
}
for (const path of [...stats.keys()].sort()) {
  const s = stats.get(path);
  console.log(path + ' ' + s.count + ' ' + Math.floor(s.sum / s.count) + ' ' + (s.errors / s.count).toFixed(2));
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`declare function readline(): string | undefined;

interface PathStats {
  count: number;
  latencySum: number;
  errors: number;
}

const byPath = new Map<string, PathStats>();
for (let line = readline(); line !== undefined; line = readline()) {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 4) continue;
  const [, target, status, latency] = fields;
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const stats = byPath.get(path) ?? { count: 0, latencySum: 0, errors: 0 };
  byPath.set(path, stats);
  stats.count++;
  stats.latencySum += parseInt(latency, 10);
  if (parseInt(status, 10) >= 500) stats.errors++;
}

const report: string[] = [];
for (const path of [...byPath.keys()].sort()) {
  const { count, latencySum, errors } = byPath.get(path)!;
  report.push([path, count, Math.floor(latencySum / count), (errors / count).toFixed(2)].join(' '));
}
if (report.length > 0) console.log(report.join('\n'));
`,
      },
      {
        language: 'python',
        source: String.raw`import sys

stats: dict[str, list[int]] = {}  # path -> [requests, latency sum, server errors]
for line in sys.stdin:
    fields = line.split()
    if len(fields) != 4:
        continue
    path = fields[1].split("?", 1)[0]
    s = stats.setdefault(path, [0, 0, 0])
    s[0] += 1
    s[1] += int(fields[3])
    if int(fields[2]) >= 500:
        s[2] += 1

# sorted() orders str by code point; the format spec rounds to nearest (no ties in the input).
for path in sorted(stats):
    count, total, errors = stats[path]
    print(f"{path} {count} {total // count} {errors / count:.2f}")
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// rate-limiter

/** Re-scans each client's whole accepted history per request: quadratic and obviously right. */
function solveRateLimit(limit: number, windowMs: number, requests: [string, number][]): Json {
  const accepted: [string, number][] = [];
  return requests.map(([client, t]) => {
    const inWindow = accepted.filter(([c, at]) => c === client && at > t - windowMs).length;
    if (inWindow >= limit) return false;
    accepted.push([client, t]);
    return true;
  });
}

function randomRequests(rng: Rng, n: number, clients: string[], maxGap: number, start: number): [string, number][] {
  let t = start;
  return Array.from({ length: n }, () => {
    t += rng.next() < 0.2 ? 0 : rng.int(0, maxGap);
    return [rng.pick(clients), t];
  });
}

function rateLimiter(): ProblemFile {
  const rng = makeRng(seedOf('rate-limiter'));
  const t = functionTests(solveRateLimit);
  const a = (...ts: number[]): [string, number][] => ts.map((x) => ['a', x]);
  t.example('example 1', [2, 1000, a(0, 500, 999, 1000, 1499, 1500)], [true, true, false, true, false, true]);
  t.example(
    'clients are independent',
    [
      1,
      100,
      [
        ['alice', 10],
        ['bob', 10],
        ['alice', 50],
        ['bob', 110],
        ['alice', 110],
      ],
    ],
    [true, true, false, true, true],
  );
  t.hidden('edge cases', 'no requests', [3, 1000, []], { expect: [] });
  t.hidden('edge cases', 'burst at one timestamp', [3, 1000, a(5, 5, 5, 5, 5)], { expect: [true, true, true, false, false] });
  t.hidden('edge cases', 'rejected requests are not recorded', [2, 100, a(0, 10, 50, 90, 100, 105, 110)], {
    expect: [true, true, false, false, true, false, true],
  });
  t.hidden('edge cases', 'exactly one window apart', [1, 1000, a(0, 1000, 1999, 2000)], { expect: [true, true, false, true] });
  t.hidden('edge cases', 'one millisecond window', [1, 1, a(0, 0, 1, 1, 2, 4)], { expect: [true, false, true, false, true, true] });
  t.hidden('edge cases', 'sliding, not fixed, windows', [2, 1000, a(900, 950, 1000, 1050, 1900, 1950, 1960)], {
    expect: [true, true, false, false, true, true, false],
  });
  t.hidden(
    'edge cases',
    'similar client ids',
    [
      1,
      1000,
      [
        ['user-1', 0],
        ['user-10', 0],
        ['user-1 ', 0],
        ['User-1', 0],
        ['user-1', 1],
      ],
    ],
    {
      expect: [true, true, true, true, false],
    },
  );
  t.hidden(
    'edge cases',
    'epoch millisecond timestamps',
    [2, 60_000, a(1_700_000_000_000, 1_700_000_030_000, 1_700_000_059_999, 1_700_000_060_000)],
    {
      expect: [true, true, false, true],
    },
  );
  t.hidden('edge cases', 'limit above the number of requests', [100, 1_000_000_000, a(1, 2, 3, 4, 5)], {
    expect: [true, true, true, true, true],
  });
  const clients = Array.from({ length: 50 }, (_, i) => `c${i}`);
  t.hidden('large input', '5000 requests from 50 clients', [5, 1000, randomRequests(rng, 5000, clients, 30, 0)], { weight: 2 });
  t.hidden('large input', '4000 requests from one busy client', [800, 60_000, randomRequests(rng, 4000, ['t42'], 30, 1_700_000_000_000)], {
    weight: 2,
  });
  return {
    slug: 'rate-limiter',
    title: 'Sliding Window Rate Limiter',
    difficulty: 'Medium',
    tags: ['simulation', 'queues', 'hashing', 'api-design'],
    statement: statement('rate-limiter'),
    mode: 'function',
    entryPoint: 'rateLimit',
    ...functionLanguages(
      'rate_limit',
      {
        javascript: 'function rateLimit(limit, windowMs, requests)',
        typescript: 'function rateLimit(limit: number, windowMs: number, requests: [string, number][]): boolean[]',
        python: 'def rate_limit(limit: int, window_ms: int, requests: list[list]) -> list[bool]',
      },
      '[]',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function rateLimit(limit, windowMs, requests) {
  // per client: accepted timestamps and the index of the oldest one still in the window
  const logs = new Map();
  return requests.map(([client, t]) => {
    let log = logs.get(client);
    if (log === undefined) {
      log = { times: [], head: 0 };
      logs.set(client, log);
    }
    while (log.head < log.times.length && log.times[log.head] <= t - windowMs) log.head++;
    if (log.times.length - log.head >= limit) return false;
    log.times.push(t);
    return true;
  });
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`interface ClientLog {
  accepted: number[];
  oldest: number;
}

function rateLimit(limit: number, windowMs: number, requests: [string, number][]): boolean[] {
  const logs = new Map<string, ClientLog>();
  const allowed: boolean[] = [];
  for (const [client, at] of requests) {
    let log = logs.get(client);
    if (!log) {
      log = { accepted: [], oldest: 0 };
      logs.set(client, log);
    }
    while (log.oldest < log.accepted.length && log.accepted[log.oldest] <= at - windowMs) log.oldest++;
    const ok = log.accepted.length - log.oldest < limit;
    if (ok) log.accepted.push(at);
    allowed.push(ok);
  }
  return allowed;
}
`,
      },
      {
        language: 'python',
        source: String.raw`from collections import deque


def rate_limit(limit: int, window_ms: int, requests: list[list]) -> list[bool]:
    # per client: the accepted timestamps still inside the window, oldest first
    logs: dict[str, deque[int]] = {}
    allowed: list[bool] = []
    for client, at in requests:
        log = logs.setdefault(client, deque())
        while log and log[0] <= at - window_ms:
            log.popleft()
        ok = len(log) < limit
        if ok:
            log.append(at)
        allowed.append(ok)
    return allowed
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// lru-cache

type CacheOp = ['put', number, number] | ['get', number];

/** Recency as a plain array of keys, most recent last: linear per operation, easy to trust. */
function solveLru(capacity: number, operations: CacheOp[]): Json {
  const order: number[] = [];
  const values = new Map<number, number>();
  const touch = (key: number): void => {
    const at = order.indexOf(key);
    if (at >= 0) order.splice(at, 1);
    order.push(key);
  };
  const out: number[] = [];
  for (const op of operations) {
    if (op[0] === 'get') {
      if (values.has(op[1])) {
        touch(op[1]);
        out.push(values.get(op[1])!);
      } else out.push(-1);
    } else {
      if (!values.has(op[1]) && values.size === capacity) values.delete(order.shift()!);
      values.set(op[1], op[2]);
      touch(op[1]);
    }
  }
  return out;
}

function randomOps(rng: Rng, n: number, keys: number, getShare: number): CacheOp[] {
  return Array.from({ length: n }, (): CacheOp =>
    rng.next() < getShare ? ['get', rng.int(0, keys - 1)] : ['put', rng.int(0, keys - 1), rng.int(0, 1_000_000)],
  );
}

function lruCache(): ProblemFile {
  const rng = makeRng(seedOf('lru-cache'));
  const t = functionTests(solveLru);
  t.example(
    'example 1',
    [
      2,
      [
        ['put', 1, 1],
        ['put', 2, 2],
        ['get', 1],
        ['put', 3, 3],
        ['get', 2],
        ['put', 4, 4],
        ['get', 1],
        ['get', 3],
        ['get', 4],
      ],
    ],
    [1, -1, -1, 3, 4],
  );
  t.example(
    'capacity one',
    [
      1,
      [
        ['get', 7],
        ['put', 7, 70],
        ['get', 7],
        ['put', 8, 80],
        ['get', 7],
        ['get', 8],
      ],
    ],
    [-1, 70, -1, 80],
  );
  t.hidden('edge cases', 'no operations', [3, []], { expect: [] });
  t.hidden(
    'edge cases',
    'no gets',
    [
      1,
      [
        ['put', 1, 1],
        ['put', 2, 2],
      ],
    ],
    { expect: [] },
  );
  t.hidden(
    'edge cases',
    'updating a key refreshes it',
    [
      2,
      [
        ['put', 1, 1],
        ['put', 2, 2],
        ['put', 1, 10],
        ['put', 3, 3],
        ['get', 1],
        ['get', 2],
        ['get', 3],
      ],
    ],
    {
      expect: [10, -1, 3],
    },
  );
  t.hidden(
    'edge cases',
    'a get refreshes the key',
    [
      2,
      [
        ['put', 1, 1],
        ['put', 2, 2],
        ['get', 1],
        ['put', 3, 3],
        ['get', 2],
        ['get', 1],
        ['get', 3],
      ],
    ],
    {
      expect: [1, -1, 1, 3],
    },
  );
  t.hidden(
    'edge cases',
    'updating when full evicts nothing',
    [
      2,
      [
        ['put', 1, 1],
        ['put', 2, 2],
        ['put', 2, 20],
        ['get', 1],
        ['get', 2],
      ],
    ],
    { expect: [1, 20] },
  );
  t.hidden(
    'edge cases',
    'a failed get changes nothing',
    [
      2,
      [
        ['put', 1, 1],
        ['put', 2, 2],
        ['get', 9],
        ['put', 3, 3],
        ['get', 1],
        ['get', 2],
      ],
    ],
    {
      expect: [-1, -1, 2],
    },
  );
  t.hidden(
    'edge cases',
    'zero key and zero value',
    [
      2,
      [
        ['put', 0, 0],
        ['get', 0],
        ['put', 5, 0],
        ['get', 5],
        ['put', 6, 6],
        ['get', 0],
      ],
    ],
    {
      expect: [0, 0, -1],
    },
  );
  t.hidden(
    'edge cases',
    'large keys and values',
    [
      2,
      [
        ['put', 1_000_000_000, 999_999_999],
        ['put', 999_999_999, 1_000_000_000],
        ['get', 1_000_000_000],
        ['get', 999_999_999],
      ],
    ],
    {
      expect: [999_999_999, 1_000_000_000],
    },
  );
  t.hidden('large input', '5000 operations, capacity 50', [50, randomOps(rng, 5000, 150, 0.6)], { weight: 2 });
  t.hidden('large input', '6000 operations, capacity 2000', [2000, randomOps(rng, 6000, 4000, 0.5)], { weight: 2 });
  return {
    slug: 'lru-cache',
    title: 'LRU Cache Simulation',
    difficulty: 'Medium',
    tags: ['caching', 'hashing', 'linked-lists', 'simulation'],
    statement: statement('lru-cache'),
    mode: 'function',
    entryPoint: 'lruCache',
    ...functionLanguages(
      'lru_cache',
      {
        javascript: 'function lruCache(capacity, operations)',
        typescript: 'function lruCache(capacity: number, operations: (["put", number, number] | ["get", number])[]): number[]',
        python: 'def lru_cache(capacity: int, operations: list[list]) -> list[int]',
      },
      '[]',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [...t.tests, performanceTest('30000 keys, 90000 operations', { seed: 11, capacity: 30_000, ops: 60_000 }, 8)],
    generator: String.raw`// Deterministic: the same params always give the same test. mulberry32, a 32-bit seeded PRNG.
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fill the cache, then "ops" operations: gets and puts (half of them updates) over twice
// "capacity" keys, so hits, misses, updates and evictions all keep happening on a full cache.
function generate(params) {
  const rand = mulberry32(params.seed);
  const capacity = params.capacity;
  const operations = [];
  for (let k = 0; k < capacity; k++) operations.push(['put', k, k]);
  // An update of a cached key on a full cache evicts nothing: key 0, the least recent, stays.
  operations.push(['put', capacity - 1, 7], ['get', 0]);
  for (let i = 0; i < params.ops; i++) {
    const key = Math.floor(rand() * 2 * capacity);
    if (rand() < 0.5) operations.push(['get', key]);
    // a tenth of the values are 0: a cache that reads a stored 0 as a miss fails here too
    else operations.push(['put', key, rand() < 0.1 ? 0 : Math.floor(rand() * 1e9)]);
  }
  return [capacity, operations];
}
`,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function lruCache(capacity, operations) {
  // A Map iterates in insertion order: delete + set moves a key to the most recent end.
  const cache = new Map();
  const results = [];
  for (const op of operations) {
    const key = op[1];
    if (op[0] === 'get') {
      if (!cache.has(key)) {
        results.push(-1);
        continue;
      }
      const value = cache.get(key);
      cache.delete(key);
      cache.set(key, value);
      results.push(value);
    } else {
      if (cache.has(key)) cache.delete(key);
      else if (cache.size >= capacity) cache.delete(cache.keys().next().value);
      cache.set(key, op[2]);
    }
  }
  return results;
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`interface Entry {
  key: number;
  value: number;
  prev: Entry;
  next: Entry;
}

type Operation = ['put', number, number] | ['get', number];

function lruCache(capacity: number, operations: Operation[]): number[] {
  // Circular doubly linked list around a sentinel: sentinel.next is the least recently used.
  const sentinel = { key: -1, value: -1 } as Entry;
  sentinel.prev = sentinel.next = sentinel;
  const index = new Map<number, Entry>();

  const unlink = (e: Entry): void => {
    e.prev.next = e.next;
    e.next.prev = e.prev;
  };
  const pushNewest = (e: Entry): void => {
    e.prev = sentinel.prev;
    e.next = sentinel;
    sentinel.prev.next = e;
    sentinel.prev = e;
  };

  const results: number[] = [];
  for (const op of operations) {
    const found = index.get(op[1]);
    if (op[0] === 'get') {
      if (!found) {
        results.push(-1);
        continue;
      }
      unlink(found);
      pushNewest(found);
      results.push(found.value);
    } else if (found) {
      found.value = op[2];
      unlink(found);
      pushNewest(found);
    } else {
      if (index.size >= capacity) {
        const evicted = sentinel.next;
        unlink(evicted);
        index.delete(evicted.key);
      }
      const entry = { key: op[1], value: op[2] } as Entry;
      index.set(entry.key, entry);
      pushNewest(entry);
    }
  }
  return results;
}
`,
      },
      {
        language: 'python',
        source: String.raw`from collections import OrderedDict


def lru_cache(capacity: int, operations: list[list]) -> list[int]:
    # An OrderedDict keeps keys least recently used first; move_to_end marks one as used.
    cache: OrderedDict[int, int] = OrderedDict()
    results: list[int] = []
    for op in operations:
        key = op[1]
        if op[0] == "get":
            if key in cache:
                cache.move_to_end(key)
                results.append(cache[key])
            else:
                results.append(-1)
        else:
            if key in cache:
                cache.move_to_end(key)
            elif len(cache) >= capacity:
                cache.popitem(last=False)
            cache[key] = op[2]
    return results
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// group-by-sum

type Row = { [key: string]: Json };

/** Groups found by linear search with ===, which is exactly SQL's typed key equality here. */
function solveGroupBy(rows: Row[], keyField: string, valueField: string): Json {
  const groups: { key: string | number | null; total: number; count: number }[] = [];
  for (const row of rows) {
    const raw = Object.prototype.hasOwnProperty.call(row, keyField) ? row[keyField] : null;
    if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number') throw new Error(`group-by-sum: bad key ${JSON.stringify(raw)}`);
    let g = groups.find((x) => x.key === raw);
    if (!g) groups.push((g = { key: raw, total: 0, count: 0 }));
    const v = Object.prototype.hasOwnProperty.call(row, valueField) ? row[valueField] : null;
    if (v !== null && !Number.isInteger(v)) throw new Error(`group-by-sum: bad value ${JSON.stringify(v)}`);
    g.total += (v as number | null) ?? 0;
    g.count += 1;
  }
  return groups;
}

function groupBySum(): ProblemFile {
  const rng = makeRng(seedOf('group-by-sum'));
  const t = functionTests(solveGroupBy);
  t.example(
    'example 1',
    [
      [
        { service: 'auth', ms: 120 },
        { service: 'billing', ms: 300 },
        { service: 'auth', ms: 80 },
      ],
      'service',
      'ms',
    ],
    [
      { key: 'auth', total: 200, count: 2 },
      { key: 'billing', total: 300, count: 1 },
    ],
  );
  t.example(
    'a missing key is the null group',
    [
      [
        { region: 'eu', amount: 5, id: 1 },
        { region: 'us', amount: -2, id: 2 },
        { amount: 7, id: 3 },
      ],
      'region',
      'amount',
    ],
    [
      { key: 'eu', total: 5, count: 1 },
      { key: 'us', total: -2, count: 1 },
      { key: null, total: 7, count: 1 },
    ],
  );
  t.hidden('edge cases', 'no rows', [[], 'k', 'v'], { expect: [] });
  t.hidden(
    'edge cases',
    'number and string keys differ',
    [
      [
        { k: 1, v: 1 },
        { k: '1', v: 2 },
        { k: 1, v: 3 },
      ],
      'k',
      'v',
    ],
    {
      expect: [
        { key: 1, total: 4, count: 2 },
        { key: '1', total: 2, count: 1 },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'missing and null values still count',
    [[{ k: 'a', v: null }, { k: 'a' }, { k: 'a', v: 4 }, { k: 'b' }], 'k', 'v'],
    {
      expect: [
        { key: 'a', total: 4, count: 3 },
        { key: 'b', total: 0, count: 1 },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'null and missing keys together',
    [[{ k: null, v: 1 }, { v: 2 }, { k: 'x', v: 3 }, { k: 'null', v: 4 }], 'k', 'v'],
    {
      expect: [
        { key: null, total: 3, count: 2 },
        { key: 'x', total: 3, count: 1 },
        { key: 'null', total: 4, count: 1 },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'zero and empty-string keys',
    [[{ k: 0, v: 5 }, { k: '', v: 6 }, { k: 0, v: 1 }, { v: 10 }, { k: '0', v: 2 }], 'k', 'v'],
    {
      expect: [
        { key: 0, total: 6, count: 2 },
        { key: '', total: 6, count: 1 },
        { key: null, total: 10, count: 1 },
        { key: '0', total: 2, count: 1 },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'keys named like object members',
    [
      [
        { k: 'constructor', v: 1 },
        { k: 'toString', v: 2 },
        { k: '__proto__', v: 3 },
        { k: 'constructor', v: 4 },
        { k: 'hasOwnProperty', v: 5 },
      ],
      'k',
      'v',
    ],
    {
      expect: [
        { key: 'constructor', total: 5, count: 2 },
        { key: 'toString', total: 2, count: 1 },
        { key: '__proto__', total: 3, count: 1 },
        { key: 'hasOwnProperty', total: 5, count: 1 },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'totals that cancel out',
    [
      [
        { k: 'a', v: 1_000_000 },
        { k: 'a', v: -1_000_000 },
        { k: 'b', v: -3 },
      ],
      'k',
      'v',
    ],
    {
      expect: [
        { key: 'a', total: 0, count: 2 },
        { key: 'b', total: -3, count: 1 },
      ],
    },
  );
  t.hidden('edge cases', 'grouping and summing the same field', [[{ n: 2 }, { n: 2 }, { n: 3 }], 'n', 'n'], {
    expect: [
      { key: 2, total: 4, count: 2 },
      { key: 3, total: 3, count: 1 },
    ],
  });
  const services = Array.from({ length: 25 }, (_, i) => `svc-${i}`);
  const fewGroups: Row[] = Array.from({ length: 3000 }, () => ({ service: rng.pick(services), ms: rng.int(0, 2000) }));
  t.hidden('large input', '3000 rows in 25 groups', [fewGroups, 'service', 'ms'], { weight: 2 });
  const manyGroups: Row[] = Array.from({ length: 3000 }, () => {
    const id = rng.int(0, 749);
    const r = rng.next();
    const row: Row = { v: rng.int(-1_000_000, 1_000_000) };
    if (r < 0.45) row.k = id;
    else if (r < 0.9) row.k = String(id);
    else if (r < 0.95) row.k = null;
    if (rng.next() < 0.05) delete row.v;
    return row;
  });
  t.hidden('large input', '3000 rows in about 1500 mixed-type groups', [manyGroups, 'k', 'v'], { weight: 2 });
  return {
    slug: 'group-by-sum',
    title: 'Group By and Sum',
    difficulty: 'Easy',
    tags: ['hashing', 'aggregation', 'sql'],
    statement: statement('group-by-sum'),
    mode: 'function',
    entryPoint: 'groupBySum',
    ...functionLanguages(
      'group_by_sum',
      {
        javascript: 'function groupBySum(rows, keyField, valueField)',
        typescript:
          'function groupBySum(rows: Record<string, unknown>[], keyField: string, valueField: string): { key: string | number | null; total: number; count: number }[]',
        python: 'def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]',
      },
      '[]',
    ),
    limits: { timeMs: 1000, memoryMb: 64 },
    checker: { type: 'unordered' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function groupBySum(rows, keyField, valueField) {
  // A Map compares keys by type and value (1 and "1" differ), like SQL, and has no prototype keys.
  const groups = new Map();
  for (const row of rows) {
    const key = row[keyField] ?? null;
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, total: 0, count: 0 };
      groups.set(key, group);
    }
    group.total += row[valueField] ?? 0;
    group.count += 1;
  }
  return [...groups.values()];
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`type GroupKey = string | number | null;

interface Group {
  key: GroupKey;
  total: number;
  count: number;
}

function groupBySum(rows: Record<string, unknown>[], keyField: string, valueField: string): Group[] {
  const groups = new Map<GroupKey, Group>();
  for (const row of rows) {
    const key = (row[keyField] ?? null) as GroupKey;
    const group = groups.get(key) ?? { key, total: 0, count: 0 };
    groups.set(key, group);
    group.total += (row[valueField] as number | null | undefined) ?? 0;
    group.count += 1;
  }
  return Array.from(groups.values());
}
`,
      },
      {
        language: 'python',
        source: String.raw`def group_by_sum(rows: list[dict], key_field: str, value_field: str) -> list[dict]:
    # Dict keys compare by type and value here (1 and "1" differ), like SQL's typed keys;
    # a missing key and None land in the same None group.
    groups: dict = {}
    for row in rows:
        key = row.get(key_field)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"key": key, "total": 0, "count": 0}
        value = row.get(value_field)
        if value is not None:
            group["total"] += value
        group["count"] += 1
    return list(groups.values())
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// latency-percentiles

function solvePercentiles(latencies: number[], ps: number[]): Json {
  const x = [...latencies].sort((a, b) => a - b);
  return ps.map((p) => {
    const rank = ((x.length - 1) * p) / 100;
    const below = Math.floor(rank);
    const above = Math.min(below + 1, x.length - 1);
    // 12 significant digits: drops float noise (228.00000000000003) far below the checker's 1e-6.
    return Number((x[below] + (rank - below) * (x[above] - x[below])).toPrecision(12));
  });
}

function latencyPercentiles(): ProblemFile {
  const rng = makeRng(seedOf('latency-percentiles'));
  const t = functionTests(solvePercentiles);
  t.example(
    'example 1',
    [
      [120, 80, 100, 300, 90],
      [50, 90, 100],
    ],
    [100, 228, 300],
  );
  t.example('a single latency', [[5], [0, 50, 99.9]], [5, 5, 5]);
  t.hidden(
    'edge cases',
    'interpolating between two values',
    [
      [20, 10],
      [25, 50, 75],
    ],
    { expect: [12.5, 15, 17.5] },
  );
  t.hidden(
    'edge cases',
    'numeric, not lexicographic, order',
    [
      [9, 100, 10, 1000, 2],
      [0, 25, 50, 100],
    ],
    { expect: [2, 9, 10, 1000] },
  );
  t.hidden(
    'edge cases',
    'duplicates',
    [
      [7, 7, 7, 7, 1],
      [10, 50, 80],
    ],
    { expect: [3.4, 7, 7] },
  );
  t.hidden(
    'edge cases',
    'minimum and maximum',
    [
      [3, 1, 2, 5, 4],
      [0, 100],
    ],
    { expect: [1, 5] },
  );
  t.hidden('edge cases', 'fractional latencies and percentiles', [
    [0.5, 1.25, 3.75, 2.5],
    [33.3, 66.7, 99.99],
  ]);
  t.hidden(
    'edge cases',
    'percentiles in any order',
    [
      [10, 20, 30, 40, 50],
      [99, 1, 50],
    ],
    { expect: [49.6, 10.4, 30] },
  );
  t.hidden(
    'edge cases',
    'all zero',
    [
      [0, 0, 0],
      [0, 50, 99],
    ],
    { expect: [0, 0, 0] },
  );
  // Log-normal-ish latencies with two decimals: a long tail, like real request timings.
  const skewed = Array.from(
    { length: 5000 },
    () => Math.round(Math.exp(3 + 1.2 * (rng.next() + rng.next() + rng.next() - 1.5)) * 100) / 100,
  );
  t.hidden('large input', '5000 skewed latencies', [skewed, [50, 90, 95, 99, 99.9]], { weight: 2 });
  const coarse = Array.from({ length: 8000 }, () => rng.int(0, 40) * 25);
  t.hidden('large input', '8000 latencies with many duplicates', [coarse, Array.from({ length: 21 }, (_, i) => i * 5)], { weight: 2 });
  return {
    slug: 'latency-percentiles',
    title: 'Latency Percentiles',
    difficulty: 'Easy',
    tags: ['sorting', 'statistics', 'observability'],
    statement: statement('latency-percentiles'),
    mode: 'function',
    entryPoint: 'percentiles',
    ...functionLanguages(
      'percentiles',
      {
        javascript: 'function percentiles(latencies, ps)',
        typescript: 'function percentiles(latencies: number[], ps: number[]): number[]',
        python: 'def percentiles(latencies: list[float], ps: list[float]) -> list[float]',
      },
      '[]',
    ),
    limits: { timeMs: 1000, memoryMb: 64 },
    checker: { type: 'float', epsilon: 1e-6 },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function percentiles(latencies, ps) {
  const sorted = latencies.slice().sort((a, b) => a - b);
  return ps.map((p) => {
    const h = ((sorted.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  });
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`function percentiles(latencies: number[], ps: number[]): number[] {
  const sorted = latencies.slice().sort((a, b) => a - b);
  return ps.map((p) => {
    const h = ((sorted.length - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  });
}
`,
      },
      {
        language: 'python',
        source: String.raw`import math


def percentiles(latencies: list[float], ps: list[float]) -> list[float]:
    xs = sorted(latencies)
    result = []
    for p in ps:
        h = (len(xs) - 1) * p / 100
        lo, hi = math.floor(h), math.ceil(h)
        result.append(xs[lo] + (h - lo) * (xs[hi] - xs[lo]))
    return result
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// service-start-order

/** Picks the smallest ready name by scanning the sorted names each step: quadratic, plain. */
function solveStartOrder(stdin: string): string {
  const deps = new Map<string, Set<string>>();
  for (const raw of stdin.split('\n')) {
    const names = raw.split(/[ \r]+/).filter((f) => f !== '');
    if (names.length === 0) continue;
    if (names.length > 2 || names.some((n) => !/^[a-z0-9-]{1,20}$/.test(n)))
      throw new Error(`service-start-order: bad line ${JSON.stringify(raw)}`);
    for (const n of names) if (!deps.has(n)) deps.set(n, new Set());
    if (names.length === 2) deps.get(names[0])!.add(names[1]);
  }
  const pending = [...deps.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const started = new Set<string>();
  const order: string[] = [];
  while (pending.length > 0) {
    const at = pending.findIndex((s) => [...deps.get(s)!].every((d) => started.has(d)));
    if (at < 0) return 'CYCLE\n';
    const [s] = pending.splice(at, 1);
    started.add(s);
    order.push(s);
  }
  return order.map((s) => `${s}\n`).join('');
}

function randomName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let s = '';
    const n = rng.int(3, 8);
    for (let i = 0; i < n; i++) s += rng.pick([...'abcdefghijklmnopqrstuvwxyz0123456789-']);
    if (/^[a-z]/.test(s) && !taken.has(s)) {
      taken.add(s);
      return s;
    }
  }
}

/** A random acyclic system: each service depends only on services earlier in a hidden order. */
function randomSystem(rng: Rng, services: number, edges: number): { names: string[]; rows: string[] } {
  const taken = new Set<string>();
  const names = Array.from({ length: services }, () => randomName(rng, taken));
  const rows: string[] = [];
  for (let i = 0; i < edges; i++) {
    const a = rng.int(1, services - 1);
    const b = rng.int(Math.max(0, a - 200), a - 1);
    rows.push(`${names[a]} ${names[b]}`);
  }
  for (const n of names) if (rng.next() < 0.1) rows.push(n);
  return { names, rows: rng.shuffle(rows) };
}

function serviceStartOrder(): ProblemFile {
  const rng = makeRng(seedOf('service-start-order'));
  const t = stdioTests(solveStartOrder);
  t.example(
    'example 1',
    lines('api db', 'api cache', 'worker db', 'worker queue', 'cache'),
    lines('cache', 'db', 'api', 'queue', 'worker'),
  );
  t.example('a dependency cycle', lines('a b', 'b c', 'c a', 'd'), lines('CYCLE'));
  t.hidden('edge cases', 'no services', '', { expect: '' });
  t.hidden('edge cases', 'a single service', lines('solo'), { expect: lines('solo') });
  t.hidden('edge cases', 'a service depending on itself', lines('db', 'api db', 'x x'), { expect: lines('CYCLE') });
  t.hidden('edge cases', 'repeated dependencies', lines('b a', 'b a', 'c b', 'b a'), { expect: lines('a', 'b', 'c') });
  t.hidden('edge cases', 'services without dependencies', lines('zeta', 'alpha', 'mid', 'beta alpha', 'gamma'), {
    expect: lines('alpha', 'beta', 'gamma', 'mid', 'zeta'),
  });
  t.hidden('edge cases', 'ready order beats input order', lines('z-app a-lib', 'm-app a-lib', 'b-lib', 'a-lib'), {
    expect: lines('a-lib', 'b-lib', 'm-app', 'z-app'),
  });
  t.hidden('edge cases', 'names compare by code unit', lines('svc-9', 'svc-10', 'svc-1', 'svc1', 'svc-'), {
    expect: lines('svc-', 'svc-1', 'svc-10', 'svc-9', 'svc1'),
  });
  t.hidden('edge cases', 'spaces and CRLF', '  web   api \r\n\r\napi db\r\n   \n db \r\n', { expect: lines('db', 'api', 'web') });
  t.hidden('edge cases', 'a diamond', lines('app auth', 'app billing', 'auth db', 'billing db', 'billing queue', 'queue db'), {
    expect: lines('db', 'auth', 'queue', 'billing', 'app'),
  });
  const acyclic = randomSystem(rng, 2000, 4000);
  t.hidden('large input', '2000 services', lines(...acyclic.rows), { weight: 2 });
  const cyclic = randomSystem(rng, 2000, 4000);
  // One edge back from an early service to a late one closes a long cycle deep in the graph.
  cyclic.rows.splice(rng.int(0, cyclic.rows.length), 0, `${cyclic.names[100]} ${cyclic.names[1900]}`);
  t.hidden('large input', '2000 services with one long cycle', lines(...cyclic.rows), { weight: 2, expect: lines('CYCLE') });
  // The acyclic system again, one of its services (late in the hidden order) depending on itself:
  // a solution that only looks for cycles through other services starts all 2000.
  const selfDependent = acyclic.names[1890];
  t.hidden('large input', 'a self-dependency among 2000 services', lines(...acyclic.rows, `${selfDependent} ${selfDependent}`), {
    weight: 2,
    expect: lines('CYCLE'),
  });
  // Names sorted against the start order: the smallest name is the last to become ready, so a
  // solution that rescans all names and, for each, all dependency lines, does cubic work.
  const chainNames = Array.from({ length: 2000 }, (_, i) => `s${String(9999 - i).padStart(4, '0')}`);
  const chainRows = rng.shuffle([
    ...chainNames.slice(1).map((n, i) => `${n} ${chainNames[i]}`),
    ...Array.from({ length: 1000 }, () => {
      const a = rng.int(2, chainNames.length - 1);
      return `${chainNames[a]} ${chainNames[rng.int(0, a - 2)]}`;
    }),
  ]);
  t.hidden('performance', 'a long chain named against its order', lines(...chainRows), { weight: 2 });
  return {
    slug: 'service-start-order',
    title: 'Service Start Order',
    difficulty: 'Hard',
    tags: ['stdio', 'graphs', 'topological-sort', 'heaps'],
    statement: statement('service-start-order'),
    mode: 'stdio',
    ...STDIO_LANGUAGES,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'tokens' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`// Kahn's algorithm with a min-heap of ready names: O((V + E) log V).
const dependents = new Map();
const waitingOn = new Map();
const edges = new Set();
const declare = (name) => {
  if (!waitingOn.has(name)) {
    waitingOn.set(name, 0);
    dependents.set(name, []);
  }
};
for (const line of input.split('\n')) {
  const names = line.trim().split(/\s+/).filter((n) => n !== '');
  if (names.length === 0) continue;
  names.forEach(declare);
  if (names.length < 2) continue;
  const [service, dependency] = names;
  const edge = service + ' ' + dependency;
  if (edges.has(edge)) continue;
  edges.add(edge);
  waitingOn.set(service, waitingOn.get(service) + 1);
  dependents.get(dependency).push(service);
}

const heap = [];
const push = (name) => {
  heap.push(name);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= heap[i]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
};
const pop = () => {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l] < heap[m]) m = l;
      if (r < heap.length && heap[r] < heap[m]) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
};

for (const [name, count] of waitingOn) if (count === 0) push(name);
const order = [];
while (heap.length > 0) {
  const name = pop();
  order.push(name);
  for (const next of dependents.get(name)) {
    const left = waitingOn.get(next) - 1;
    waitingOn.set(next, left);
    if (left === 0) push(next);
  }
}
if (order.length < waitingOn.size) console.log('CYCLE');
else if (order.length > 0) console.log(order.join('\n'));
`,
      },
      {
        language: 'typescript',
        source: String.raw`declare function readline(): string | undefined;

class MinHeap {
  private readonly items: string[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: string): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }

  pop(): string {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (l + 1 < a.length && a[l + 1] < a[m]) m = l + 1;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

const dependsOn = new Map<string, Set<string>>();
const usedBy = new Map<string, string[]>();
const service = (name: string): Set<string> => {
  let deps = dependsOn.get(name);
  if (!deps) {
    deps = new Set();
    dependsOn.set(name, deps);
    usedBy.set(name, []);
  }
  return deps;
};

for (let line = readline(); line !== undefined; line = readline()) {
  const names = line.split(/\s+/).filter(Boolean);
  if (names.length === 0) continue;
  const deps = service(names[0]);
  if (names.length === 2) {
    service(names[1]);
    if (!deps.has(names[1])) {
      deps.add(names[1]);
      usedBy.get(names[1])!.push(names[0]);
    }
  }
}

const remaining = new Map<string, number>();
const ready = new MinHeap();
for (const [name, deps] of dependsOn) {
  remaining.set(name, deps.size);
  if (deps.size === 0) ready.push(name);
}
const order: string[] = [];
while (ready.size > 0) {
  const name = ready.pop();
  order.push(name);
  for (const user of usedBy.get(name)!) {
    const left = remaining.get(user)! - 1;
    remaining.set(user, left);
    if (left === 0) ready.push(user);
  }
}
if (order.length < dependsOn.size) console.log('CYCLE');
else if (order.length > 0) console.log(order.join(' '));
`,
      },
      {
        language: 'python',
        source: String.raw`import heapq
import sys

# Kahn's algorithm with a min-heap of ready names: O((V + E) log V).
depends_on: dict[str, set[str]] = {}
used_by: dict[str, list[str]] = {}
for line in sys.stdin:
    names = line.split()
    for name in names:
        if name not in depends_on:
            depends_on[name] = set()
            used_by[name] = []
    if len(names) == 2:
        service, dependency = names
        if dependency not in depends_on[service]:
            depends_on[service].add(dependency)
            used_by[dependency].append(service)

waiting = {name: len(deps) for name, deps in depends_on.items()}
ready = [name for name, n in waiting.items() if n == 0]
heapq.heapify(ready)
order = []
while ready:
    name = heapq.heappop(ready)
    order.append(name)
    for user in used_by[name]:
        waiting[user] -= 1
        if waiting[user] == 0:
            heapq.heappush(ready, user)

if len(order) < len(depends_on):
    print("CYCLE")
elif order:
    print("\n".join(order))
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// SQL problems: shared helpers
//
// Each SQL problem's expected result sets come from a plain-JS solver over the same rows the
// test loads (never from running the reference query); libs/assessments/src/bank/sql-bank.spec.ts
// then runs every reference and known-wrong query in SQLite (better-sqlite3) against them.

type Tables = { [table: string]: Json[][] };
type Record_ = { [column: string]: Json };

/** Binary collation, as SQLite's default: UTF-8 byte order, which is code point order. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Rows of one table as objects, by the column order of the schema. */
function records(tables: Tables, table: string, columns: string[]): Record_[] {
  return (tables[table] ?? []).map((row) => {
    if (row.length !== columns.length) throw new Error(`${table}: row ${JSON.stringify(row)} has ${row.length} values`);
    return Object.fromEntries(columns.map((c, i) => [c, row[i]]));
  });
}

function sqlTests(columns: string[], solve: (tables: Tables) => Json[][]) {
  const tests: SqlTestCase[] = [];
  const expected = (data: Tables): ResultSet => ({ columns, rows: solve(clone(data)) });
  return {
    tests,
    example(name: string, data: Tables, rows: Json[][]): void {
      const e = expected(data);
      assertEqual(e.rows, rows, name);
      tests.push({ name, data, expected: e, hidden: false, weight: 1, category: 'examples' });
    },
    hidden(category: string, name: string, data: Tables, opts: { weight?: number; expect?: Json[][] } = {}): void {
      const e = expected(data);
      if (opts.expect !== undefined) assertEqual(e.rows, opts.expect, name);
      tests.push({ name, data, expected: e, hidden: true, weight: opts.weight ?? 1, category });
    },
  };
}

/** An SQL problem's language fields; the starter runs (reading the main table) so the editor opens on valid SQL. */
function sqlLanguages(table: string) {
  return {
    languages: ['sql'] as Language[],
    starters: {
      sql: `-- Your query here: the last statement that returns rows is your answer.\nSELECT *\nFROM ${table};\n`,
    },
  };
}

/** 'YYYY-MM-DD HH:MM:SS' for a number of seconds after 2026-03-01 00:00:00 UTC. */
function timestamp(seconds: number): string {
  return new Date(Date.UTC(2026, 2, 1) + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

// ---------------------------------------------------------------------------------------------
// endpoint-error-rates (GROUP BY / HAVING)

const REQUEST_COLUMNS = ['id', 'endpoint', 'status', 'latency_ms'];

function solveErrorRates(tables: Tables): Json[][] {
  const groups = new Map<string, { requests: number; errors: number }>();
  for (const r of records(tables, 'requests', REQUEST_COLUMNS)) {
    const g = groups.get(r.endpoint as string) ?? { requests: 0, errors: 0 };
    groups.set(r.endpoint as string, g);
    g.requests += 1;
    if (r.status !== null && (r.status as number) >= 500) g.errors += 1;
  }
  return (
    [...groups.entries()]
      .filter(([, g]) => g.requests >= 3)
      // exact comparison of errors/requests by cross-multiplication: no floating point involved
      .sort(([ea, a], [eb, b]) => b.errors * a.requests - a.errors * b.requests || b.requests - a.requests || byCodePoint(ea, eb))
      .map(([endpoint, g]) => [endpoint, g.requests, g.errors, Math.floor((g.errors * 1000) / g.requests)])
  );
}

function requestRows(rows: [string, number | null, number?][], firstId = 1): Json[][] {
  return rows.map(([endpoint, status, latency], i) => [firstId + i, endpoint, status, latency ?? 20 + ((i * 37) % 200)]);
}

/** Requests in runs of `count` identical (endpoint, status) lines; latencies cycle through 10-99 ms. */
function requestRuns(...runs: [string, number | null, number][]): Json[][] {
  return runs
    .flatMap(([endpoint, status, count]) => Array.from({ length: count }, (): [string, number | null] => [endpoint, status]))
    .map(([endpoint, status], i) => [i + 1, endpoint, status, 10 + ((i + 1) % 90)]);
}

function endpointErrorRates(): ProblemFile {
  const rng = makeRng(seedOf('endpoint-error-rates'));
  const t = sqlTests(['endpoint', 'requests', 'server_errors', 'error_permille'], solveErrorRates);
  t.example(
    'example 1',
    {
      requests: requestRows([
        ['/login', 200],
        ['/login', 500],
        ['/login', 200],
        ['/search', 503],
        ['/search', 200],
        ['/search', 504],
        ['/search', 404],
        ['/health', 200],
        ['/health', 200],
        ['/export', 500],
      ]),
    },
    [
      ['/search', 4, 2, 500],
      ['/login', 3, 1, 333],
    ],
  );
  t.example(
    'no errors at all',
    {
      requests: requestRows([
        ['/a', 200],
        ['/a', 201],
        ['/a', 302],
        ['/b', 200],
        ['/b', 200],
        ['/b', 200],
        ['/b', 404],
      ]),
    },
    [
      ['/b', 4, 0, 0],
      ['/a', 3, 0, 0],
    ],
  );
  t.hidden(
    'nulls',
    'requests without a status count, but not as errors',
    {
      requests: requestRows([
        ['/up', null],
        ['/up', null],
        ['/up', 500],
        ['/up', 200],
        ['/down', 502],
        ['/down', null],
        ['/down', 503],
      ]),
    },
    {
      expect: [
        ['/down', 3, 2, 666],
        ['/up', 4, 1, 250],
      ],
    },
  );
  t.hidden(
    'nulls',
    'only statusless requests',
    {
      requests: requestRows([
        ['/ws', null],
        ['/ws', null],
        ['/ws', null],
      ]),
    },
    {
      expect: [['/ws', 3, 0, 0]],
    },
  );
  t.hidden(
    'ties',
    'equal rates: more requests first, then by name',
    {
      requests: requestRows([
        ...Array.from({ length: 3 }, (_, i): [string, number] => ['/c', i === 0 ? 500 : 200]),
        ...Array.from({ length: 3 }, (_, i): [string, number] => ['/a', i === 0 ? 500 : 200]),
        ...Array.from({ length: 6 }, (_, i): [string, number] => ['/b', i < 2 ? 500 : 200]),
        ...Array.from({ length: 4 }, (_, i): [string, number] => ['/d', i < 3 ? 500 : 200]),
      ]),
    },
    {
      expect: [
        ['/d', 4, 3, 750],
        ['/b', 6, 2, 333],
        ['/a', 3, 1, 333],
        ['/c', 3, 1, 333],
      ],
    },
  );
  t.hidden(
    'ties',
    'rates closer than the rounded permille',
    {
      requests: requestRows([
        ...Array.from({ length: 1000 }, (_, i): [string, number] => ['/x', i < 1 ? 500 : 200]),
        ...Array.from({ length: 999 }, (_, i): [string, number] => ['/y', i < 1 ? 500 : 200]),
      ]),
    },
    {
      expect: [
        ['/y', 999, 1, 1],
        ['/x', 1000, 1, 1],
      ],
    },
  );
  t.hidden(
    'ties',
    'a rate above zero rounds down to 0 permille',
    {
      requests: requestRuns(
        ['/rare', 500, 1],
        ['/rare', 200, 990],
        ['/rare', null, 10],
        ['/never', 200, 1400],
        ['/never', null, 100],
        ['/quiet', 204, 1],
        ['/quiet', null, 1],
        ['/quiet', 200, 1],
      ),
    },
    {
      expect: [
        ['/rare', 1001, 1, 0],
        ['/never', 1500, 0, 0],
        ['/quiet', 3, 0, 0],
      ],
    },
  );
  t.hidden(
    'ties',
    'two in three against 666 in 1000',
    {
      requests: requestRuns(
        ['/jobs', 503, 1],
        ['/jobs', 500, 1],
        ['/jobs', null, 1],
        ['/batch', 500, 666],
        ['/batch', 200, 300],
        ['/batch', null, 34],
        ['/cron', 500, 2],
        ['/cron', 200, 2],
        ['/cron', null, 1],
      ),
    },
    {
      weight: 2,
      expect: [
        ['/jobs', 3, 2, 666],
        ['/batch', 1000, 666, 666],
        ['/cron', 5, 2, 400],
      ],
    },
  );
  t.hidden(
    'ties',
    'several rates within one permille',
    {
      requests: requestRuns(
        ['/p1', 500, 1],
        ['/p1', 200, 989],
        ['/p1', null, 10],
        ['/p2', 500, 2],
        ['/p2', 200, 990],
        ['/p2', null, 9],
        ['/p3', 500, 1],
        ['/p3', 200, 988],
        ['/p3', null, 10],
      ),
    },
    {
      weight: 2,
      expect: [
        ['/p2', 1001, 2, 1],
        ['/p3', 999, 1, 1],
        ['/p1', 1000, 1, 1],
      ],
    },
  );
  t.hidden('empty', 'no requests', { requests: [] }, { expect: [] });
  t.hidden(
    'empty',
    'no endpoint reaches three requests',
    {
      requests: requestRows([
        ['/a', 500],
        ['/a', 500],
        ['/b', 200],
      ]),
    },
    { expect: [] },
  );
  t.hidden(
    'duplicates',
    'identical log lines each count',
    {
      requests: requestRows([
        ['/pay', 500, 100],
        ['/pay', 500, 100],
        ['/pay', 500, 100],
        ['/pay', 200, 100],
        ['/list', 200, 5],
        ['/list', 200, 5],
        ['/list', 200, 5],
      ]),
    },
    {
      expect: [
        ['/pay', 4, 3, 750],
        ['/list', 3, 0, 0],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'exactly three requests is enough',
    {
      requests: requestRows([
        ['/three', 500],
        ['/three', 200],
        ['/three', 200],
        ['/two', 500],
        ['/two', 500],
      ]),
    },
    { expect: [['/three', 3, 1, 333]] },
  );
  t.hidden(
    'edge cases',
    'status boundaries and case-sensitive endpoints',
    {
      requests: requestRows([
        ['/Users', 499],
        ['/Users', 500],
        ['/Users', 599],
        ['/users', 429],
        ['/users', 404],
        ['/users', 200],
      ]),
    },
    {
      expect: [
        ['/Users', 3, 2, 666],
        ['/users', 3, 0, 0],
      ],
    },
  );
  const endpoints = Array.from({ length: 60 }, (_, i) => `/api/${['orders', 'users', 'carts', 'items', 'auth', 'search'][i % 6]}/${i}`);
  const big = Array.from({ length: 3000 }, (_, i): Json[] => {
    const endpoint = rng.pick(endpoints);
    const r = rng.next();
    return [i + 1, endpoint, r < 0.03 ? null : rng.pick(STATUSES), rng.int(1, 3000)];
  });
  t.hidden('large input', '3000 requests on 60 endpoints', { requests: big }, { weight: 2 });
  return {
    slug: 'endpoint-error-rates',
    title: 'Endpoints Ranked by Error Rate',
    difficulty: 'Medium',
    tags: ['sql', 'aggregation', 'group-by', 'observability'],
    statement: statement('endpoint-error-rates'),
    mode: 'sql',
    ...sqlLanguages('requests'),
    schema: `CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  endpoint TEXT NOT NULL,
  status INTEGER,
  latency_ms INTEGER NOT NULL
);
`,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'sql',
        source: `WITH per_endpoint AS (
  SELECT endpoint,
         COUNT(*) AS requests,
         SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors
  FROM requests
  GROUP BY endpoint
  HAVING COUNT(*) >= 3
)
SELECT endpoint, requests, server_errors, server_errors * 1000 / requests AS error_permille
FROM per_endpoint
-- * 1.0: integer division would make every rate below 100% equal to 0
ORDER BY server_errors * 1.0 / requests DESC, requests DESC, endpoint;
`,
      },
      {
        language: 'sql',
        source: `SELECT endpoint,
       COUNT(*) AS requests,
       COUNT(CASE WHEN status >= 500 THEN 1 END) AS server_errors,
       COUNT(CASE WHEN status >= 500 THEN 1 END) * 1000 / COUNT(*) AS error_permille
FROM requests
GROUP BY endpoint
HAVING COUNT(*) >= 3
ORDER BY CAST(COUNT(CASE WHEN status >= 500 THEN 1 END) AS REAL) / COUNT(*) DESC, COUNT(*) DESC, endpoint;
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// customers-without-paid-orders (anti-join)

const CUSTOMER_COLUMNS = ['id', 'name', 'email'];
const ORDER_COLUMNS = ['id', 'customer_id', 'status', 'total_cents'];

function solveNeverPaid(tables: Tables): Json[][] {
  const orders = records(tables, 'orders', ORDER_COLUMNS);
  return records(tables, 'customers', CUSTOMER_COLUMNS)
    .filter((c) => !orders.some((o) => o.customer_id === c.id && o.status === 'paid'))
    .sort((a, b) => byCodePoint(a.name as string, b.name as string) || (a.id as number) - (b.id as number))
    .map((c) => [c.id, c.name]);
}

function customers(...names: (string | [string, string | null])[]): Json[][] {
  return names.map((n, i) => {
    const [name, email] = typeof n === 'string' ? [n, `${n.toLowerCase().replace(/[^a-z]/g, '')}${i + 1}@example.com`] : n;
    return [i + 1, name, email];
  });
}

function orders(...rows: [number | null, string, number?][]): Json[][] {
  return rows.map(([customer, status, total], i) => [101 + i, customer, status, total ?? 1000 + i * 250]);
}

function customersWithoutPaidOrders(): ProblemFile {
  const rng = makeRng(seedOf('customers-without-paid-orders'));
  const t = sqlTests(['id', 'name'], solveNeverPaid);
  t.example(
    'example 1',
    {
      customers: customers('Ada', 'Grace', 'Linus', 'Margaret'),
      orders: orders([1, 'paid'], [2, 'pending'], [2, 'cancelled'], [3, 'paid'], [3, 'refunded']),
    },
    [
      [2, 'Grace'],
      [4, 'Margaret'],
    ],
  );
  t.example('a customer with no orders at all', { customers: customers('Zoe', 'Bob'), orders: orders([1, 'paid']) }, [[2, 'Bob']]);
  t.hidden(
    'nulls',
    'guest orders have no customer',
    {
      customers: customers('Ann', 'Ben', 'Cy'),
      orders: orders([null, 'paid'], [1, 'paid'], [null, 'pending'], [3, 'cancelled']),
    },
    {
      expect: [
        [2, 'Ben'],
        [3, 'Cy'],
      ],
    },
  );
  t.hidden(
    'nulls',
    'only guest orders are paid',
    {
      customers: customers('Abe', ['Bea', null], 'Cal'),
      orders: orders([null, 'paid', 900], [1, 'pending', 1000], [null, 'paid', 1100], [2, 'cancelled', 1200]),
    },
    {
      expect: [
        [1, 'Abe'],
        [2, 'Bea'],
        [3, 'Cal'],
      ],
    },
  );
  t.hidden(
    'nulls',
    'a paid guest order among paying customers',
    {
      customers: customers('Dan', 'Ela', ['Fox', null], 'Gil', 'Hal'),
      orders: orders([1, 'paid', 500], [2, 'refunded', 600], [4, 'paid', 700], [null, 'paid', 800], [5, 'pending', 900], [4, 'paid', 1000]),
    },
    {
      expect: [
        [2, 'Ela'],
        [3, 'Fox'],
        [5, 'Hal'],
      ],
    },
  );
  t.hidden(
    'nulls',
    'customers without an email are customers too',
    {
      customers: customers(['Dee', null], ['Eve', null], 'Fay'),
      orders: orders([2, 'paid']),
    },
    {
      expect: [
        [1, 'Dee'],
        [3, 'Fay'],
      ],
    },
  );
  t.hidden(
    'ties',
    'customers with the same name are ordered by id',
    {
      customers: customers('Sam', 'Alex', 'Sam', 'alex', 'Alex', 'Sam'),
      orders: orders([3, 'paid'], [1, 'pending']),
    },
    {
      expect: [
        [2, 'Alex'],
        [5, 'Alex'],
        [1, 'Sam'],
        [6, 'Sam'],
        [4, 'alex'],
      ],
    },
  );
  t.hidden('empty', 'no customers', { customers: [], orders: orders([null, 'paid']) }, { expect: [] });
  t.hidden(
    'empty',
    'no orders at all',
    { customers: customers('Kim', 'Ian', 'Jo'), orders: [] },
    {
      expect: [
        [2, 'Ian'],
        [3, 'Jo'],
        [1, 'Kim'],
      ],
    },
  );
  t.hidden(
    'duplicates',
    'several unpaid orders, one row per customer',
    {
      customers: customers('Lea', 'Max'),
      orders: orders([1, 'pending'], [1, 'pending'], [1, 'cancelled'], [1, 'refunded'], [2, 'pending'], [2, 'paid'], [2, 'cancelled']),
    },
    { expect: [[1, 'Lea']] },
  );
  t.hidden(
    'duplicates',
    'several paid orders',
    {
      customers: customers('Ned', 'Ola'),
      orders: orders([1, 'paid'], [1, 'paid'], [1, 'paid'], [2, 'cancelled'], [2, 'cancelled']),
    },
    { expect: [[2, 'Ola']] },
  );
  t.hidden(
    'edge cases',
    'refunded and pending orders are not paid',
    {
      customers: customers('Pia', 'Quinn', 'Ray'),
      orders: orders([1, 'refunded'], [2, 'pending'], [3, 'paid'], [3, 'refunded']),
    },
    {
      expect: [
        [1, 'Pia'],
        [2, 'Quinn'],
      ],
    },
  );
  const first = ['Ana', 'Ben', 'Chen', 'Dana', 'Eli', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lu', 'Mia', 'Nia', 'Oz', 'Pam'];
  const bigCustomers = Array.from({ length: 1500 }, (_, i): Json[] => {
    const name = `${rng.pick(first)} ${rng.pick(first)}son`;
    return [i + 1, name, rng.next() < 0.1 ? null : `user${i + 1}@example.com`];
  });
  const bigOrders = Array.from({ length: 3000 }, (_, i): Json[] => [
    10_001 + i,
    rng.next() < 0.05 ? null : rng.int(1, 1500),
    rng.pick(['paid', 'paid', 'pending', 'cancelled', 'refunded']),
    rng.int(100, 50_000),
  ]);
  t.hidden('large input', '1500 customers, 3000 orders', { customers: bigCustomers, orders: bigOrders }, { weight: 2 });
  return {
    slug: 'customers-without-paid-orders',
    title: 'Customers Who Never Paid',
    difficulty: 'Easy',
    tags: ['sql', 'joins', 'anti-join', 'nulls'],
    statement: statement('customers-without-paid-orders'),
    mode: 'sql',
    ...sqlLanguages('customers'),
    schema: `CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers (id),
  status TEXT NOT NULL,
  total_cents INTEGER NOT NULL
);
CREATE INDEX orders_customer_id ON orders (customer_id, status);
`,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'sql',
        source: `SELECT c.id, c.name
FROM customers AS c
WHERE NOT EXISTS (
  SELECT 1 FROM orders AS o WHERE o.customer_id = c.id AND o.status = 'paid'
)
ORDER BY c.name, c.id;
`,
      },
      {
        language: 'sql',
        source: `-- The status test belongs in the ON clause: in WHERE it would drop the unmatched rows.
SELECT c.id, c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id AND o.status = 'paid'
WHERE o.id IS NULL
ORDER BY c.name, c.id;
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// latest-deployment-per-service (latest row per key)

const DEPLOYMENT_COLUMNS = ['id', 'service', 'version', 'finished_at'];

function solveLatestDeployments(tables: Tables): Json[][] {
  const best = new Map<string, Record_>();
  for (const d of records(tables, 'deployments', DEPLOYMENT_COLUMNS)) {
    if (d.finished_at === null) continue;
    const b = best.get(d.service as string);
    const later =
      b === undefined ||
      (d.finished_at as string) > (b.finished_at as string) ||
      (d.finished_at === b.finished_at && (d.id as number) > (b.id as number));
    if (later) best.set(d.service as string, d);
  }
  return [...best.values()]
    .sort((a, b) => byCodePoint(a.service as string, b.service as string))
    .map((d) => [d.service, d.version, d.finished_at]);
}

function deployments(...rows: [string, string, string | null][]): Json[][] {
  return rows.map(([service, version, at], i) => [i + 1, service, version, at]);
}

function latestDeploymentPerService(): ProblemFile {
  const rng = makeRng(seedOf('latest-deployment-per-service'));
  const t = sqlTests(['service', 'version', 'finished_at'], solveLatestDeployments);
  t.example(
    'example 1',
    {
      deployments: deployments(
        ['api', '1.4.0', '2026-03-01 09:00:00'],
        ['web', '2.0.1', '2026-03-01 09:30:00'],
        ['api', '1.5.0', '2026-03-02 14:10:00'],
        ['api', '1.6.0', null],
        ['web', '2.0.0', '2026-02-27 17:45:00'],
      ),
    },
    [
      ['api', '1.5.0', '2026-03-02 14:10:00'],
      ['web', '2.0.1', '2026-03-01 09:30:00'],
    ],
  );
  t.example(
    'one deployment per service',
    { deployments: deployments(['worker', '0.9.0', '2026-03-03 08:00:00'], ['auth', '3.1.2', '2026-03-01 12:00:00']) },
    [
      ['auth', '3.1.2', '2026-03-01 12:00:00'],
      ['worker', '0.9.0', '2026-03-03 08:00:00'],
    ],
  );
  t.hidden(
    'nulls',
    'a service with no finished deployment is left out',
    {
      deployments: deployments(['api', '1.0.0', '2026-03-01 10:00:00'], ['billing', '0.1.0', null], ['billing', '0.2.0', null]),
    },
    { expect: [['api', '1.0.0', '2026-03-01 10:00:00']] },
  );
  t.hidden(
    'nulls',
    'an unfinished deployment after the latest finished one',
    {
      deployments: deployments(['api', '1.0.0', '2026-03-01 10:00:00'], ['api', '1.1.0', null], ['api', '0.9.0', '2026-02-01 10:00:00']),
    },
    { expect: [['api', '1.0.0', '2026-03-01 10:00:00']] },
  );
  t.hidden(
    'ties',
    'same finish time: the larger id wins',
    {
      deployments: deployments(
        ['api', '1.0.0', '2026-03-01 10:00:00'],
        ['api', '1.0.1', '2026-03-01 10:00:00'],
        ['web', '5.0.0', '2026-03-01 11:00:00'],
        ['web', '4.9.0', '2026-03-01 11:00:00'],
        ['api', '0.9.9', '2026-03-01 09:59:59'],
      ),
    },
    {
      expect: [
        ['api', '1.0.1', '2026-03-01 10:00:00'],
        ['web', '4.9.0', '2026-03-01 11:00:00'],
      ],
    },
  );
  t.hidden('empty', 'no deployments', { deployments: [] }, { expect: [] });
  t.hidden('empty', 'only unfinished deployments', { deployments: deployments(['a', '1', null], ['b', '1', null]) }, { expect: [] });
  t.hidden(
    'duplicates',
    'the same version deployed twice',
    {
      deployments: deployments(
        ['api', '2.0.0', '2026-03-01 08:00:00'],
        ['api', '2.1.0', '2026-03-02 08:00:00'],
        ['api', '2.0.0', '2026-03-03 08:00:00'],
      ),
    },
    { expect: [['api', '2.0.0', '2026-03-03 08:00:00']] },
  );
  t.hidden(
    'duplicates',
    'identical rows but the id',
    {
      deployments: deployments(
        ['db', '15.2', '2026-03-05 00:00:00'],
        ['db', '15.2', '2026-03-05 00:00:00'],
        ['db', '15.2', '2026-03-05 00:00:00'],
      ),
    },
    { expect: [['db', '15.2', '2026-03-05 00:00:00']] },
  );
  t.hidden(
    'edge cases',
    'services ordered by code point',
    {
      deployments: deployments(
        ['web', '1', '2026-03-01 00:00:00'],
        ['Web', '1', '2026-03-01 00:00:00'],
        ['api-v2', '1', '2026-03-01 00:00:00'],
        ['api', '1', '2026-03-01 00:00:00'],
      ),
    },
    {
      expect: [
        ['Web', '1', '2026-03-01 00:00:00'],
        ['api', '1', '2026-03-01 00:00:00'],
        ['api-v2', '1', '2026-03-01 00:00:00'],
        ['web', '1', '2026-03-01 00:00:00'],
      ],
    },
  );
  const services = Array.from({ length: 80 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const bigDeployments = Array.from({ length: 3000 }, (_, i): Json[] => {
    // Finish times on a 10-minute grid over two weeks: many services share a latest time.
    const at = rng.next() < 0.08 ? null : timestamp(rng.int(0, 14 * 24 * 6) * 600);
    return [i + 1, rng.pick(services), `${rng.int(1, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, at];
  });
  t.hidden('large input', '3000 deployments of 80 services', { deployments: bigDeployments }, { weight: 2 });
  return {
    slug: 'latest-deployment-per-service',
    title: 'Latest Deployment per Service',
    difficulty: 'Medium',
    tags: ['sql', 'window-functions', 'subqueries', 'greatest-per-group'],
    statement: statement('latest-deployment-per-service'),
    mode: 'sql',
    ...sqlLanguages('deployments'),
    schema: `CREATE TABLE deployments (
  id INTEGER PRIMARY KEY,
  service TEXT NOT NULL,
  version TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX deployments_service ON deployments (service, finished_at);
`,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'sql',
        source: `SELECT service, version, finished_at
FROM (
  SELECT service, version, finished_at,
         ROW_NUMBER() OVER (PARTITION BY service ORDER BY finished_at DESC, id DESC) AS rn
  FROM deployments
  WHERE finished_at IS NOT NULL
)
WHERE rn = 1
ORDER BY service;
`,
      },
      {
        language: 'sql',
        source: `-- A finished deployment is the latest when no finished deployment of its service comes after it:
-- none finished later, and none finished at the same time with a larger id. Two NOT EXISTS, not
-- one with an OR, so that the index on (service, finished_at) finds the answer of each directly.
SELECT d.service, d.version, d.finished_at
FROM deployments AS d
WHERE d.finished_at IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM deployments AS later
    WHERE later.service = d.service AND later.finished_at > d.finished_at
  )
  AND NOT EXISTS (
    SELECT 1 FROM deployments AS later
    WHERE later.service = d.service AND later.finished_at = d.finished_at AND later.id > d.id
  )
ORDER BY d.service;
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// daily-revenue-running-total (running totals)

const PAYMENT_COLUMNS = ['id', 'paid_at', 'amount_cents'];

function solveDailyRevenue(tables: Tables): Json[][] {
  const days = new Map<string, { payments: number; revenue: number }>();
  for (const p of records(tables, 'payments', PAYMENT_COLUMNS)) {
    const day = (p.paid_at as string).slice(0, 10);
    const d = days.get(day) ?? { payments: 0, revenue: 0 };
    days.set(day, d);
    if (p.amount_cents !== null) {
      d.payments += 1;
      d.revenue += p.amount_cents as number;
    }
  }
  let running = 0;
  return [...days.entries()]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([day, d]) => {
      running += d.revenue;
      return [day, d.payments, d.revenue, running];
    });
}

function payments(...rows: [string, number | null][]): Json[][] {
  return rows.map(([at, amount], i) => [i + 1, at, amount]);
}

function dailyRevenueRunningTotal(): ProblemFile {
  const rng = makeRng(seedOf('daily-revenue-running-total'));
  const t = sqlTests(['day', 'payments', 'revenue_cents', 'running_cents'], solveDailyRevenue);
  t.example(
    'example 1',
    {
      payments: payments(
        ['2026-03-01 09:15:00', 1200],
        ['2026-03-01 18:40:12', 800],
        ['2026-03-03 00:00:00', 500],
        ['2026-03-01 23:59:59', null],
        ['2026-03-04 12:00:00', -300],
      ),
    },
    [
      ['2026-03-01', 2, 2000, 2000],
      ['2026-03-03', 1, 500, 2500],
      ['2026-03-04', 1, -300, 2200],
    ],
  );
  t.example('a single payment', { payments: payments(['2026-04-10 10:10:10', 4999]) }, [['2026-04-10', 1, 4999, 4999]]);
  t.hidden(
    'nulls',
    'a day with only failed payments',
    {
      payments: payments(
        ['2026-03-01 10:00:00', 100],
        ['2026-03-02 10:00:00', null],
        ['2026-03-02 11:00:00', null],
        ['2026-03-03 10:00:00', 50],
      ),
    },
    {
      expect: [
        ['2026-03-01', 1, 100, 100],
        ['2026-03-02', 0, 0, 100],
        ['2026-03-03', 1, 50, 150],
      ],
    },
  );
  t.hidden('nulls', 'only failed payments', { payments: payments(['2026-03-09 10:00:00', null]) }, { expect: [['2026-03-09', 0, 0, 0]] });
  t.hidden(
    'nulls',
    'the first day only failed payments',
    {
      payments: payments(['2026-06-01 08:00:00', null], ['2026-06-01 09:30:00', null], ['2026-06-02 10:00:00', 300], ['2026-06-03 11:00:00', 200]),
    },
    {
      expect: [
        ['2026-06-01', 0, 0, 0],
        ['2026-06-02', 1, 300, 300],
        ['2026-06-03', 1, 200, 500],
      ],
    },
  );
  t.hidden(
    'nulls',
    'failed days between paid days',
    {
      payments: payments(
        ['2026-06-10 10:00:00', 1000],
        ['2026-06-11 10:00:00', null],
        ['2026-06-12 10:00:00', null],
        ['2026-06-12 18:00:00', null],
        ['2026-06-13 10:00:00', -400],
        ['2026-06-14 10:00:00', null],
      ),
    },
    {
      expect: [
        ['2026-06-10', 1, 1000, 1000],
        ['2026-06-11', 0, 0, 1000],
        ['2026-06-12', 0, 0, 1000],
        ['2026-06-13', 1, -400, 600],
        ['2026-06-14', 0, 0, 600],
      ],
    },
  );
  t.hidden(
    'nulls',
    'the last day only failed payments',
    { payments: payments(['2026-07-01 00:00:00', 250], ['2026-07-01 12:00:00', 250], ['2026-07-02 23:59:59', null]) },
    {
      expect: [
        ['2026-07-01', 2, 500, 500],
        ['2026-07-02', 0, 0, 500],
      ],
    },
  );
  t.hidden(
    'ties',
    'payments at the same second',
    {
      payments: payments(['2026-03-01 12:00:00', 10], ['2026-03-01 12:00:00', 20], ['2026-03-01 12:00:00', 30], ['2026-03-02 12:00:00', 5]),
    },
    {
      expect: [
        ['2026-03-01', 3, 60, 60],
        ['2026-03-02', 1, 5, 65],
      ],
    },
  );
  t.hidden(
    'ties',
    'days with equal revenue',
    {
      payments: payments(
        ['2026-03-02 08:00:00', 700],
        ['2026-03-01 08:00:00', 700],
        ['2026-03-03 08:00:00', 300],
        ['2026-03-03 09:00:00', 400],
      ),
    },
    {
      expect: [
        ['2026-03-01', 1, 700, 700],
        ['2026-03-02', 1, 700, 1400],
        ['2026-03-03', 2, 700, 2100],
      ],
    },
  );
  t.hidden('empty', 'no payments', { payments: [] }, { expect: [] });
  t.hidden(
    'duplicates',
    'identical payments both count',
    {
      payments: payments(['2026-03-05 10:00:00', 250], ['2026-03-05 10:00:00', 250], ['2026-03-06 10:00:00', 250]),
    },
    {
      expect: [
        ['2026-03-05', 2, 500, 500],
        ['2026-03-06', 1, 250, 750],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'midnight belongs to the new day',
    {
      payments: payments(['2026-03-31 23:59:59', 1], ['2026-04-01 00:00:00', 2], ['2025-12-31 23:59:59', 4], ['2026-01-01 00:00:00', 8]),
    },
    {
      expect: [
        ['2025-12-31', 1, 4, 4],
        ['2026-01-01', 1, 8, 12],
        ['2026-03-31', 1, 1, 13],
        ['2026-04-01', 1, 2, 15],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'refunds can make a day negative',
    {
      payments: payments(['2026-03-01 10:00:00', 1000], ['2026-03-02 10:00:00', -1500], ['2026-03-02 11:00:00', 200]),
    },
    {
      expect: [
        ['2026-03-01', 1, 1000, 1000],
        ['2026-03-02', 2, -1300, -300],
      ],
    },
  );
  const bigPayments = Array.from({ length: 3000 }, (_, i): Json[] => {
    const r = rng.next();
    const amount = r < 0.05 ? null : r < 0.1 ? -rng.int(100, 20_000) : rng.int(100, 200_000);
    return [i + 1, timestamp(rng.int(0, 90 * 86_400 - 1)), amount];
  });
  t.hidden('large input', '3000 payments over 90 days', { payments: bigPayments }, { weight: 2 });
  return {
    slug: 'daily-revenue-running-total',
    title: 'Daily Revenue with a Running Total',
    difficulty: 'Medium',
    tags: ['sql', 'window-functions', 'aggregation', 'dates'],
    statement: statement('daily-revenue-running-total'),
    mode: 'sql',
    ...sqlLanguages('payments'),
    schema: `CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  paid_at TEXT NOT NULL,
  amount_cents INTEGER
);
`,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'sql',
        source: `WITH daily AS (
  SELECT substr(paid_at, 1, 10) AS day,
         COUNT(amount_cents) AS payments,
         -- SUM of only NULLs is NULL; a day of failed payments earned 0
         COALESCE(SUM(amount_cents), 0) AS revenue_cents
  FROM payments
  GROUP BY substr(paid_at, 1, 10)
)
SELECT day, payments, revenue_cents, SUM(revenue_cents) OVER (ORDER BY day) AS running_cents
FROM daily
ORDER BY day;
`,
      },
      {
        language: 'sql',
        source: `WITH daily AS (
  SELECT date(paid_at) AS day, COUNT(amount_cents) AS payments, TOTAL(amount_cents) AS revenue_cents
  FROM payments
  GROUP BY date(paid_at)
)
SELECT d.day, d.payments, d.revenue_cents,
       (SELECT SUM(e.revenue_cents) FROM daily AS e WHERE e.day <= d.day) AS running_cents
FROM daily AS d
ORDER BY d.day;
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// duplicate-user-emails (duplicates before a unique index)

const USER_COLUMNS = ['id', 'email', 'created_at'];

/** SQLite's lower() folds ASCII letters only and trim() strips spaces only: the same here. */
const normalizeEmail = (email: string): string => email.replace(/^ +| +$/g, '').replace(/[A-Z]/g, (c) => c.toLowerCase());

function solveDuplicateEmails(tables: Tables): Json[][] {
  const groups = new Map<string, Record_[]>();
  for (const u of records(tables, 'users', USER_COLUMNS)) {
    if (u.email === null) continue;
    const key = normalizeEmail(u.email as string);
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  return [...groups.entries()]
    .filter(([, us]) => us.length > 1)
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([email, us]) => {
      const keep = us.reduce((best, u) =>
        (u.created_at as string) < (best.created_at as string) ||
        (u.created_at === best.created_at && (u.id as number) < (best.id as number))
          ? u
          : best,
      );
      return [email, us.length, keep.id];
    });
}

function users(...rows: [string | null, string][]): Json[][] {
  return rows.map(([email, at], i) => [i + 1, email, at]);
}

function duplicateUserEmails(): ProblemFile {
  const rng = makeRng(seedOf('duplicate-user-emails'));
  const t = sqlTests(['email', 'copies', 'keep_id'], solveDuplicateEmails);
  t.example(
    'example 1',
    {
      users: users(
        ['ada@example.com', '2026-01-05 10:00:00'],
        ['Ada@Example.com', '2026-01-02 09:00:00'],
        ['grace@example.com', '2026-01-03 12:00:00'],
        [' ada@example.com ', '2026-02-01 08:30:00'],
        ['linus@example.com', '2026-01-04 16:20:00'],
      ),
    },
    [['ada@example.com', 3, 2]],
  );
  t.example('no duplicates', { users: users(['a@example.com', '2026-01-01 00:00:00'], ['b@example.com', '2026-01-01 00:00:00']) }, []);
  t.hidden(
    'nulls',
    'missing emails are not duplicates of each other',
    {
      users: users(
        [null, '2026-01-01 00:00:00'],
        [null, '2026-01-02 00:00:00'],
        ['x@example.com', '2026-01-03 00:00:00'],
        ['X@example.com', '2026-01-04 00:00:00'],
      ),
    },
    { expect: [['x@example.com', 2, 3]] },
  );
  t.hidden(
    'ties',
    'same sign-up time: the smaller id is kept',
    {
      users: users(
        ['dup@example.com', '2026-01-01 12:00:00'],
        ['DUP@example.com', '2026-01-01 12:00:00'],
        ['Dup@example.com', '2026-01-01 12:00:01'],
      ),
    },
    { expect: [['dup@example.com', 3, 1]] },
  );
  t.hidden(
    'ties',
    'the earliest sign-up is kept even with a larger id',
    { users: users(['late@example.com', '2026-03-01 00:00:00'], ['LATE@example.com', '2026-01-01 00:00:00']) },
    { expect: [['late@example.com', 2, 2]] },
  );
  t.hidden('empty', 'no users', { users: [] }, { expect: [] });
  t.hidden(
    'duplicates',
    'exact copies and several groups',
    {
      users: users(
        ['b@example.com', '2026-01-01 00:00:00'],
        ['b@example.com', '2026-01-01 00:00:00'],
        ['a@example.com', '2026-01-02 00:00:00'],
        ['A@EXAMPLE.COM', '2026-01-01 00:00:00'],
        ['c@example.com', '2026-01-01 00:00:00'],
        ['a@example.com', '2026-01-03 00:00:00'],
      ),
    },
    {
      expect: [
        ['a@example.com', 3, 4],
        ['b@example.com', 2, 1],
      ],
    },
  );
  t.hidden(
    'edge cases',
    'inner spaces and look-alikes are different emails',
    {
      users: users(
        ['jo@example.com', '2026-01-01 00:00:00'],
        ['j o@example.com', '2026-01-01 00:00:00'],
        ['jo@example.co', '2026-01-01 00:00:00'],
        ['  JO@example.com', '2026-01-02 00:00:00'],
      ),
    },
    { expect: [['jo@example.com', 2, 1]] },
  );
  const names = Array.from({ length: 700 }, (_, i) => `user${i}@example.${['com', 'org', 'io'][i % 3]}`);
  const variant = (e: string): string => {
    const r = rng.next();
    const cased = r < 0.3 ? e.toUpperCase() : r < 0.5 ? e[0].toUpperCase() + e.slice(1) : e;
    return rng.next() < 0.1 ? ` ${cased}  ` : cased;
  };
  const bigUsers = Array.from({ length: 2500 }, (_, i): Json[] => [
    i + 1,
    rng.next() < 0.04 ? null : variant(rng.pick(names)),
    timestamp(rng.int(0, 200) * 3600),
  ]);
  t.hidden('large input', '2500 users, 700 addresses', { users: bigUsers }, { weight: 2 });
  return {
    slug: 'duplicate-user-emails',
    title: 'Duplicate Emails Before a Unique Index',
    difficulty: 'Easy',
    tags: ['sql', 'group-by', 'data-quality', 'indexes'],
    statement: statement('duplicate-user-emails'),
    mode: 'sql',
    ...sqlLanguages('users'),
    schema: `CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT,
  created_at TEXT NOT NULL
);
`,
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: t.tests,
    referenceSolutions: [
      {
        language: 'sql',
        source: `WITH normalized AS (
  SELECT id, lower(trim(email)) AS email, created_at,
         ROW_NUMBER() OVER (PARTITION BY lower(trim(email)) ORDER BY created_at, id) AS rank_in_email
  FROM users
  WHERE email IS NOT NULL
)
SELECT email, COUNT(*) AS copies, MAX(CASE WHEN rank_in_email = 1 THEN id END) AS keep_id
FROM normalized
GROUP BY email
HAVING COUNT(*) > 1
ORDER BY email;
`,
      },
      {
        language: 'sql',
        source: `-- The earliest sign-up time per email first, then the smallest id among the users at that time.
WITH normalized AS (
  SELECT id, lower(trim(email)) AS email, created_at FROM users WHERE email IS NOT NULL
),
duplicated AS (
  SELECT email, COUNT(*) AS copies, MIN(created_at) AS first_at
  FROM normalized
  GROUP BY email
  HAVING COUNT(*) > 1
)
SELECT d.email, d.copies, MIN(n.id) AS keep_id
FROM duplicated AS d
JOIN normalized AS n ON n.email = d.email AND n.created_at = d.first_at
GROUP BY d.email, d.copies
ORDER BY d.email;
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// reconcile-ledgers (original: the demo's first problem)

/** Totals per id by linear search over a list of pairs: slow, and shares nothing with a hash map. */
function solveReconcile(ours: [string, number][], theirs: [string, number][]): Json {
  const totals = (ledger: [string, number][]): [string, number][] => {
    const out: [string, number][] = [];
    for (const [id, cents] of ledger) {
      const row = out.find(([x]) => x === id);
      if (row) row[1] += cents;
      else out.push([id, cents]);
    }
    return out;
  };
  const a = totals(ours);
  const b = totals(theirs);
  const sorted = (ids: string[]): string[] => ids.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    missing: sorted(a.filter(([id]) => !b.some(([x]) => x === id)).map(([id]) => id)),
    unexpected: sorted(b.filter(([id]) => !a.some(([x]) => x === id)).map(([id]) => id)),
    mismatched: sorted(a.filter(([id, c]) => b.some(([x, d]) => x === id && d !== c)).map(([id]) => id)),
  };
}

/** Two ledgers of `n` payments each side, with splits, refunds, missing and mismatched ids. */
function randomLedgers(rng: Rng, n: number): Json[] {
  const ours: [string, number][] = [];
  const theirs: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const id = `pay_${(rng.int(0, 35 ** 6)).toString(36)}${i.toString(36)}`;
    const cents = rng.int(1, 500_000);
    const r = rng.next();
    if (r < 0.05) ours.push([id, cents]);
    else if (r < 0.1) theirs.push([id, cents]);
    else if (r < 0.15) {
      ours.push([id, cents]);
      theirs.push([id, cents + rng.int(-100, 100) || 1]);
    } else if (r < 0.25) {
      const part = rng.int(1, cents);
      ours.push([id, cents]);
      theirs.push([id, part], [id, cents - part]);
    } else if (r < 0.3) {
      ours.push([id, cents], [id, -cents]);
      theirs.push([id, 0]);
    } else if (r < 0.35) {
      // charged and refunded in full on our side; the provider never saw it
      ours.push([id, cents], [id, -cents]);
    } else {
      ours.push([id, cents]);
      theirs.push([id, cents]);
    }
  }
  return [rng.shuffle(ours), rng.shuffle(theirs)];
}

function reconcileLedgers(): ProblemFile {
  const rng = makeRng(seedOf('reconcile-ledgers'));
  const t = functionTests(solveReconcile);
  t.example(
    'example 1',
    [
      [
        ['pay_1', 1500],
        ['pay_2', 2000],
        ['pay_3', 999],
      ],
      [
        ['pay_2', 2000],
        ['pay_3', 990],
        ['pay_4', 120],
      ],
    ],
    { missing: ['pay_1'], unexpected: ['pay_4'], mismatched: ['pay_3'] },
  );
  t.example(
    'a payment captured in two parts',
    [
      [['ord-7', 10000]],
      [
        ['ord-7', 4000],
        ['ord-7', 6000],
      ],
    ],
    { missing: [], unexpected: [], mismatched: [] },
  );
  t.hidden('edge cases', 'both ledgers empty', [[], []], { expect: { missing: [], unexpected: [], mismatched: [] } });
  t.hidden('edge cases', 'our ledger empty', [[], [['b', 5], ['a', 7]]], { expect: { missing: [], unexpected: ['a', 'b'], mismatched: [] } });
  t.hidden(
    'edge cases',
    'split on both sides differently',
    [
      [
        ['x', 300],
        ['y', 50],
        ['x', 700],
      ],
      [
        ['x', 250],
        ['x', 250],
        ['y', 50],
        ['x', 500],
      ],
    ],
    { expect: { missing: [], unexpected: [], mismatched: [] } },
  );
  t.hidden(
    'edge cases',
    'refunded in full on our side only',
    [
      [
        ['r1', 4200],
        ['r1', -4200],
        ['r2', 100],
      ],
      [['r2', 100]],
    ],
    { expect: { missing: ['r1'], unexpected: [], mismatched: [] } },
  );
  t.hidden(
    'edge cases',
    'a zero total against a non-zero one',
    [
      [
        ['z', 900],
        ['z', -900],
      ],
      [['z', 900]],
    ],
    { expect: { missing: [], unexpected: [], mismatched: ['z'] } },
  );
  t.hidden(
    'edge cases',
    'ids are case-sensitive',
    [
      [
        ['Pay-1', 10],
        ['pay-1', 20],
      ],
      [
        ['pay-1', 10],
        ['PAY-1', 20],
      ],
    ],
    { expect: { missing: ['Pay-1'], unexpected: ['PAY-1'], mismatched: ['pay-1'] } },
  );
  t.hidden(
    'edge cases',
    'output sorted by character code',
    [
      [
        ['b', 1],
        ['B', 1],
        ['a_2', 1],
        ['a-2', 1],
        ['a10', 1],
        ['a9', 1],
      ],
      [],
    ],
    { expect: { missing: ['B', 'a-2', 'a10', 'a9', 'a_2', 'b'], unexpected: [], mismatched: [] } },
  );
  t.hidden(
    'edge cases',
    'a mismatched id listed once',
    [
      [
        ['m', 1],
        ['m', 1],
        ['m', 1],
      ],
      [
        ['m', 1],
        ['m', 1],
      ],
    ],
    { expect: { missing: [], unexpected: [], mismatched: ['m'] } },
  );
  t.hidden(
    'edge cases',
    'large amounts',
    [
      [
        ['big', 4_000_000_000_000],
        ['big', 4_000_000_000_000],
      ],
      [['big', 8_000_000_000_001]],
    ],
    { expect: { missing: [], unexpected: [], mismatched: ['big'] } },
  );
  t.hidden('large input', '1000 payments per side', randomLedgers(rng, 1000), { weight: 2 });
  return {
    slug: 'reconcile-ledgers',
    title: 'Reconcile Two Payment Ledgers',
    difficulty: 'Easy',
    tags: ['hashing', 'payments', 'reconciliation'],
    statement: statement('reconcile-ledgers'),
    mode: 'function',
    entryPoint: 'reconcileLedgers',
    ...functionLanguages(
      'reconcile_ledgers',
      {
        javascript: 'function reconcileLedgers(ours, theirs)',
        typescript:
          'function reconcileLedgers(ours: [string, number][], theirs: [string, number][]): { missing: string[]; unexpected: string[]; mismatched: string[] }',
        python: 'def reconcile_ledgers(ours: list[list], theirs: list[list]) -> dict[str, list[str]]',
      },
      '{ missing: [], unexpected: [], mismatched: [] }',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [...t.tests, performanceTest('40000 payments per side', { seed: 11, n: 40_000 }, 6)],
    generator: generator(String.raw`// [ours, theirs]: n payments, some missing on either side, some split, refunded or off by a few cents.
function generate({ seed, n }) {
  const r = rng(seed);
  const ours = [];
  const theirs = [];
  for (let i = 0; i < n; i++) {
    const id = 'pay_' + r.int(0, 2176782335).toString(36) + i.toString(36);
    const cents = r.int(1, 500000);
    const k = r.next();
    if (k < 0.05) ours.push([id, cents]);
    else if (k < 0.1) theirs.push([id, cents]);
    else if (k < 0.15) {
      ours.push([id, cents]);
      theirs.push([id, cents + r.int(1, 100)]);
    } else if (k < 0.25) {
      const part = r.int(1, cents);
      ours.push([id, cents]);
      theirs.push([id, part], [id, cents - part]);
    } else if (k < 0.3) {
      ours.push([id, cents], [id, -cents]);
    } else {
      ours.push([id, cents]);
      theirs.push([id, cents]);
    }
  }
  const shuffle = (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return [shuffle(ours), shuffle(theirs)];
}
`),
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function reconcileLedgers(ours, theirs) {
  // id -> total in cents; an id is present as soon as it has one entry, whatever its total
  const total = (ledger) => {
    const sums = new Map();
    for (const [id, cents] of ledger) sums.set(id, (sums.get(id) ?? 0) + cents);
    return sums;
  };
  const a = total(ours);
  const b = total(theirs);
  const byCode = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  const missing = [];
  const mismatched = [];
  for (const [id, cents] of a) {
    if (!b.has(id)) missing.push(id);
    else if (b.get(id) !== cents) mismatched.push(id);
  }
  const unexpected = [...b.keys()].filter((id) => !a.has(id));
  return { missing: missing.sort(byCode), unexpected: unexpected.sort(byCode), mismatched: mismatched.sort(byCode) };
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`interface Reconciliation {
  missing: string[];
  unexpected: string[];
  mismatched: string[];
}

function totals(ledger: [string, number][]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [id, cents] of ledger) sums.set(id, (sums.get(id) ?? 0) + cents);
  return sums;
}

function reconcileLedgers(ours: [string, number][], theirs: [string, number][]): Reconciliation {
  const a = totals(ours);
  const b = totals(theirs);
  const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const result: Reconciliation = { missing: [], unexpected: [], mismatched: [] };
  for (const [id, cents] of a) {
    if (!b.has(id)) result.missing.push(id);
    else if (b.get(id) !== cents) result.mismatched.push(id);
  }
  for (const id of b.keys()) if (!a.has(id)) result.unexpected.push(id);
  result.missing.sort(byCode);
  result.unexpected.sort(byCode);
  result.mismatched.sort(byCode);
  return result;
}
`,
      },
      {
        language: 'python',
        source: String.raw`from collections import defaultdict


def reconcile_ledgers(ours: list[list], theirs: list[list]) -> dict[str, list[str]]:
    # id -> total in cents; an id is present as soon as it has one entry, whatever its total
    def totals(ledger: list[list]) -> dict[str, int]:
        sums: dict[str, int] = defaultdict(int)
        for payment_id, cents in ledger:
            sums[payment_id] += cents
        return sums

    a = totals(ours)
    b = totals(theirs)
    return {
        "missing": sorted(i for i in a if i not in b),
        "unexpected": sorted(i for i in b if i not in a),
        "mismatched": sorted(i for i in a if i in b and a[i] != b[i]),
    }
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// dedupe-webhook-deliveries (original: the demo's second problem)

/** Re-reads every earlier delivery to find the key's live accepted one: quadratic, plain. */
function solveDedupe(ttl: number, deliveries: [string, number, string][]): Json {
  const accepted: number[] = [];
  const conflicts = new Set<string>();
  deliveries.forEach(([key, at, digest], i) => {
    const live = accepted.filter((j) => deliveries[j][0] === key && at - deliveries[j][1] < ttl);
    if (live.length === 0) {
      accepted.push(i);
      return;
    }
    if (live.length > 1) throw new Error('dedupe: two live accepted deliveries of one key');
    if (deliveries[live[0]][2] !== digest) conflicts.add(key);
  });
  return { accepted, conflicts: [...conflicts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)) };
}

function randomDeliveries(rng: Rng, n: number, keys: number, maxGap: number): [string, number, string][] {
  let t = 1_767_225_600;
  const digests = new Map<string, string>();
  return Array.from({ length: n }, () => {
    t += rng.next() < 0.3 ? 0 : rng.int(0, maxGap);
    const key = `evt_${rng.int(1, keys)}`;
    if (!digests.has(key) || rng.next() < 0.05) digests.set(key, rng.int(0, 0xffffff).toString(16).padStart(6, '0'));
    return [key, t, digests.get(key)!];
  });
}

function dedupeWebhookDeliveries(): ProblemFile {
  const rng = makeRng(seedOf('dedupe-webhook-deliveries'));
  const t = functionTests(solveDedupe);
  t.example(
    'example 1',
    [
      300,
      [
        ['evt_1', 1000, 'a1'],
        ['evt_2', 1010, 'b7'],
        ['evt_1', 1200, 'a1'],
        ['evt_1', 1300, 'a1'],
        ['evt_2', 1400, 'c3'],
      ],
    ],
    { accepted: [0, 1, 3, 4], conflicts: [] },
  );
  t.example(
    'a retry with a different payload',
    [
      60,
      [
        ['k', 0, 'x'],
        ['k', 30, 'y'],
        ['k', 59, 'x'],
      ],
    ],
    { accepted: [0], conflicts: ['k'] },
  );
  t.hidden('edge cases', 'no deliveries', [60, []], { expect: { accepted: [], conflicts: [] } });
  t.hidden(
    'edge cases',
    'exactly one ttl later',
    [
      100,
      [
        ['k', 0, 'd'],
        ['k', 99, 'd'],
        ['k', 100, 'd'],
        ['k', 199, 'd'],
        ['k', 200, 'd'],
      ],
    ],
    { expect: { accepted: [0, 2, 4], conflicts: [] } },
  );
  t.hidden(
    'edge cases',
    'retries do not extend the window',
    [
      10,
      [
        ['k', 0, 'd'],
        ['k', 6, 'd'],
        ['k', 9, 'd'],
        ['k', 12, 'd'],
        ['k', 19, 'd'],
        ['k', 21, 'd'],
      ],
    ],
    { expect: { accepted: [0, 3], conflicts: [] } },
  );
  t.hidden(
    'edge cases',
    'same second, same key',
    [
      5,
      [
        ['k', 7, 'd'],
        ['k', 7, 'd'],
        ['j', 7, 'd'],
        ['k', 7, 'e'],
      ],
    ],
    { expect: { accepted: [0, 2], conflicts: ['k'] } },
  );
  t.hidden(
    'edge cases',
    'a new payload after expiry is no conflict',
    [
      10,
      [
        ['k', 0, 'v1'],
        ['k', 10, 'v2'],
        ['k', 15, 'v2'],
      ],
    ],
    { expect: { accepted: [0, 1], conflicts: [] } },
  );
  t.hidden(
    'edge cases',
    'a conflict is listed once',
    [
      50,
      [
        ['order.paid:9', 0, 'p'],
        ['order.paid:9', 1, 'q'],
        ['order.paid:9', 2, 'r'],
        ['order.paid:9', 3, 'q'],
      ],
    ],
    { expect: { accepted: [0], conflicts: ['order.paid:9'] } },
  );
  t.hidden(
    'edge cases',
    'keys are case-sensitive',
    [
      100,
      [
        ['Evt', 0, 'a'],
        ['evt', 1, 'b'],
        ['EVT', 2, 'c'],
        ['evt', 3, 'c'],
      ],
    ],
    { expect: { accepted: [0, 1, 2], conflicts: ['evt'] } },
  );
  t.hidden(
    'edge cases',
    'conflicts sorted by character code',
    [
      1000,
      [
        ['b', 0, '1'],
        ['B', 0, '1'],
        ['a9', 0, '1'],
        ['a10', 0, '1'],
        ['b', 1, '2'],
        ['B', 1, '2'],
        ['a9', 1, '2'],
        ['a10', 1, '2'],
      ],
    ],
    { expect: { accepted: [0, 1, 2, 3], conflicts: ['B', 'a10', 'a9', 'b'] } },
  );
  t.hidden(
    'edge cases',
    'a ttl of one second',
    [
      1,
      [
        ['k', 5, 'a'],
        ['k', 5, 'b'],
        ['k', 6, 'c'],
        ['k', 6, 'c'],
      ],
    ],
    { expect: { accepted: [0, 2], conflicts: ['k'] } },
  );
  t.hidden('large input', '1500 deliveries over 200 keys', [600, randomDeliveries(rng, 1500, 200, 20)], { weight: 2 });
  return {
    slug: 'dedupe-webhook-deliveries',
    title: 'Deduplicate Webhook Deliveries',
    difficulty: 'Medium',
    tags: ['hashing', 'idempotency', 'webhooks', 'simulation'],
    statement: statement('dedupe-webhook-deliveries'),
    mode: 'function',
    entryPoint: 'dedupeDeliveries',
    ...functionLanguages(
      'dedupe_deliveries',
      {
        javascript: 'function dedupeDeliveries(ttlSeconds, deliveries)',
        typescript:
          'function dedupeDeliveries(ttlSeconds: number, deliveries: [string, number, string][]): { accepted: number[]; conflicts: string[] }',
        python: 'def dedupe_deliveries(ttl_seconds: int, deliveries: list[list]) -> dict[str, list]',
      },
      '{ accepted: [], conflicts: [] }',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [...t.tests, performanceTest('40000 deliveries over 20000 keys', { seed: 5, n: 40_000, keys: 20_000 }, 6)],
    generator: generator(String.raw`// [ttlSeconds, deliveries]: n deliveries of about n / keys retries per key, a few with a changed payload.
function generate({ seed, n, keys }) {
  const r = rng(seed);
  const digests = new Map();
  const deliveries = [];
  let t = 1767225600;
  for (let i = 0; i < n; i++) {
    t += r.next() < 0.3 ? 0 : r.int(0, 3);
    const key = 'evt_' + r.int(1, keys);
    if (!digests.has(key) || r.next() < 0.05) digests.set(key, r.int(0, 0xffffff).toString(16));
    deliveries.push([key, t, digests.get(key)]);
  }
  return [3600, deliveries];
}
`),
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function dedupeDeliveries(ttlSeconds, deliveries) {
  // key -> the delivery accepted last for it: [receivedAt, digest]
  const live = new Map();
  const accepted = [];
  const conflicts = new Set();
  deliveries.forEach(([key, at, digest], i) => {
    const last = live.get(key);
    if (last === undefined || at - last[0] >= ttlSeconds) {
      live.set(key, [at, digest]);
      accepted.push(i);
    } else if (last[1] !== digest) {
      conflicts.add(key);
    }
  });
  return { accepted, conflicts: [...conflicts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)) };
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`interface Deduplicated {
  accepted: number[];
  conflicts: string[];
}

function dedupeDeliveries(ttlSeconds: number, deliveries: [string, number, string][]): Deduplicated {
  const live = new Map<string, { at: number; digest: string }>();
  const result: Deduplicated = { accepted: [], conflicts: [] };
  const conflicts = new Set<string>();
  for (let i = 0; i < deliveries.length; i++) {
    const [key, at, digest] = deliveries[i];
    const last = live.get(key);
    if (!last || at - last.at >= ttlSeconds) {
      live.set(key, { at, digest });
      result.accepted.push(i);
    } else if (last.digest !== digest) {
      conflicts.add(key);
    }
  }
  result.conflicts = [...conflicts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return result;
}
`,
      },
      {
        language: 'python',
        source: String.raw`def dedupe_deliveries(ttl_seconds: int, deliveries: list[list]) -> dict[str, list]:
    # key -> (received_at, digest) of the delivery accepted last for it
    live: dict[str, tuple[int, str]] = {}
    accepted: list[int] = []
    conflicts: set[str] = set()
    for i, (key, at, digest) in enumerate(deliveries):
        last = live.get(key)
        if last is None or at - last[0] >= ttl_seconds:
            live[key] = (at, digest)
            accepted.append(i)
        elif last[1] != digest:
            conflicts.add(key)
    return {"accepted": accepted, "conflicts": sorted(conflicts)}
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// paginate-event-log (original: the demo's third problem)

/** Each page by scanning the whole log from the start: linear per request, plain. */
function solvePaginate(log: [number, string][], requests: [string | null, number][]): Json {
  const after = (e: [number, string], c: [number, string]): boolean => e[0] > c[0] || (e[0] === c[0] && e[1] > c[1]);
  return requests.map(([cursor, limit]) => {
    let rest = log;
    if (cursor !== null) {
      const at = cursor.indexOf(':');
      const c: [number, string] = [Number(cursor.slice(0, at)), cursor.slice(at + 1)];
      rest = log.filter((e) => after(e, c));
    }
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((e) => e[1]), next: page.length > 0 && rest.length > page.length ? `${last[0]}:${last[1]}` : null };
  });
}

/** A log of n events, ids unique, sorted by (timestamp, id), many timestamps shared. */
function randomLog(rng: Rng, n: number): [number, string][] {
  const ids = new Set<string>();
  // some ids hold a colon, as namespaced ids do (the cursor splits at its first colon only)
  while (ids.size < n) ids.add(`${rng.next() < 0.5 ? 'audit:' : ''}e${rng.int(0, 36 ** 5).toString(36)}`);
  let t = 1_767_225_600_000;
  const stamps = Array.from({ length: n }, () => (t += rng.next() < 0.4 ? 0 : rng.int(1, 50)));
  const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  // ids within one timestamp sorted; the shuffle of the Set decides which id gets which stamp
  const pool = rng.shuffle([...ids]);
  const log: [number, string][] = stamps.map((s, i) => [s, pool[i]]);
  return log.sort((a, b) => a[0] - b[0] || byCode(a[1], b[1]));
}

/** Requests a client would make: walk from the start, plus cursors of events since deleted. */
function randomPageRequests(rng: Rng, log: [number, string][], count: number): [string | null, number][] {
  return Array.from({ length: count }, (): [string | null, number] => {
    const k = rng.next();
    if (k < 0.1) return [null, rng.int(1, 30)];
    if (k < 0.2) {
      // the page that ends the log exactly: its next cursor must be null
      const limit = rng.int(1, 30);
      const e = log[log.length - 1 - limit];
      return [`${e[0]}:${e[1]}`, limit];
    }
    const e = log[rng.int(0, log.length - 1)];
    if (k < 0.3) return [`${e[0]}:${e[1]}x`, rng.int(1, 30)];
    if (k < 0.4) return [`${e[0] - 1}:zzz`, rng.int(1, 30)];
    return [`${e[0]}:${e[1]}`, rng.int(1, 30)];
  });
}

function paginateEventLog(): ProblemFile {
  const rng = makeRng(seedOf('paginate-event-log'));
  const t = functionTests(solvePaginate);
  const ex: [number, string][] = [
    [100, 'a'],
    [100, 'c'],
    [105, 'b'],
    [110, 'd'],
    [110, 'e'],
  ];
  t.example(
    'example 1',
    [
      ex,
      [
        [null, 2],
        ['100:c', 2],
        ['110:d', 2],
      ],
    ],
    [
      { items: ['a', 'c'], next: '100:c' },
      { items: ['b', 'd'], next: '110:d' },
      { items: ['e'], next: null },
    ],
  );
  t.example(
    'a cursor of a deleted event',
    [
      [
        [100, 'a'],
        [105, 'b'],
        [110, 'd'],
      ],
      [['100:c', 5]],
    ],
    [{ items: ['b', 'd'], next: null }],
  );
  t.hidden('edge cases', 'an empty log', [[], [[null, 3], ['5:x', 1]]], {
    expect: [
      { items: [], next: null },
      { items: [], next: null },
    ],
  });
  t.hidden(
    'edge cases',
    'the last page exactly full',
    [
      ex,
      [
        ['105:b', 2],
        [null, 5],
      ],
    ],
    {
      expect: [
        { items: ['d', 'e'], next: null },
        { items: ['a', 'c', 'b', 'd', 'e'], next: null },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'one timestamp across pages',
    [
      [
        [7, 'a'],
        [7, 'b'],
        [7, 'c'],
        [7, 'd'],
        [8, 'a'],
      ],
      [
        ['7:a', 2],
        ['7:c', 2],
      ],
    ],
    {
      expect: [
        { items: ['b', 'c'], next: '7:c' },
        { items: ['d', 'a'], next: null },
      ],
    },
  );
  t.hidden('edge cases', 'a cursor past the end', [ex, [['110:f', 3], ['999:a', 1]]], {
    expect: [
      { items: [], next: null },
      { items: [], next: null },
    ],
  });
  t.hidden('edge cases', 'a cursor before the start', [ex, [['99:zzz', 1], ['100:', 1]]], {
    expect: [
      { items: ['a'], next: '100:a' },
      { items: ['a'], next: '100:a' },
    ],
  });
  t.hidden(
    'edge cases',
    'ids compare as text, timestamps as numbers',
    [
      [
        [9, 'e9'],
        [10, 'e10'],
        [10, 'e9'],
        [100, 'e1'],
      ],
      [
        ['9:e9', 1],
        ['10:e10', 1],
        ['10:e9', 1],
      ],
    ],
    {
      expect: [
        { items: ['e10'], next: '10:e10' },
        { items: ['e9'], next: '10:e9' },
        { items: ['e1'], next: null },
      ],
    },
  );
  t.hidden(
    'edge cases',
    'ids holding a colon',
    [
      [
        [1, 'a:1'],
        [1, 'a:2'],
        [2, 'b'],
      ],
      [
        ['1:a:1', 1],
        [null, 1],
      ],
    ],
    {
      expect: [
        { items: ['a:2'], next: '1:a:2' },
        { items: ['a:1'], next: '1:a:1' },
      ],
    },
  );
  t.hidden('edge cases', 'a limit above the log size', [ex, [[null, 1000]]], {
    expect: [{ items: ['a', 'c', 'b', 'd', 'e'], next: null }],
  });
  const big = randomLog(rng, 3000);
  t.hidden('large input', '3000 events, 300 requests', [big, randomPageRequests(rng, big, 300)], { weight: 2 });
  return {
    slug: 'paginate-event-log',
    title: 'Cursor Pagination over an Event Log',
    difficulty: 'Medium',
    tags: ['binary-search', 'pagination', 'api-design'],
    statement: statement('paginate-event-log'),
    mode: 'function',
    entryPoint: 'fetchPages',
    ...functionLanguages(
      'fetch_pages',
      {
        javascript: 'function fetchPages(log, requests)',
        typescript:
          'function fetchPages(log: [number, string][], requests: [string | null, number][]): { items: string[]; next: string | null }[]',
        python: 'def fetch_pages(log: list[list], requests: list[list]) -> list[dict]',
      },
      '[]',
    ),
    limits: { timeMs: 2000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [...t.tests, performanceTest('60000 events, 2000 requests', { seed: 3, n: 60_000, requests: 2_000 }, 6)],
    generator: generator(String.raw`// [log, requests]: n events sorted by (timestamp, id) with shared timestamps, and cursors
// taken from the log, from events since deleted, and null.
function generate({ seed, n, requests }) {
  const r = rng(seed);
  const log = [];
  let t = 1767225600000;
  for (let i = 0; i < n; i++) {
    t += r.next() < 0.4 ? 0 : r.int(1, 50);
    log.push([t, (r.next() < 0.5 ? 'audit:' : '') + 'e' + r.int(0, 60466175).toString(36) + '-' + i.toString(36)]);
  }
  log.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out = [];
  for (let i = 0; i < requests; i++) {
    const e = log[r.int(0, n - 1)];
    const k = r.next();
    const limit = r.int(1, 10);
    if (k < 0.05) out.push([null, limit]);
    else if (k < 0.1) out.push([log[n - 1 - limit][0] + ':' + log[n - 1 - limit][1], limit]);
    else if (k < 0.3) out.push([e[0] + ':' + e[1] + 'x', limit]);
    else out.push([e[0] + ':' + e[1], limit]);
  }
  return [log, out];
}
`),
    referenceSolutions: [
      {
        language: 'javascript',
        source: String.raw`function fetchPages(log, requests) {
  // first index whose event comes strictly after (ts, id): binary search, the log is sorted
  const firstAfter = (ts, id) => {
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const [t, e] = log[mid];
      if (t < ts || (t === ts && e <= id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return requests.map(([cursor, limit]) => {
    let start = 0;
    if (cursor !== null) {
      const colon = cursor.indexOf(':');
      start = firstAfter(Number(cursor.slice(0, colon)), cursor.slice(colon + 1));
    }
    const end = Math.min(start + limit, log.length);
    const items = [];
    for (let i = start; i < end; i++) items.push(log[i][1]);
    const next = end > start && end < log.length ? log[end - 1][0] + ':' + log[end - 1][1] : null;
    return { items, next };
  });
}
`,
      },
      {
        language: 'typescript',
        source: String.raw`type Event = [number, string];

interface Page {
  items: string[];
  next: string | null;
}

/** The first index whose event sorts strictly after (ts, id). */
function firstAfter(log: Event[], ts: number, id: string): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const [t, e] = log[mid];
    if (t < ts || (t === ts && e <= id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fetchPages(log: Event[], requests: [string | null, number][]): Page[] {
  return requests.map(([cursor, limit]) => {
    let start = 0;
    if (cursor !== null) {
      const colon = cursor.indexOf(':');
      start = firstAfter(log, Number(cursor.slice(0, colon)), cursor.slice(colon + 1));
    }
    const end = Math.min(start + limit, log.length);
    const items = log.slice(start, end).map(([, id]) => id);
    const last = log[end - 1];
    return { items, next: end > start && end < log.length ? last[0] + ':' + last[1] : null };
  });
}
`,
      },
      {
        language: 'python',
        source: String.raw`from bisect import bisect_right


def fetch_pages(log: list[list], requests: list[list]) -> list[dict]:
    # the log is sorted by [timestamp, id], and lists compare element by element
    pages = []
    for cursor, limit in requests:
        start = 0
        if cursor is not None:
            ts, _, event_id = cursor.partition(":")
            start = bisect_right(log, [int(ts), event_id])
        end = min(start + limit, len(log))
        items = [event_id for _, event_id in log[start:end]]
        nxt = f"{log[end - 1][0]}:{log[end - 1][1]}" if start < end < len(log) else None
        pages.append({"items": items, "next": nxt})
    return pages
`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Performance tests of the problems written before generators existed (the SQL ones included):
// each gets a generator and one or two large generated tests that the intended complexity passes
// and a naive solution (its `slow` known-wrong solution) fails on time. Kept apart so each
// problem's tests above are unchanged; main() appends them. Weights make performance about a third
// of the score, so a correct but naive solution scores below the 0.7 discrimination threshold.

const PERFORMANCE: { [slug: string]: { generator: string; tests: PerformanceTest[] } } = {
  'rate-limiter': {
    tests: [performanceTest('60000 requests from 2000 clients', { seed: 21, n: 60_000, clients: 2000 }, 8)],
    generator: generator(String.raw`// [limit, windowMs, requests]: timestamps never decrease; clients busy enough to hit the limit.
function generate({ seed, n, clients }) {
  const r = rng(seed);
  const requests = [];
  let t = 1700000000000;
  for (let i = 0; i < n; i++) {
    t += r.next() < 0.3 ? 0 : r.int(0, 5);
    requests.push(['client-' + r.int(1, clients), t]);
  }
  return [20, 60000, requests];
}
`),
  },
  'group-by-sum': {
    tests: [performanceTest('40000 rows in 15000 groups', { seed: 8, n: 40_000, groups: 15_000 }, 8)],
    generator: generator(String.raw`
// [rows, "team", "cost"]: string and number keys as real data mixes them, including the same
// number as a number and as a string (5 and "5" are two groups), the falsy keys 0 and "" (groups
// of their own, not the null group), a few missing keys and values.
function generate({ seed, n, groups }) {
  const r = rng(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const k = r.int(1, groups);
    const row = {};
    const x = r.next();
    if (x < 0.3) row.team = 'team-' + k;
    else if (x < 0.5) row.team = String(k);
    else if (x < 0.96) row.team = k;
    else if (x < 0.97) row.team = 0;
    else if (x < 0.98) row.team = '';
    if (r.next() < 0.97) row.cost = r.int(-1000, 1000000);
    row.note = 'n' + i;
    rows.push(row);
  }
  return [rows, 'team', 'cost'];
}
`),
  },
  'latency-percentiles': {
    tests: [performanceTest('60000 latencies', { seed: 4, n: 60_000 }, 8)],
    generator: generator(String.raw`// [latencies, ps]: a long tail of latencies with decimals, and the usual percentiles.
function generate({ seed, n }) {
  const r = rng(seed);
  const latencies = [];
  for (let i = 0; i < n; i++) latencies.push(r.next() < 0.95 ? r.int(1000, 99999) / 100 : r.int(100000, 9999999) / 10);
  return [latencies, [0, 50, 90, 95, 99, 99.9, 100]];
}
`),
  },
  'parse-query-string': {
    tests: [performanceTest('20000 distinct parameters', { seed: 12, n: 20_000 }, 8)],
    generator: generator(String.raw`
// [query]: n distinct names (some repeated) with every rule of the statement at scale, as real
// query strings have them: plus signs and percent-escapes, '=' inside values (base64 padding),
// encoded '&' and '=' that are data, literal '%' signs, and names that are object members in
// JavaScript (constructor, toString, ...). A solution wrong on any of these fails here too.
function generate({ seed, n }) {
  const r = rng(seed);
  const members = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
  const parts = [];
  for (let i = 0; i < n; i++) {
    const name = 'p' + i.toString(36);
    const x = r.next();
    let value;
    if (x < 0.3) value = 'a+b%20c%2F';
    else if (x < 0.4) value = 'q%3D' + r.int(0, 999) + '%26k';
    else if (x < 0.5) value = 'dG9r' + r.int(0, 99999) + '==';
    else if (x < 0.55) value = r.int(0, 100) + '%';
    else value = 'v' + r.int(0, 99999);
    parts.push(name + '=' + value);
    if (r.next() < 0.1) parts.push(name + '=again');
    if (r.next() < 0.01) parts.push(members[r.int(0, 3)] + '=' + i);
  }
  return [parts.join('&')];
}
`),
  },
  'merge-intervals': {
    tests: [performanceTest('30000 intervals, most of them separate', { seed: 9, n: 30_000 }, 8)],
    generator: generator(String.raw`// [intervals]: unsorted, mostly separate (a naive merge keeps a long list), some overlapping runs.
function generate({ seed, n }) {
  const r = rng(seed);
  const intervals = [];
  for (let i = 0; i < n; i++) {
    const start = i * 10 + r.int(0, 3);
    intervals.push([start, start + (r.next() < 0.1 ? r.int(8, 30) : r.int(0, 5))]);
  }
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    const t = intervals[i];
    intervals[i] = intervals[j];
    intervals[j] = t;
  }
  return [intervals];
}
`),
  },
  'aggregate-request-logs': {
    tests: [performanceTest('50000 requests on 10000 paths', { seed: 30, n: 50_000, paths: 10_000 }, 8)],
    generator: generator(String.raw`
// stdin: n log lines over many paths, written as real logs are: paths differing in case and
// punctuation (their order is by code unit), some blank lines, CRLF line ends and runs of
// spaces. A path's requests are all errors or none, so no error rate is ever a rounding tie.
function generate({ seed, n, paths }) {
  const r = rng(seed);
  const methods = ['GET', 'GET', 'POST', 'PUT', 'DELETE'];
  const prefixes = ['/api/v1/items/', '/api/v1/Items/', '/api/v1/items_old/', '/api/v1/items-new/', '/API/v1/items/'];
  const lines = [];
  for (let i = 0; i < n; i++) {
    const p = r.int(1, paths);
    const status = p % 7 === 0 ? 500 + r.int(0, 4) : [200, 201, 204, 304, 404][r.int(0, 4)];
    const q = r.next() < 0.2 ? '?page=' + r.int(1, 9) : '';
    const sep = r.next() < 0.05 ? '  ' : ' ';
    const end = r.next() < 0.1 ? '\r' : '';
    lines.push(methods[r.int(0, 4)] + sep + prefixes[p % 5] + p + q + ' ' + status + sep + r.int(0, 5000) + end);
    if (r.next() < 0.02) lines.push('');
  }
  return lines.join('\n') + '\n';
}
`),
  },
  'service-start-order': {
    tests: [
      performanceTest('20000 services, wide ready sets', { seed: 17, n: 20_000, edges: 20_000 }, 8),
      performanceTest('20000 services, one depending on itself', { seed: 18, n: 20_000, edges: 20_000, selfDependent: true }, 8),
    ],
    generator: generator(String.raw`
// stdin: n services, each depending only on services earlier in a hidden order, so there is no
// cycle and thousands of services are ready at once (a solution that re-sorts them each step is slow).
// With \`selfDependent\`, the last service of that order also depends on itself: the only cycle
// of the system is that self-dependency, after every other service could start (CYCLE).
function generate({ seed, n, edges, selfDependent }) {
  const r = rng(seed);
  const names = [];
  for (let i = 0; i < n; i++) names.push('s' + r.int(0, 2176782335).toString(36) + '-' + i.toString(36));
  const lines = [];
  for (let i = 0; i < edges; i++) {
    const a = r.int(1, n - 1);
    lines.push(names[a] + ' ' + names[r.int(0, a - 1)]);
  }
  for (const name of names) lines.push(name);
  if (selfDependent) lines.push(names[n - 1] + ' ' + names[n - 1]);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    const t = lines[i];
    lines[i] = lines[j];
    lines[j] = t;
  }
  return lines.join('\n') + '\n';
}
`),
  },
  'endpoint-error-rates': {
    tests: [performanceTest('5000 requests on 248 endpoints', { seed: 13, n: 5000 }, 10)],
    generator: generator(String.raw`
// { requests }: n requests over about n / 12 endpoints, as a gateway log holds them: endpoints
// that differ only in case, rarely used endpoints (fewer than 3 requests), NULL statuses, 4xx
// beside 5xx, and the orderings the statement sets: endpoints with the same
// error rate (more requests first, then by name), and endpoints whose rates differ by less
// than 1/1000, so that their rounded-down permille is equal but their order is not.
function generate({ seed, n }) {
  const r = rng(seed);
  const okStatus = [200, 200, 200, 201, 204, 301, 304, 400, 401, 404, 404, 429, 499];
  const errStatus = [500, 500, 502, 503, 504, 599];
  const plan = []; // [endpoint, requests, server errors, statusless requests]
  const name = (i) => {
    const j = i % 7 === 3 ? i - 1 : i; // the endpoint before it, in other letter case
    const res = ['users', 'orders', 'search', 'login', 'export', 'reports', 'health', 'cart', 'payments', 'webhooks'][j % 10];
    const path = '/' + res + (j >= 10 ? '/v' + Math.floor(j / 10) : '');
    return j === i ? path : path.replace(res, res[0].toUpperCase() + res.slice(1));
  };
  let i = 0;
  let rows = 0;
  // Near ties: a busy endpoint whose rate is just under a quiet one's, in the same permille.
  for (let pairs = 0; pairs < 8; ) {
    const q = [3, 6, 7, 9, 11, 12, 13][r.int(0, 6)];
    const e = r.int(1, q - 1);
    const permille = Math.floor((1000 * e) / q);
    for (let big = r.int(120, 400); big < 1000; big++) {
      const eb = Math.ceil((permille * big) / 1000);
      if (eb * q < e * big) {
        plan.push([name(i++), q, e, r.int(0, 1)], [name(i++), big, eb, r.int(0, 5)]);
        rows += q + big;
        pairs += 1;
        break;
      }
    }
  }
  // Exact ties: the same rate at different volumes, and at the same volume.
  for (let k = 0; k < 12; k++) {
    const q = r.int(3, 8);
    const e = r.int(0, q);
    const m = r.int(2, 6);
    plan.push([name(i++), q, e, 0], [name(i++), q * m, e * m, r.int(0, 2)], [name(i++), q, e, 1]);
    rows += 2 * q + q * m;
  }
  while (rows < n) {
    const q = Math.min(n - rows, r.next() < 0.1 ? r.int(1, 2) : r.int(3, 20));
    const e = r.next() < 0.3 ? 0 : r.int(0, q);
    plan.push([name(i++), q, e, r.next() < 0.2 ? r.int(0, q - e) : 0]);
    rows += q;
  }
  const statuses = [];
  for (const [endpoint, q, e, none] of plan) {
    for (let j = 0; j < q; j++) {
      const status = j < e ? errStatus[r.int(0, errStatus.length - 1)] : j < e + none ? null : okStatus[r.int(0, okStatus.length - 1)];
      statuses.push([endpoint, status]);
    }
  }
  for (let j = statuses.length - 1; j > 0; j--) {
    const k = r.int(0, j);
    const t = statuses[j];
    statuses[j] = statuses[k];
    statuses[k] = t;
  }
  const requests = statuses.map(([endpoint, status], j) => [j + 1, endpoint, status, r.next() < 0.05 ? 30000 : r.int(2, 900)]);
  return { requests };
}
`),
  },
  'customers-without-paid-orders': {
    tests: [performanceTest('2500 customers, 4500 orders', { seed: 17, customers: 2500, n: 4500 }, 8)],
    generator: generator(String.raw`
// { customers, orders }: \`customers\` customers and n orders, as a shop's tables hold them: most
// customers have paid, others have only pending, cancelled or refunded orders, many have no
// order at all; guest checkouts (NULL customer_id), paid ones among them; customers without an
// email; names shared by several customers, and names that differ in case only.
function generate({ seed, customers: count, n }) {
  const r = rng(seed);
  const first = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Ken', 'Radia', 'Tim', 'Sophie'];
  const customers = [];
  for (let id = 1; id <= count; id++) {
    let name = first[r.int(0, first.length - 1)] + ' ' + String.fromCharCode(65 + r.int(0, 25)) + '.';
    if (r.next() < 0.05) name = name.toLowerCase();
    customers.push([id, name, r.next() < 0.1 ? null : 'c' + id + '@example.com']);
  }
  const statuses = ['pending', 'cancelled', 'refunded'];
  const orders = [];
  for (let id = 1; id <= n; id++) {
    const guest = r.next() < 0.08;
    const customerId = guest ? null : r.int(1, count);
    const status = r.next() < (guest ? 0.7 : 0.35) ? 'paid' : statuses[r.int(0, 2)];
    orders.push([id, customerId, status, r.int(100, 90000)]);
  }
  return { customers, orders };
}
`),
  },
  'latest-deployment-per-service': {
    tests: [performanceTest('8000 deployments of 12 services', { seed: 11, n: 8000, services: 12 }, 8)],
    generator: generator(String.raw`
// { deployments }: n rollouts of \`services\` services, recorded in id order over a year, as a
// deployment tool's table holds them: services deployed many times a day, rollouts still
// running or failed (NULL finished_at), rollbacks that finish after a newer version, several
// rollouts of a service finishing in the same second, service names that differ in case only.
function generate({ seed, n, services }) {
  const r = rng(seed);
  const pad = (x) => (x < 10 ? '0' : '') + x;
  const names = [];
  for (let s = 0; s < services; s++) {
    const base = ['api', 'web', 'billing', 'search', 'auth', 'worker', 'mailer', 'reports'][s % 8];
    const name = s % 8 === s ? base : base + '-' + Math.floor(s / 8);
    names.push(s % 5 === 3 ? name.toUpperCase() : name);
  }
  const start = Date.UTC(2026, 0, 1) / 1000;
  const stamp = (sec) => {
    const t = new Date(sec * 1000);
    return t.getUTCFullYear() + '-' + pad(t.getUTCMonth() + 1) + '-' + pad(t.getUTCDate()) + ' ' +
      pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes()) + ':' + pad(t.getUTCSeconds());
  };
  const minor = new Array(services).fill(0);
  const last = new Array(services).fill(start);
  const deployments = [];
  let now = start;
  for (let id = 1; id <= n; id++) {
    now += r.int(60, 7200);
    const s = r.int(0, services - 1);
    minor[s] += 1;
    const version = '1.' + minor[s] + '.' + r.int(0, 3);
    const x = r.next();
    let finishedAt;
    if (x < 0.08) finishedAt = null; // running or failed
    else if (x < 0.18) finishedAt = last[s]; // finished in the same second as the service's previous one
    else if (x < 0.25) finishedAt = now - r.int(7200, 86400 * 3); // recorded late: finished before others
    else finishedAt = now + r.int(30, 900);
    if (finishedAt !== null && finishedAt > last[s]) last[s] = finishedAt;
    deployments.push([id, names[s], version, finishedAt === null ? null : stamp(finishedAt)]);
  }
  return { deployments };
}
`),
  },
  'daily-revenue-running-total': {
    tests: [performanceTest('6000 payments over 300 days', { seed: 3, n: 6000, days: 300 }, 8)],
    generator: generator(String.raw`
// { payments }: n payments over \`days\` days from 2024-01-01, in no particular order, as a real
// table holds them: refunds (negative amounts), failed payments (NULL), whole days of failures,
// payments sharing a timestamp.
function generate({ seed, n, days }) {
  const r = rng(seed);
  const pad = (x) => (x < 10 ? '0' : '') + x;
  const start = Date.UTC(2024, 0, 1);
  const failedDay = (d) => d % 37 === 5;
  const payments = [];
  for (let id = 1; id <= n; id++) {
    const day = r.int(0, days - 1);
    const t = new Date(start + day * 86400000 + r.int(0, 86399) * 1000);
    const paidAt = t.getUTCFullYear() + '-' + pad(t.getUTCMonth() + 1) + '-' + pad(t.getUTCDate()) + ' ' + pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes()) + ':' + pad(t.getUTCSeconds());
    const x = r.next();
    const amount = failedDay(day) || x < 0.05 ? null : x < 0.1 ? -r.int(100, 50000) : r.int(100, 200000);
    payments.push([id, paidAt, amount]);
  }
  return { payments };
}
`),
  },
  'duplicate-user-emails': {
    tests: [performanceTest('8000 users, 2500 addresses', { seed: 5, n: 8000, addresses: 2500 }, 5)],
    generator: generator(String.raw`
// { users }: n sign-ups over \`addresses\` email addresses, as a real table has them: the same
// address in other letter cases and with stray spaces, some NULL emails, sign-up times that
// sometimes coincide. Most addresses are held by more than one user.
function generate({ seed, n, addresses }) {
  const r = rng(seed);
  const pad = (x) => (x < 10 ? '0' : '') + x;
  const users = [];
  for (let id = 1; id <= n; id++) {
    const a = r.int(1, addresses);
    const x = r.next();
    let email = null;
    if (x >= 0.05) {
      email = x < 0.3 ? 'USER' + a + '@EXAMPLE.COM' : x < 0.4 ? 'User' + a + '@Example.com' : 'user' + a + '@example.com';
      if (r.next() < 0.1) email = ' ' + email + '  ';
    }
    const createdAt = '2026-' + pad(r.int(1, 12)) + '-' + pad(r.int(1, 28)) + ' ' + pad(r.int(0, 23)) + ':' + pad(r.int(0, 5) * 10) + ':00';
    users.push([id, email, createdAt]);
  }
  return { users };
}
`),
  },
};

// ---------------------------------------------------------------------------------------------
// Output

let root = '';

function statement(slug: string): string {
  return readFileSync(join(root, 'tools', 'problem-bank', 'statements', `${slug}.md`), 'utf8').trimEnd() + '\n';
}

/** The repository root: the first ancestor of this script holding libs/assessments. */
function findRoot(): string {
  let dir = resolve(dirname(process.argv[1] ?? '.'));
  while (!existsSync(join(dir, 'libs', 'assessments', 'project.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (libs/assessments) above this script');
    dir = up;
  }
  return dir;
}

/** Readable at the top, one line per test: a reviewer can diff a single test without scrolling. */
function render(p: ProblemFile): string {
  const head: [string, unknown][] = [
    ['slug', p.slug],
    ['title', p.title],
    ['difficulty', p.difficulty],
    ['tags', p.tags],
    ...(p.practice !== undefined ? [['practice', p.practice] as [string, unknown]] : []),
    ['statement', p.statement],
    ['mode', p.mode],
    ['languages', p.languages],
    ...(p.entryPoint !== undefined ? [['entryPoint', p.entryPoint] as [string, unknown]] : []),
    ...(p.entryPoints !== undefined ? [['entryPoints', p.entryPoints] as [string, unknown]] : []),
    ...(p.signatures !== undefined ? [['signatures', p.signatures] as [string, unknown]] : []),
    ...(p.starters !== undefined ? [['starters', p.starters] as [string, unknown]] : []),
    ...(p.schema !== undefined ? [['schema', p.schema] as [string, unknown]] : []),
    ['limits', p.limits],
    ['checker', p.checker],
    ...(p.generator !== undefined ? [['generator', p.generator] as [string, unknown]] : []),
  ];
  const out = ['{'];
  for (const [k, v] of head) out.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  out.push('  "tests": [');
  out.push((p.tests as unknown[]).map((test) => `    ${JSON.stringify(test)}`).join(',\n'));
  out.push('  ],');
  out.push('  "referenceSolutions": [');
  out.push(p.referenceSolutions.map((s) => `    ${JSON.stringify(s)}`).join(',\n'));
  out.push('  ]');
  out.push('}');
  return out.join('\n') + '\n';
}

/** `--out DIR`: where to write the files (relative to the working directory); the bank itself by default. */
function outputDir(): string {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  if (at < 0) return join(root, 'libs', 'assessments', 'data', 'problems');
  const dir = args[at + 1];
  if (!dir) throw new Error('--out needs a directory');
  return resolve(dir);
}

function main(): void {
  root = findRoot();
  const dir = outputDir();
  mkdirSync(dir, { recursive: true });
  const problems = [
    twoSum,
    parseQueryString,
    mergeIntervals,
    aggregateRequestLogs,
    rateLimiter,
    lruCache,
    groupBySum,
    latencyPercentiles,
    serviceStartOrder,
    endpointErrorRates,
    customersWithoutPaidOrders,
    latestDeploymentPerService,
    dailyRevenueRunningTotal,
    duplicateUserEmails,
    reconcileLedgers,
    dedupeWebhookDeliveries,
    paginateEventLog,
  ];
  for (const build of problems) {
    const problem = build();
    const extra = PERFORMANCE[problem.slug];
    if (extra) {
      if (problem.generator) throw new Error(`${problem.slug}: a generator both in its builder and in PERFORMANCE`);
      problem.tests = [...problem.tests, ...extra.tests];
      problem.generator = extra.generator;
      // A summary of thousands of paths or services is more than the default 64 KB of output.
      if (problem.mode === 'stdio') problem.limits = { ...problem.limits, outputKb: 1024 };
    }
    const text = render(problem);
    if (!isDeepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(problem))))
      throw new Error(`${problem.slug}: rendering changed the document`);
    if (Buffer.byteLength(text) > MAX_FILE_BYTES)
      throw new Error(`${problem.slug}: ${Buffer.byteLength(text)} bytes, over ${MAX_FILE_BYTES}`);
    for (const test of problem.tests.filter((x): x is PerformanceTest => 'kind' in x)) {
      if (!problem.generator) throw new Error(`${problem.slug}: performance test "${test.name}" without a generator`);
      const data = JSON.stringify(runGenerator(problem.generator, test.generate));
      if (data !== JSON.stringify(runGenerator(problem.generator, test.generate)))
        throw new Error(`${problem.slug}: the generator is not deterministic`);
      const shape = problem.mode === 'function' ? data.startsWith('[') : problem.mode === 'stdio' ? data.startsWith('"') : data.startsWith('{');
      if (!shape) throw new Error(`${problem.slug}: "${test.name}" generates the wrong shape for ${problem.mode} mode`);
    }
    writeFileSync(join(dir, `${problem.slug}.json`), text);
    const visible = problem.tests.filter((x) => !x.hidden).length;
    console.log(
      `${problem.slug}: ${visible} visible, ${problem.tests.length - visible} hidden, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
    );
  }
}

main();
