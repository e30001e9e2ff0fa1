/**
 * The judge engine's cost against its floor, on the reference 20-test function-mode problem.
 *   floor:  a bare isolated-vm loop doing only what the sandbox must: a fresh isolate per
 *           submission, a fresh context per test, arguments copied in, the result copied out
 *           as JSON and compared on the host.
 *   engine: the same submissions through @app/sandbox's Judge (child process, harness, limits).
 *   cli:    one CLI process per submission (what `npm run judge` costs end to end).
 * Used by tools/bench/judge.ts (`npm run bench:judge`); run this file directly for these rows only.
 * Processes that call measureFloor must run with --no-node-snapshot (isolated-vm loads in-process).
 */
import { fork, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Judge, jsonEqual, JsonValue, loadProblem, Problem } from '@app/sandbox';
import { floorSubmission } from './floor';

export interface BenchRow {
  name: string;
  submissionsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

function findRoot(): string {
  // From the source (tools/bench), from dist/tools/bench, or from wherever the build went: the
  // repository is the first folder up with both package.json and libs/sandbox.
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'libs/sandbox'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`repository root not found above ${__dirname} or ${process.cwd()}`);
}

export const ROOT = findRoot();
export const REFERENCE_PROBLEM_PATH = path.join(ROOT, 'libs/sandbox/test-fixtures/bench/reference-20.json');
export const REFERENCE_SOLUTION_PATH = path.join(ROOT, 'libs/sandbox/test-fixtures/bench/reference-20.solution.js');

function reference(): { problem: Extract<Problem, { mode: 'function' }>; source: string } {
  const problem = loadProblem(fs.readFileSync(REFERENCE_PROBLEM_PATH, 'utf8'));
  if (problem.mode !== 'function' || problem.tests.length !== 20)
    throw new Error('the reference problem must be a 20-test function problem');
  return { problem, source: fs.readFileSync(REFERENCE_SOLUTION_PATH, 'utf8') };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function row(name: string, latenciesMs: number[], wallMs: number): BenchRow {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return { name, submissionsPerSec: (latenciesMs.length * 1000) / wallMs, p50Ms: percentile(s, 50), p99Ms: percentile(s, 99) };
}

async function timeEach(n: number, warmup: number, one: () => Promise<void> | void): Promise<{ latencies: number[]; wallMs: number }> {
  for (let i = 0; i < warmup; i++) await one();
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await one();
    latencies.push(performance.now() - t);
  }
  return { latencies, wallMs: performance.now() - start };
}

/** One submission of the reference problem through a bare isolated-vm loop (floor.ts). */
async function floorRunner(): Promise<() => void> {
  const ivm = (await import('isolated-vm')).default;
  const { problem, source } = reference();
  const argsJson = problem.tests.map((t) => JSON.stringify(t.args));
  const equal = (got: unknown, expected: unknown) => jsonEqual(got as JsonValue, expected as JsonValue);
  return () => {
    const wrong = floorSubmission(ivm, problem, source, argsJson, equal);
    if (wrong !== null) throw new Error(`floor: wrong answer on ${wrong}`);
  };
}

export async function measureFloor(n: number): Promise<BenchRow> {
  const { latencies, wallMs } = await timeEach(n, Math.min(20, n), await floorRunner());
  return row('floor (bare isolated-vm loop)', latencies, wallMs);
}

/** This file as a child process: compiled when it was built (`npm run bench:judge`), else its source through the dev hook. */
function selfEntry(): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.js')) return { file: __filename, execArgv: ['--no-node-snapshot'] };
  return { file: __filename, execArgv: ['--no-node-snapshot', '--require', path.join(ROOT, 'libs/sandbox/dev/register.js')] };
}

/**
 * The floor on `k` cores: `k` processes each running the floor loop at once (as many as the
 * worker's sandbox children in end to end), started together after their warm-up; throughput =
 * k x n / the time until the last one finished. End to end judges on k sandbox children, so
 * this is the floor on the same cores; measureFloor is one loop on one core.
 */
export async function measureFloorParallel(n: number, k: number): Promise<BenchRow> {
  const { file, execArgv } = selfEntry();
  const kids = Array.from({ length: k }, () => fork(file, ['--floor-worker', String(n)], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  const message = (kid: (typeof kids)[number], t: string) =>
    new Promise<{ t: string; latencies?: number[] }>((resolve, reject) => {
      const on = (m: { t: string; latencies?: number[] }) => {
        if (m.t !== t) return;
        kid.off('message', on);
        resolve(m);
      };
      kid.on('message', on);
      kid.once('exit', (code) => reject(new Error(`floor worker exited (${code}) before '${t}'`)));
    });
  try {
    await Promise.all(kids.map((kid) => message(kid, 'ready')));
    const done = kids.map((kid) => message(kid, 'done'));
    const start = performance.now();
    for (const kid of kids) kid.send({ t: 'go' });
    const results = await Promise.all(done);
    const wallMs = performance.now() - start;
    return row(`floor x${k} (${k} loops at once)`, results.flatMap((r) => r.latencies ?? []), wallMs);
  } finally {
    for (const kid of kids) kid.kill('SIGKILL');
  }
}

/** The child side of measureFloorParallel: warm up, say ready, run n floor submissions on `go`. */
async function floorWorker(n: number): Promise<void> {
  const one = await floorRunner();
  for (let i = 0; i < Math.min(20, n); i++) one();
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ t: 'ready' });
  });
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    one();
    latencies.push(performance.now() - t);
  }
  await new Promise<void>((resolve) => process.send?.({ t: 'done', latencies }, () => resolve()));
}

export interface EngineBenchOptions {
  /** Submissions in flight at once (and sandbox children). Default 1: cost per submission, comparable to the floor. */
  concurrency?: number;
}

export async function measureEngine(n: number, options: EngineBenchOptions = {}): Promise<BenchRow> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const { problem, source } = reference();
  const judge = new Judge({ size: concurrency });
  try {
    const one = async (): Promise<void> => {
      const r = await judge.judge({ problem, language: 'javascript', source });
      if (r.verdict !== 'ACCEPTED') throw new Error(`engine: the reference solution got ${r.verdict}`);
    };
    for (let i = 0; i < Math.min(20, n); i++) await one();
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          next++;
          const t = performance.now();
          await one();
          latencies.push(performance.now() - t);
        }
      }),
    );
    const label = concurrency === 1 ? 'engine (library, 1 in flight)' : `engine (library, ${concurrency} in flight)`;
    return row(label, latencies, performance.now() - start);
  } finally {
    await judge.close();
  }
}

/** CPU time of a process so far (user + system, ms) from /proc; NaN where it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** USER_HZ: 100 on Linux (x86-64 and arm64 alike). */
const CLOCK_TICKS = 100;

export interface CpuComparison {
  /** CPU per floor submission: this process, all its threads (ms). */
  floorMs: number;
  /** CPU per engine submission: the sandbox child (whole process) plus this process's pool side (ms). */
  engineMs: number;
  /** Of engineMs: the sandbox child's part. */
  childMs: number;
  ratio: number;
}

/**
 * Floor and engine one submission each in turn, so both see the same machine load: on a shared
 * machine this ratio is steadier than two separate runs. Also their CPU time per submission
 * (less sensitive to load than wall time): this process's CPU during the floor's turns against
 * the sandbox child's CPU over the whole loop plus this process's during the engine's turns.
 */
export async function compareEngineToFloor(n: number): Promise<{ floor: BenchRow; engine: BenchRow; ratio: number; cpu: CpuComparison }> {
  const floorOne = await floorRunner();
  const { problem, source } = reference();
  const judge = new Judge({ size: 1 });
  try {
    const engineOne = async (): Promise<void> => {
      const r = await judge.judge({ problem, language: 'javascript', source });
      if (r.verdict !== 'ACCEPTED') throw new Error(`engine: the reference solution got ${r.verdict}`);
    };
    for (let i = 0; i < Math.min(20, n); i++) {
      floorOne();
      await engineOne();
    }
    const f: number[] = [];
    const e: number[] = [];
    let fWall = 0;
    let eWall = 0;
    let fCpu = 0;
    let eParentCpu = 0;
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const [child] = judge.sandboxPids();
    const childCpuBefore = processCpuMs(child);
    for (let i = 0; i < n; i++) {
      let c = cpuNow();
      let t = performance.now();
      floorOne();
      f.push(performance.now() - t);
      fCpu += cpuNow() - c;
      fWall += f[f.length - 1];
      c = cpuNow();
      t = performance.now();
      await engineOne();
      e.push(performance.now() - t);
      eParentCpu += cpuNow() - c;
      eWall += e[e.length - 1];
    }
    // The same child throughout: a replaced one would make its CPU reading meaningless.
    const childCpu = judge.sandboxPids()[0] === child ? processCpuMs(child) - childCpuBefore : NaN;
    const floor = row('floor (interleaved)', f, fWall);
    const engine = row('engine (interleaved, 1 in flight)', e, eWall);
    const cpu = { floorMs: fCpu / n, engineMs: (childCpu + eParentCpu) / n, childMs: childCpu / n, ratio: (childCpu + eParentCpu) / fCpu };
    return { floor, engine, ratio: engine.p50Ms / floor.p50Ms, cpu };
  } finally {
    await judge.close();
  }
}

/** The CLI of the same build as this file when compiled (`npm run bench:judge` builds first), else its source. */
function cliCommand(): string[] {
  const sibling = path.resolve(__dirname, '../../apps/cli/src/judge.js');
  if (__filename.endsWith('.js') && fs.existsSync(sibling)) return ['--no-node-snapshot', sibling];
  return ['--no-node-snapshot', '--require', path.join(ROOT, 'libs/sandbox/dev/register.js'), path.join(ROOT, 'apps/cli/src/judge.ts')];
}

export async function measureCli(n: number): Promise<BenchRow> {
  const args = [...cliCommand(), REFERENCE_PROBLEM_PATH, REFERENCE_SOLUTION_PATH];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) return reject(new Error(`cli exited ${code}: ${err.trim()}`));
        const verdict = (JSON.parse(out) as { verdict: string }).verdict;
        if (verdict !== 'ACCEPTED') return reject(new Error(`cli: the reference solution got ${verdict}`));
        resolve();
      });
    });
  const { latencies, wallMs } = await timeEach(n, Math.min(3, n), one);
  return row('cli (one process per submission)', latencies, wallMs);
}

/**
 * A fresh Node process per submission (issue 16's baseline: what the engine's pool of long-lived
 * sandbox children saves). `isolated` (the target's) runs fresh-isolate-runner.ts, which isolates
 * the code in isolated-vm as the engine must; otherwise fresh-node-runner.ts, node:vm with no
 * isolation and no limits (shown beside it: a process no platform could judge hostile code in,
 * so the least a fresh process can cost).
 */
export async function measureFreshNode(n: number, isolated: boolean): Promise<BenchRow> {
  const name = isolated ? 'fresh-isolate-runner' : 'fresh-node-runner';
  const compiled = path.resolve(__dirname, `${name}.js`);
  const args = __filename.endsWith('.js') && fs.existsSync(compiled)
    ? [compiled]
    : ['--require', path.join(ROOT, 'libs/sandbox/dev/register.js'), path.join(ROOT, `tools/bench/${name}.ts`)];
  // isolated-vm needs it (see the README); the bare node:vm process starts without it, from Node's snapshot.
  if (isolated) args.unshift('--no-node-snapshot');
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...args, REFERENCE_PROBLEM_PATH, REFERENCE_SOLUTION_PATH], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 && out.trim() === 'ACCEPTED' ? resolve() : reject(new Error(`${name}: exit ${code}, ${out.trim()} ${err.trim()}`))));
    });
  const { latencies, wallMs } = await timeEach(n, Math.min(3, n), one);
  return row(isolated ? 'fresh Node process, isolated-vm' : 'fresh Node process, node:vm (no isolation)', latencies, wallMs);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick');
  const n = quick ? 100 : 400;
  const floor = await measureFloor(n);
  const pair = await compareEngineToFloor(n);
  const rows = [
    floor,
    await measureEngine(n),
    await measureEngine(n, { concurrency: 2 }),
    await measureCli(quick ? 10 : 30),
    pair.floor,
    pair.engine,
  ];
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`reference problem: ${path.relative(ROOT, REFERENCE_PROBLEM_PATH)} (20 tests), ${n} submissions per in-process measure`);
  console.log(
    ['measure'.padEnd(36), 'subs/s'.padStart(9), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'p50 vs floor'.padStart(13)].join(' '),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(36),
        f(r.submissionsPerSec).padStart(9),
        f(r.p50Ms, 2).padStart(9),
        f(r.p99Ms, 2).padStart(9),
        `${f(r.p50Ms / floor.p50Ms, 2)}x`.padStart(13),
      ].join(' '),
    );
  }
  console.log(`engine cost per submission interleaved with the floor (same load): ${f(pair.ratio, 2)}x the floor at p50`);
  console.log(`CPU per submission: floor ${f(pair.cpu.floorMs, 2)} ms, engine ${f(pair.cpu.engineMs, 2)} ms (sandbox child ${f(pair.cpu.childMs, 2)} + pool side): ${f(pair.cpu.ratio, 2)}x`);
}

const floorWorkerAt = process.argv.indexOf('--floor-worker');
if (require.main === module && floorWorkerAt > 0) {
  floorWorker(Number(process.argv[floorWorkerAt + 1]) || 100).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
} else if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
