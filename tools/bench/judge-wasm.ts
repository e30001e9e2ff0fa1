/**
 * Python and SQL rows of `npm run bench:judge`, each against its own floor measured in the same run.
 *   Python floor: the cheapest way to judge a 20-test Python function submission in isolated-vm
 *     without the judge: a fresh isolate, the shims Pyodide cannot run without, Pyodide's two
 *     scripts (V8 code cache), loadPyodide from Pyodide's memory snapshot (made once, here) with
 *     the wasm compiled once and shared, the solution run once, 20 calls (arguments as JSON in,
 *     the result as JSON out, compared on the host), dispose. No reset between tests, no output
 *     capture, no memory cap, no child process.
 *   SQL floor: a fresh isolate with sql.js (the wasm compiled once and shared), then per test a
 *     fresh in-memory database (schema, rows, the query, the last result as JSON out, compared on
 *     the host), dispose.
 *   Engine rows: the same submissions through @app/sandbox's Judge (one sandbox child). Python is
 *     measured two ways: back to back (the next submission is sent the moment a verdict arrives,
 *     so it waits for the child to prepare its interpreter: load-bound) and paced (a pause between
 *     submissions, as candidates' submissions arrive: the warm interpreter is ready). Paced
 *     submissions alternate with floor submissions, so both see the same machine load.
 * Processes that load this file must run with --no-node-snapshot (isolated-vm loads in-process).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type ivmTypes from 'isolated-vm';
import { Judge, jsonEqual, JsonValue, loadProblem, Problem, wasmFloorParts } from '@app/sandbox';
import { REFERENCE_PROBLEM_PATH, ROOT } from './judge-engine';
import { summarize } from './stats';

export const PYTHON_SOLUTION_PATH = path.join(ROOT, 'libs/sandbox/test-fixtures/bench/reference-20.solution.py');
export const SQL_PROBLEM_PATH = path.join(ROOT, 'libs/sandbox/test-fixtures/bench/sql-20.json');
export const SQL_SOLUTION_PATH = path.join(ROOT, 'libs/sandbox/test-fixtures/bench/sql-20.solution.sql');

export interface WasmRow {
  name: string;
  submissionsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The p50 of the floor this row is compared with (itself for a floor). */
  floorP50Ms: number;
}

type FunctionProblem = Extract<Problem, { mode: 'function' }>;
type SqlProblem = Extract<Problem, { mode: 'sql' }>;

function pythonReference(): { problem: FunctionProblem; source: string } {
  const problem = loadProblem(fs.readFileSync(REFERENCE_PROBLEM_PATH, 'utf8'));
  if (problem.mode !== 'function' || problem.tests.length !== 20 || !problem.languages.includes('python'))
    throw new Error('the reference problem must be a 20-test function problem that accepts Python');
  return { problem, source: fs.readFileSync(PYTHON_SOLUTION_PATH, 'utf8') };
}

function sqlReference(): { problem: SqlProblem; source: string } {
  const problem = loadProblem(fs.readFileSync(SQL_PROBLEM_PATH, 'utf8'));
  if (problem.mode !== 'sql' || problem.tests.length !== 20) throw new Error('sql-20.json must be a 20-test sql problem');
  return { problem, source: fs.readFileSync(SQL_SOLUTION_PATH, 'utf8') };
}

function row(name: string, latencies: number[], wallMs: number, floorP50Ms?: number): WasmRow {
  const s = summarize(latencies);
  return { name, submissionsPerSec: (latencies.length * 1000) / wallMs, p50Ms: s.p50, p99Ms: s.p99, floorP50Ms: floorP50Ms ?? s.p50 };
}

// The floor's own in-isolate code: load Pyodide, define the solution, call it with JSON.
const PY_FLOOR = String.raw`(function () {
  const G = globalThis;
  let py = null;
  let failure = '';
  let call = null;
  return function api(cmd, a, b) {
    if (cmd === 'init') {
      const opts = {
        indexURL: '/pyodide/',
        createPyodideModule: G.__createPyodideModule,
        lockFileContents: JSON.parse(G.__pyFiles.lock),
        stdLibURL: '/pyodide/python_stdlib.zip',
        stdout: function () {},
        stderr: function () {},
      };
      if (a) opts._loadSnapshot = a;
      else opts._makeSnapshot = true;
      G.loadPyodide(opts).then(function (p) { py = p; }, function (e) { failure = String(e); });
      return '';
    }
    if (cmd === 'ready') return py ? '' : failure || 'not loaded';
    if (cmd === 'snapshot') return py.makeMemorySnapshot();
    if (cmd === 'define') {
      py.runPython(a);
      const f = py.runPython('import json\ndef __call(a):\n    return json.dumps(' + b + '(*json.loads(a)))\n__call');
      call = function (x) { return f(x); };
      return '';
    }
    return call(a);
  };
})()`;

/** A bare Pyodide isolate, loaded from `snapshot` (or made to take one when null). */
type FloorParts = ReturnType<typeof wasmFloorParts>;
let loaded: { ivm: typeof ivmTypes; parts: FloorParts } | null = null;

/** isolated-vm and the engines' files, loaded into this process only when a floor runs. */
async function loadFloor(): Promise<{ ivm: typeof ivmTypes; parts: FloorParts }> {
  loaded ??= { ivm: (await import('isolated-vm')).default, parts: wasmFloorParts() };
  return loaded;
}

function floor(): { ivm: typeof ivmTypes; parts: FloorParts } {
  if (!loaded) throw new Error('loadFloor() first');
  return loaded;
}

export function pyFloorIsolate(memoryMb: number, snapshot: ivmTypes.ExternalCopy | null): { iso: ivmTypes.Isolate; api: ivmTypes.Reference } {
  const { ivm, parts } = floor();
  const { compileCached, PY_PRELUDE, WASM_SHIMS } = parts;
  const assets = parts.pyodideAssets();
  const iso = new ivm.Isolate({ memoryLimit: 192 + memoryMb });
  const ctx = iso.createContextSync();
  iso.compileScriptSync(WASM_SHIMS).runSync(ctx);
  ctx.global.setSync('__pyFiles', assets.files.copyInto());
  iso.compileScriptSync(PY_PRELUDE).runSync(ctx);
  compileCached(iso, `pyodide.asm@${assets.version}`, assets.asm, 'pyodide.asm.js').runSync(ctx);
  compileCached(iso, `pyodide@${assets.version}`, assets.loader, 'pyodide.js').runSync(ctx);
  const api = iso.compileScriptSync(PY_FLOOR).runSync(ctx, { reference: true });
  api.applySync(undefined, ['init', snapshot ? snapshot.copyInto({ release: false }) : null], { timeout: 60_000 });
  const err = api.applySync(undefined, ['ready'], { timeout: 1000 }) as string;
  if (err) throw new Error(`floor: Pyodide did not load: ${err}`);
  return { iso, api };
}

/** One Python submission through the bare floor. */
export async function pythonFloorRunner(): Promise<() => void> {
  const { ivm } = await loadFloor();
  const { problem, source } = pythonReference();
  const argsJson = problem.tests.map((t) => JSON.stringify(t.args));
  const made = pyFloorIsolate(problem.limits.memoryMb, null);
  const bytes = made.api.applySync(undefined, ['snapshot'], { timeout: 60_000, result: { copy: true } }) as Uint8Array;
  made.iso.dispose();
  const snapshot = new ivm.ExternalCopy(bytes);
  return () => {
    const { iso, api } = pyFloorIsolate(problem.limits.memoryMb, snapshot);
    try {
      api.applySync(undefined, ['define', source, problem.entryPoint], { arguments: { copy: true }, timeout: problem.limits.timeMs });
      problem.tests.forEach((test, i) => {
        const json = api.applySync(undefined, ['call', argsJson[i]], { arguments: { copy: true }, timeout: problem.limits.timeMs }) as string;
        if (!jsonEqual(JSON.parse(json) as JsonValue, test.expected)) throw new Error(`python floor: wrong answer on ${test.name}`);
      });
    } finally {
      iso.dispose();
    }
  };
}

const SQL_FLOOR = String.raw`(function () {
  const G = globalThis;
  let SQL = null;
  let failure = '';
  G.initSqlJs({
    instantiateWasm(imports, ok) {
      const m = G.__mainWasm;
      ok(new WebAssembly.Instance(m, imports), m);
      return {};
    },
  }).then(function (s) { SQL = s; }, function (e) { failure = String(e); });
  return function api(cmd, schema, dataJson, query) {
    if (cmd === 'ready') return SQL ? '' : failure || 'not loaded';
    const db = new SQL.Database();
    try {
      db.exec(schema);
      const data = JSON.parse(dataJson);
      for (const table of Object.keys(data)) {
        const rows = data[table];
        if (!rows.length) continue;
        const stmt = db.prepare('INSERT INTO "' + table + '" VALUES (' + rows[0].map(function () { return '?'; }).join(',') + ')');
        for (const r of rows) stmt.run(r);
        stmt.free();
      }
      // The last statement with result columns, even with no rows (db.exec would drop it).
      let last = null;
      for (const stmt of db.iterateStatements(query)) {
        const columns = stmt.getColumnNames();
        const rows = [];
        while (stmt.step()) rows.push(stmt.get());
        if (columns.length) last = { columns: columns, rows: rows };
        stmt.free();
      }
      return JSON.stringify(last);
    } finally {
      db.close();
    }
  };
})()`;

/** One SQL submission through the bare floor. */
export async function sqlFloorRunner(): Promise<() => void> {
  const { ivm, parts } = await loadFloor();
  const { compileCached, WASM_SHIMS } = parts;
  const { problem, source } = sqlReference();
  const data = problem.tests.map((t) => JSON.stringify(t.data));
  const assets = parts.sqlJsAssets();
  return () => {
    const iso = new ivm.Isolate({ memoryLimit: 96 });
    try {
      const ctx = iso.createContextSync();
      iso.compileScriptSync(WASM_SHIMS).runSync(ctx);
      ctx.global.setSync('__wasmBox', assets.wasm.copyInto());
      ctx.evalSync('globalThis.__mainWasm = globalThis.__wasmBox.m;');
      compileCached(iso, 'sql.js', assets.glue, 'sql-wasm.js').runSync(ctx);
      const api = iso.compileScriptSync(SQL_FLOOR).runSync(ctx, { reference: true });
      const err = api.applySync(undefined, ['ready']) as string;
      if (err) throw new Error(`floor: sql.js did not load: ${err}`);
      problem.tests.forEach((test, i) => {
        const json = api.applySync(undefined, ['test', problem.schema, data[i], source], {
          arguments: { copy: true },
          timeout: problem.limits.timeMs,
        }) as string;
        const got = JSON.parse(json) as { columns: string[]; rows: JsonValue[][] } | null;
        if (!got || !jsonEqual(got.rows, test.expected.rows)) throw new Error(`sql floor: wrong answer on ${test.name}`);
      });
    } finally {
      iso.dispose();
    }
  };
}

async function judgeOnce(judge: Judge, problem: Problem, language: 'python' | 'sql', source: string): Promise<void> {
  const r = await judge.judge({ problem, language, source });
  if (r.verdict !== 'ACCEPTED') throw new Error(`engine: the ${language} reference got ${r.verdict}`);
}

export interface WasmBenchOptions {
  /** Submissions per measure (Python back to back and paced, SQL). */
  pythonN: number;
  sqlN: number;
  /** Pause between paced Python submissions, besides the floor submission run in it. Default 300 ms. */
  pauseMs?: number;
}

export async function measureWasm(options: WasmBenchOptions): Promise<WasmRow[]> {
  const pause = options.pauseMs ?? 300;
  const rows: WasmRow[] = [];
  const judge = new Judge({ size: 1 });
  try {
    // Python: paced engine submissions alternating with floor submissions, then back to back.
    const py = pythonReference();
    const pyFloor = await pythonFloorRunner();
    for (let i = 0; i < 3; i++) {
      pyFloor();
      await judgeOnce(judge, py.problem, 'python', py.source);
    }
    const f: number[] = [];
    const e: number[] = [];
    for (let i = 0; i < options.pythonN; i++) {
      let t = performance.now();
      pyFloor();
      f.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, pause));
      t = performance.now();
      await judgeOnce(judge, py.problem, 'python', py.source);
      e.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, pause));
    }
    const floorRow = row('python floor (bare Pyodide isolate)', f, f.reduce((a, b) => a + b, 0));
    rows.push(floorRow, row('python engine (paced, warm interpreter)', e, e.reduce((a, b) => a + b, 0), floorRow.p50Ms));
    const b: number[] = [];
    const start = performance.now();
    for (let i = 0; i < options.pythonN; i++) {
      const t = performance.now();
      await judgeOnce(judge, py.problem, 'python', py.source);
      b.push(performance.now() - t);
    }
    rows.push(row('python engine (back to back)', b, performance.now() - start, floorRow.p50Ms));

    // SQL: floor and engine alternating, one submission each in turn.
    const sql = sqlReference();
    const sqlFloor = await sqlFloorRunner();
    for (let i = 0; i < 10; i++) {
      sqlFloor();
      await judgeOnce(judge, sql.problem, 'sql', sql.source);
    }
    const sf: number[] = [];
    const se: number[] = [];
    for (let i = 0; i < options.sqlN; i++) {
      let t = performance.now();
      sqlFloor();
      sf.push(performance.now() - t);
      t = performance.now();
      await judgeOnce(judge, sql.problem, 'sql', sql.source);
      se.push(performance.now() - t);
    }
    const sqlFloorRow = row('sql floor (bare sql.js isolate)', sf, sf.reduce((a, b2) => a + b2, 0));
    rows.push(sqlFloorRow, row('sql engine (library, 1 in flight)', se, se.reduce((a, b2) => a + b2, 0), sqlFloorRow.p50Ms));
  } finally {
    await judge.close();
  }
  return rows;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * The sandbox child's resident memory over `count` Python submissions back to back (one child),
 * printed every `every`; the last line says the growth from the first reading.
 */
export async function pythonRss(count: number, every = 200, log: (line: string) => void = console.log): Promise<{ first: number; last: number }> {
  const { problem, source } = pythonReference();
  const judge = new Judge({ size: 1 });
  try {
    // The first submission makes the snapshot; the second one is the first to find a warm interpreter.
    await judgeOnce(judge, problem, 'python', source);
    await judgeOnce(judge, problem, 'python', source);
    await new Promise((r) => setTimeout(r, 2000));
    const pid0 = judge.sandboxPids()[0];
    const first = rssMb(pid0);
    log(`python rss: child ${pid0} at ${first.toFixed(1)} MB after 2 submissions (snapshot made, warm interpreter held)`);
    let last = first;
    const start = performance.now();
    for (let i = 1; i <= count; i++) {
      await judgeOnce(judge, problem, 'python', source);
      if (i % every === 0 || i === count) {
        await new Promise((r) => setTimeout(r, 1000));
        const pid = judge.sandboxPids()[0];
        last = rssMb(pid);
        const secs = (performance.now() - start) / 1000;
        log(`python rss: ${i} submissions: child ${pid}${pid === pid0 ? '' : ' (replaced!)'} ${last.toFixed(1)} MB (${(last - first >= 0 ? '+' : '') + (last - first).toFixed(1)} MB), ${(i / secs).toFixed(1)} subs/s`);
      }
    }
    return { first, last };
  } finally {
    await judge.close();
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const rssAt = argv.indexOf('--python-rss');
  if (rssAt >= 0) {
    await pythonRss(Number(argv[rssAt + 1]) || 2000);
    return;
  }
  const quick = argv.includes('--quick');
  const rows = await measureWasm({ pythonN: quick ? 15 : 40, sqlN: quick ? 50 : 200 });
  printWasmRows(rows);
}

export function printWasmRows(rows: WasmRow[], log: (line: string) => void = console.log): void {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  log(['measure'.padEnd(40), 'subs/s'.padStart(9), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'p50 vs own floor'.padStart(17)].join(' '));
  for (const r of rows)
    log([r.name.padEnd(40), f(r.submissionsPerSec).padStart(9), f(r.p50Ms, 2).padStart(9), f(r.p99Ms, 2).padStart(9), `${f(r.p50Ms / r.floorP50Ms, 2)}x`.padStart(17)].join(' '));
  log('(python engine paced: a pause and a floor submission between submissions, so the child has prepared the next interpreter; back to back: each waits for it)');
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
