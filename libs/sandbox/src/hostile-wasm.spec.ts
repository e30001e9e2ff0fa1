/**
 * The hostile battery for Python (Pyodide) and SQL (sql.js): solutions written to hang,
 * exhaust, escape or fool the judge. For each: the exact safe verdict, an answer within a bound,
 * the host untouched, and an honest submission judged normally right after on the same pool.
 *
 * Bounds are the limit plus the time to load an interpreter on a busy shared machine (Python
 * loads one per submission, and the first Python submission in a child makes its snapshot).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Judge } from './judge';
import type { JudgeResult, Language, Status } from './judge.types';
import { loadProblem, Problem, ProblemInput } from './problem.schema';

const pyProblem = (over: Partial<ProblemInput> = {}): Problem =>
  loadProblem({
    slug: 'hostile-py-sum',
    title: 'Sum',
    mode: 'function',
    entryPoint: 'solve',
    limits: { timeMs: 1000, memoryMb: 32, outputKb: 4, resultKb: 16 },
    tests: [{ name: 'sum', args: [2, 3], expected: 5, hidden: false }],
    ...over,
  });

const PY = pyProblem();
const PY_SLOW = pyProblem({ limits: { timeMs: 5000, memoryMb: 32, outputKb: 4, resultKb: 16 } });
const PY_TWICE = pyProblem({
  tests: [
    { name: 'first', args: [2, 3], expected: 5, hidden: false },
    { name: 'second', args: [4, 5], expected: 9, hidden: false },
  ],
});
const PY_STDIO = loadProblem({
  slug: 'hostile-py-echo',
  title: 'Echo',
  mode: 'stdio',
  limits: { timeMs: 1000, memoryMb: 32, outputKb: 4 },
  tests: [{ name: 'echo', stdin: 'hello\n', expected: 'hello\n', hidden: false }],
});

const sqlProblem = (tests = 1): Problem =>
  loadProblem({
    slug: 'hostile-sql',
    title: 'Count',
    mode: 'sql',
    schema: 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);',
    limits: { timeMs: 1000, memoryMb: 32, resultKb: 16 },
    tests: Array.from({ length: tests }, (_, i) => ({
      name: `count ${i}`,
      hidden: false,
      data: { t: [[1, 'a'], [2, 'b']] },
      expected: { columns: ['n'], rows: [[2]] },
    })),
  });
const SQL = sqlProblem();
const SQL_TWICE = sqlProblem(2);

const HONEST_PY = 'def solve(a, b):\n    return a + b\n';
const HONEST_PY_STDIO = 'print(input())\n';
const HONEST_SQL = 'SELECT count(*) AS n FROM t;';
const PWNED = path.join(os.tmpdir(), `pysql-pwned-${process.pid}`);

interface Case {
  name: string;
  source: string;
  /** The verdict, or the verdicts any of which stops the attack (whichever limit it meets first). */
  expect: Status | Status[];
  problem?: Problem;
  language: Language;
  withinMs?: number;
  check?: (r: JudgeResult) => void;
}

const py = (name: string, source: string, expect: Case['expect'], more: Partial<Case> = {}): Case => ({ name: `python: ${name}`, source, expect, language: 'python', ...more });
const sql = (name: string, source: string, expect: Case['expect'], more: Partial<Case> = {}): Case => ({ name: `sql: ${name}`, source, expect, language: 'sql', problem: SQL, ...more });

const PYTHON: Case[] = [
  py('infinite loop at top level', 'while True:\n    pass\ndef solve(a, b):\n    return a + b\n', 'TIME_LIMIT_EXCEEDED'),
  py('infinite loop in the function', 'def solve(a, b):\n    while True:\n        pass\n', 'TIME_LIMIT_EXCEEDED'),
  py(
    'loop inside try/except BaseException',
    'def solve(a, b):\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n',
    'TIME_LIMIT_EXCEEDED',
  ),
  py('loop in finally', 'def solve(a, b):\n    try:\n        while True: pass\n    finally:\n        while True: pass\n', 'TIME_LIMIT_EXCEEDED'),
  py('time.sleep', 'import time\ndef solve(a, b):\n    time.sleep(30)\n    return a + b\n', 'TIME_LIMIT_EXCEEDED'),
  py('list memory bomb', 'def solve(a, b):\n    x = []\n    while True:\n        x.append([0] * 10**6)\n', 'MEMORY_LIMIT_EXCEEDED'),
  py('bytearray bomb', 'def solve(a, b):\n    return len(bytearray(10**9))\n', 'MEMORY_LIMIT_EXCEEDED'),
  py('string doubling', "def solve(a, b):\n    s = 'x'\n    while True:\n        s += s\n", 'MEMORY_LIMIT_EXCEEDED'),
  py(
    'memory bomb that catches MemoryError',
    "def solve(a, b):\n    x = []\n    while True:\n        try:\n            x.append(' ' * 10**6)\n        except MemoryError:\n            return a + b\n",
    'MEMORY_LIMIT_EXCEEDED',
  ),
  py('unbounded recursion', 'def f(n):\n    return f(n + 1)\ndef solve(a, b):\n    return f(0)\n', 'RUNTIME_ERROR', {
    check: (r) => expect(r.tests[0].message).toMatch(/RecursionError/),
  }),
  py(
    'recursion with a raised recursion limit',
    'import sys\nsys.setrecursionlimit(10**7)\ndef f(n):\n    return f(n + 1) + 1\ndef solve(a, b):\n    return f(0)\n',
    'MEMORY_LIMIT_EXCEEDED',
  ),
  py('output flood', "def solve(a, b):\n    while True:\n        print('x' * 1000)\n", 'OUTPUT_LIMIT_EXCEEDED'),
  py(
    'output flood inside try/except',
    "import sys\ndef solve(a, b):\n    for _ in range(10**6):\n        try:\n            sys.stdout.write('y' * 100)\n        except BaseException:\n            pass\n    return a + b\n",
    'OUTPUT_LIMIT_EXCEEDED',
  ),
  py('reading a host file', "def solve(a, b):\n    return open('/etc/passwd').read()\n", 'RUNTIME_ERROR', {
    check: (r) => expect(r.tests[0].message).toMatch(/FileNotFoundError/),
  }),
  py('listing the file system', "import os\ndef solve(a, b):\n    return sorted(os.listdir('/'))\n", 'WRONG_ANSWER', {
    check: (r) => expect(r.tests[0].actual).toEqual(['dev', 'home', 'lib', 'proc', 'tmp']),
  }),
  py('os.system writes nothing on the host', `import os\ndef solve(a, b):\n    return os.system('touch ${PWNED}')\n`, 'WRONG_ANSWER', {
    check: (r) => {
      expect(r.tests[0].actual).toBe(-1);
      expect(fs.existsSync(PWNED)).toBe(false);
    },
  }),
  py('subprocess', "import subprocess\ndef solve(a, b):\n    return subprocess.run(['ls', '/'], capture_output=True).returncode\n", 'RUNTIME_ERROR'),
  py('socket', "import socket\ndef solve(a, b):\n    s = socket.create_connection(('127.0.0.1', 6379))\n    return 1\n", 'RUNTIME_ERROR'),
  py('http.client', "import http.client\ndef solve(a, b):\n    c = http.client.HTTPConnection('127.0.0.1', 6379)\n    c.request('GET', '/')\n    return 1\n", 'RUNTIME_ERROR', {
    // Importing http.client (email, parsers) from the zipped stdlib takes a while on a busy machine.
    problem: PY_SLOW,
  }),
  py('thread bomb', 'import threading\ndef solve(a, b):\n    while True:\n        threading.Thread(target=lambda: None).start()\n', 'RUNTIME_ERROR'),
  py('os.fork', 'import os\ndef solve(a, b):\n    return os.fork()\n', 'RUNTIME_ERROR'),
  py('micropip', 'import micropip\ndef solve(a, b):\n    return a + b\n', 'RUNTIME_ERROR'),
  py(
    'import js tampering with JSON and prototypes',
    "import js\njs.eval('JSON.parse = () => 5; JSON.stringify = () => \"5\"; Object.prototype.toJSON = () => 5;')\ndef solve(a, b):\n    return a * b\n",
    'WRONG_ANSWER',
    { check: (r) => expect(r.tests[0].actual).toBe(6) },
  ),
  py(
    'import js lifting the memory cap',
    "import js\ntry:\n    js.eval('WebAssembly.Memory.prototype.grow = function (n) { return 0; }')\nexcept BaseException:\n    pass\ndef solve(a, b):\n    return len(bytearray(10**9))\n",
    'MEMORY_LIMIT_EXCEEDED',
  ),
  py('sys.exit in the function', 'import sys\ndef solve(a, b):\n    sys.exit(0)\n', 'RUNTIME_ERROR'),
  py('os._exit in the function', 'import os\ndef solve(a, b):\n    os._exit(0)\n', 'RUNTIME_ERROR'),
  py('returns a set', 'def solve(a, b):\n    return {a, b}\n', 'RUNTIME_ERROR', {
    check: (r) => expect(r.tests[0].message).toBe('return value is not JSON: set'),
  }),
  py('returns NaN', "def solve(a, b):\n    return float('nan')\n", 'RUNTIME_ERROR'),
  py('syntax error', 'def solve(a, b)\n    return a + b\n', 'COMPILE_ERROR', {
    check: (r) => expect(r.compileError?.line).toBe(1),
  }),
  py('SyntaxError from exec at run time', "def solve(a, b):\n    exec('1 +')\n", 'RUNTIME_ERROR'),
  py(
    'state carried between tests (builtins, modules, files)',
    "import builtins, math, os\nif hasattr(builtins, 'seen') or hasattr(math, 'seen') or os.path.exists('/tmp/seen'):\n    raise Exception('state leaked')\nbuiltins.seen = math.seen = 1\nopen('/tmp/seen', 'w').write('1')\nimport json\njson.dumps = lambda *a, **k: '5'\ndef solve(a, b):\n    return a + b\n",
    'ACCEPTED',
    { problem: PY_TWICE },
  ),
  py(
    'state carried between tests (nested files, a working directory to remove, home swapped for a link, sys.modules rebound)',
    "import os, sys\nif os.getcwd() != '/home/pyodide' or os.path.exists('/tmp/a') or os.path.exists('/tmp/w') or os.path.islink('/home/pyodide') or 'evil' in sys.modules:\n    raise Exception('state leaked')\nos.makedirs('/tmp/a/b/c')\nopen('/tmp/a/b/c/f', 'w').write('1')\nos.makedirs('/tmp/w/x')\nos.chdir('/tmp/w/x')\nos.rename('/home/pyodide', '/home/moved')\nos.symlink('/lib', '/home/pyodide')\nsys.modules = dict(sys.modules, evil=os)\ndef solve(a, b):\n    return a + b\n",
    'ACCEPTED',
    { problem: PY_TWICE },
  ),
  py('stdio: reading past the end of input', 'while True:\n    print(input())\n', 'RUNTIME_ERROR', { problem: PY_STDIO }),
  py('stdio: sys.exit(0) after printing', "import sys\nprint(sys.stdin.read(), end='')\nsys.exit(0)\n", 'ACCEPTED', { problem: PY_STDIO }),
  py('stdio: non-zero exit status', "import sys\nprint('hello')\nsys.exit(3)\n", 'RUNTIME_ERROR', { problem: PY_STDIO }),
];

const SQL_CASES: Case[] = [
  sql('unbounded recursive CTE', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c;', 'TIME_LIMIT_EXCEEDED'),
  sql(
    'cartesian explosion',
    'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT count(*) AS n FROM c a, c b, c d;',
    'TIME_LIMIT_EXCEEDED',
  ),
  sql('zeroblob past the length limit', 'SELECT length(zeroblob(2000000000)) AS n;', 'MEMORY_LIMIT_EXCEEDED'),
  sql('randomblob bomb', 'SELECT length(randomblob(200000000)) AS n;', 'MEMORY_LIMIT_EXCEEDED'),
  sql('string bomb', "SELECT length(replace(hex(zeroblob(50000000)), '0', 'ab')) AS n;", 'MEMORY_LIMIT_EXCEEDED'),
  sql('ATTACH', "ATTACH DATABASE '/etc/passwd' AS x; SELECT count(*) AS n FROM t;", 'COMPILE_ERROR', {
    check: (r) => expect(r.compileError?.message).toMatch(/ATTACH is not allowed/),
  }),
  sql('ATTACH hidden behind a comment', "/* x */ -- y\n  attach ':memory:' AS x; SELECT count(*) AS n FROM t;", 'COMPILE_ERROR'),
  sql('DETACH', 'DETACH DATABASE main; SELECT count(*) AS n FROM t;', 'COMPILE_ERROR'),
  sql('VACUUM INTO a file', "VACUUM INTO '/tmp/copy.db'; SELECT count(*) AS n FROM t;", 'COMPILE_ERROR'),
  sql('load_extension', "SELECT load_extension('/usr/lib/x.so') AS n;", 'COMPILE_ERROR'),
  sql('result set past the limit', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT x AS n FROM c;', 'OUTPUT_LIMIT_EXCEEDED'),
  sql('syntax error', 'SELEC count(*) AS n FROM t;', 'COMPILE_ERROR'),
  sql('unknown table on line 2', 'SELECT 1;\nSELECT count(*) AS n FROM nope;', 'COMPILE_ERROR', {
    check: (r) => expect(r.compileError).toMatchObject({ line: 2, message: expect.stringMatching(/no such table: nope/) }),
  }),
  sql('integer overflow at run time', 'SELECT abs(-9223372036854775807 - 1) AS n FROM t;', 'RUNTIME_ERROR'),
  sql('PRAGMA query_only then a write', 'PRAGMA query_only = 1; DELETE FROM t; SELECT count(*) AS n FROM t;', 'RUNTIME_ERROR'),
  sql('no statement returns rows', 'DELETE FROM t;', 'COMPILE_ERROR'),
  sql(
    'rows written in one test are not seen by the next',
    "INSERT INTO t (v) VALUES ('leak'); DELETE FROM t WHERE v = 'leak'; CREATE TABLE IF NOT EXISTS extra (x); INSERT INTO extra VALUES (1); SELECT count(*) + (SELECT count(*) FROM extra) - 1 AS n FROM t;",
    'ACCEPTED',
    { problem: SQL_TWICE },
  ),
  sql('PRAGMA temp_store = FILE and a big sort', "PRAGMA temp_store = FILE; WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000000) SELECT count(*) AS n FROM (SELECT hex(randomblob(64)) AS h FROM c ORDER BY h);",
    // The sort meets the time limit or the memory cap first: SQLite's "out of memory" (a runtime
    // error) or the isolate's WebAssembly memory cap (now that the time limit counts CPU, not wall
    // time, a loaded machine gives it the time to get there). Any of them stops it; all three
    // have been seen on these machines.
    ['TIME_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED'],
  ),
];

const CASES = [...PYTHON, ...SQL_CASES];

describe('hostile battery: Python and SQL', () => {
  let judge: Judge;
  let slots = 2;
  const queue: Array<() => void> = [];
  const acquire = () => new Promise<void>((resolve) => (slots > 0 ? (slots--, resolve()) : queue.push(resolve)));
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else slots++;
  };
  const hostGlobals = Object.getOwnPropertyNames(globalThis).sort();

  beforeAll(async () => {
    judge = new Judge({ size: 2 });
    // Each child makes Pyodide's memory snapshot on its first Python submission (seconds on a
    // busy machine): pay for it here, so each case's bound measures the case.
    const warm = await Promise.all([0, 1].map(() => judge.judge({ problem: PY, language: 'python', source: HONEST_PY })));
    expect(warm.map((r) => r.verdict)).toEqual(['ACCEPTED', 'ACCEPTED']);
  }, 240_000);

  afterAll(async () => {
    await judge.close();
    fs.rmSync(PWNED, { force: true });
  });

  it('has at least 25 Python and 15 SQL cases', () => {
    expect(PYTHON.length).toBeGreaterThanOrEqual(25);
    expect(SQL_CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.concurrent.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      await acquire();
      try {
        const problem = c.problem ?? PY;
        const started = performance.now();
        const r = await judge.judge({ problem, language: c.language, source: c.source });
        const took = performance.now() - started;

        const allowed = ([] as Status[]).concat(c.expect);
        const verdict = allowed.includes(r.verdict) ? allowed[0] : r.verdict;
        expect({ verdict, message: r.tests[0]?.message ?? r.compileError?.message }).toMatchObject({ verdict: allowed[0] });
        // A submission may wait for its child to prepare the next Python interpreter (after a
        // Python submission), and Python may load one itself (after a limit broke it).
        expect(took).toBeLessThan(c.withinMs ?? problem.limits.timeMs + 20_000);
        c.check?.(r);

        expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(hostGlobals);
        const honest = c.language === 'sql' ? HONEST_SQL : problem.mode === 'stdio' ? HONEST_PY_STDIO : HONEST_PY;
        const next = await judge.judge({ problem, language: c.language, source: honest });
        expect(next.verdict).toBe('ACCEPTED');
        expect(next.score).toBe(1);
      } finally {
        release();
      }
    },
    180_000,
  );

  it('still has its two children after the battery', () => {
    expect(judge.sandboxPids()).toHaveLength(2);
  });
});

describe('warm Python interpreters', () => {
  it('serve one submission each: what a submission left in its interpreter never reaches the next', async () => {
    const judge = new Judge({ size: 1 });
    try {
      // State that the reset between tests does not undo (a global of the isolate itself):
      // only a new interpreter per submission clears it.
      const source = "import js\nseen = getattr(js, 'leaked', None)\njs.leaked = 'x'\ndef solve(a, b):\n    return a + b if seen is None else -1\n";
      for (let i = 0; i < 3; i++) {
        const r = await judge.judge({ problem: PY, language: 'python', source });
        expect(r.tests.map((t) => [t.status, t.actual])).toEqual([['ACCEPTED', 5]]);
      }
    } finally {
      await judge.close();
    }
  }, 240_000);
});
