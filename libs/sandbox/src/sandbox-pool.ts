import { ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_DIR_ENV } from './disk-cache';
import type { CompileError, TestResult } from './judge.types';
import { firstAttemptWallMs, testTimeoutMs } from './performance';
import type { ChildMessage, JobMessage } from './protocol';
import { decodeProgress, MAX_CACHED_PROBLEMS, PROGRESS_BYTES } from './protocol';

/*
 * A pool of forked sandbox children. The parent (a BullMQ worker, the CLI) only exchanges small
 * messages with them, so its event loop never blocks for a test's length. Each test runs under a
 * watchdog here, in the parent: if the child does not report in time it is killed, whatever its
 * isolate is doing (heap thrash can delay isolated-vm's own timeout by many seconds), and a new
 * child takes its place.
 *
 * The watchdog's budget is the time the child would have on a machine with a core to spare, and
 * it is spent in CPU time: when the timer runs out, a child that has used less CPU than its budget
 * since it was armed (read from /proc) was descheduled, not stuck, and the timer is set again for
 * the rest, up to a wall-clock cap (a test: its backstop, testTimeoutMs; a compile, set-up or type
 * check: STARVED_CAP_BUDGETS budgets). So a child is stopped after the same work whatever the
 * machine's load: at load 17 a wall-clock watchdog killed a correct SQL query's first attempt
 * before its report of that attempt (which starts a CPU-time retry, performance.ts) arrived, and
 * turned it into TIME_LIMIT_EXCEEDED (npm run chaos, 1 of 10,026). An earlier version extended a
 * child that had used under half its budget in each period, with no bound on the CPU summed over
 * the periods: at the test suite's load a builtin that ignores termination (a huge BigInt) kept
 * running for several budgets of CPU and grew into MEMORY_LIMIT_EXCEEDED.
 */

export interface SandboxPoolOptions {
  /** Number of children, i.e. submissions judged at once. Default: available CPUs. */
  size?: number;
  /**
   * Time past a test's limit before the parent kills the child, on top of 10% of the limit.
   * isolated-vm's own timeout normally answers first; this catches what it cannot stop
   * (heap thrash, builtins that ignore termination). Default 250.
   */
  watchdogMarginMs?: number;
  /** Time allowed to compile (TypeScript parse, transpile) before the child is killed. Default 10000. */
  compileBudgetMs?: number;
  /** Time allowed for the TypeScript type check. Default 10000. */
  typeCheckBudgetMs?: number;
  /**
   * Time allowed to load a WebAssembly engine (Python's interpreter: its first load in a child
   * makes a memory snapshot, seconds on a busy machine), at the start or between tests. Default 60000.
   */
  setupBudgetMs?: number;
  /**
   * Folder where the engine and its children keep what later processes can reuse (Pyodide's
   * memory snapshot, problems' generated tests: see disk-cache.ts); null or unset: nothing is
   * kept (the default: state on disk is the operator's choice of place; see the README).
   */
  cacheDir?: string | null;
}

export type JobSpec = Omit<JobMessage, 't' | 'id' | 'problem'> & { problem: NonNullable<JobMessage['problem']> };

export interface JobListener {
  onCompiled(error: CompileError | null): void;
  onTest(index: number, result: TestResult): void;
}

export type LostStatus = 'TIME_LIMIT_EXCEEDED' | 'MEMORY_LIMIT_EXCEEDED' | 'RUNTIME_ERROR';

export type JobEnd =
  | { kind: 'done'; warnings: string[] }
  /**
   * The child died or was killed during `phase`; in the test phase `index` is the test it was
   * running. Results it had not sent yet (tests before `index`) are lost: run them again.
   */
  | { kind: 'lost'; phase: 'compile' | 'test' | 'typecheck'; index?: number; status: LostStatus; reason: string; timeMs: number }
  /** The child failed for reasons of its own (not the candidate's). */
  | { kind: 'failed'; message: string };

export class PoolUnavailableError extends Error {
  override readonly name = 'PoolUnavailableError';
}

interface ActiveJob {
  spec: JobSpec;
  id: number;
  listener: JobListener;
  phase: 'compile' | 'test' | 'typecheck';
  /** Position in spec.indices of the test now running. */
  pos: number;
  compiled: boolean;
  /** When the current phase's watchdog was armed. */
  armedAt: number;
  /** The budget the current phase's watchdog was armed with. */
  budgetMs: number;
  /** Until when (performance.now()) the current test's watchdog may be extended: its wall backstop, across retries. */
  testCapAt: number;
  finish: (end: JobEnd) => void;
}

type Compiler = 'typescript' | 'sucrase';

/**
 * The compilers a job's compile loads in the child on first use (compile.ts): TypeScript's for
 * TypeScript the judge has not syntax-checked and for JavaScript with module syntax, sucrase for
 * both and for checked TypeScript (which only needs the transpile).
 */
export function compilersFor(spec: Pick<JobSpec, 'language' | 'source' | 'syntaxChecked'>): Compiler[] {
  if (spec.language === 'typescript') return spec.syntaxChecked ? ['sucrase'] : ['typescript', 'sucrase'];
  if (spec.language === 'javascript' && /\b(?:import|export)\b/.test(spec.source)) return ['typescript', 'sucrase'];
  return [];
}

interface Sandbox {
  proc: ChildProcess;
  ready: boolean;
  /** Keys of the problems the child holds, in its LRU order (oldest first). */
  known: Map<string, true>;
  job: ActiveJob | null;
  /** Handed to a caller that has not started its job yet: not free for anyone else. */
  claimed: boolean;
  watchdog: NodeJS.Timeout | null;
  stderr: string;
  /** Set when we kill it on purpose: its exit is then expected. */
  killedFor: string | null;
  /** The child's progress file (see protocol.ts), or null when none could be made. */
  progressFile: string | null;
  /** Sampling of the child's resident memory while a test runs. */
  sampler: NodeJS.Timeout | null;
  testStartRss: number;
  peakGrowth: number;
  /** The compilers the child has loaded (each on first need, see compile.ts). */
  compilers: Set<Compiler>;
  /** The child's CPU time (cpuOf) when its watchdog was armed. */
  cpuAtArm: number;
  /** Until when (performance.now()) the watchdog may be extended for a child the machine starves. */
  capAt: number;
}

const MAX_START_FAILURES = 5;
const STDERR_TAIL = 4096;
const MiB = 1024 * 1024;
const RSS_SAMPLE_MS = 25;
/** A starved child's compile, set-up or type check may take this many budgets of wall time. */
const STARVED_CAP_BUDGETS = 4;
/** The shortest wait before the watchdog looks at an extended child again. */
const MIN_RECHECK_MS = 25;

/** When the parent gives up on a test of limit `timeMs`. */
export function watchdogMs(timeMs: number, marginMs: number): number {
  return timeMs + Math.ceil(timeMs / 10) + marginMs;
}

/**
 * A child that grows this far during one test is killed at once: V8 thrashing a huge heap can
 * take many seconds to notice the isolate's limit, and meanwhile the memory is real.
 */
export function memoryCeiling(limitBytes: number): number {
  return 2 * limitBytes + 64 * MiB;
}

/**
 * The compiled `.js` sibling in production (dist/); under Jest, where only the `.ts` source
 * exists, the same file through sucrase's require hook.
 */
export function resolveChildEntry(): { file: string; execArgv: string[] } {
  const js = path.join(__dirname, 'sandbox-child.js');
  if (fs.existsSync(js)) return { file: js, execArgv: ['--no-node-snapshot'] };
  const ts = path.join(__dirname, 'sandbox-child.ts');
  if (fs.existsSync(ts)) return { file: ts, execArgv: ['--no-node-snapshot', '--require', require.resolve('sucrase/register/ts')] };
  throw new Error(`sandbox child entry not found next to ${__filename}`);
}

/** Resident memory of a process in bytes (Linux /proc); NaN where it cannot be read. */
function rssOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time (user + system, every thread) the process has used, in ms, from /proc; NaN when it
 * cannot be read. /proc counts in USER_HZ ticks, 100 per second on Linux whatever the kernel's HZ.
 */
export function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (2nd field) may hold spaces and parentheses: fields count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * How long to wait before looking again at a child whose watchdog ran out, or null to kill it: a
 * child that used `cpuUsedMs` of CPU since it was armed with `budgetMs`, with `leftMs` of wall
 * time before its cap. It is extended while it has used less CPU than its budget (starved, not
 * stuck: a child that runs uses about a core), for at least the CPU it has left.
 */
export function extensionMs(cpuUsedMs: number, budgetMs: number, leftMs: number): number | null {
  if (!Number.isFinite(cpuUsedMs) || cpuUsedMs >= budgetMs || leftMs <= 0) return null;
  return Math.min(leftMs, Math.max(MIN_RECHECK_MS, budgetMs - cpuUsedMs));
}

/** Growth since `start`; 0 when either reading is missing (memory then never decides a status). */
function growth(now: number, start: number): number {
  const g = now - start;
  return Number.isFinite(g) ? g : 0;
}

export class SandboxPool {
  readonly size: number;
  private readonly margin: number;
  private readonly compileBudget: number;
  private readonly typeCheckBudget: number;
  private readonly setupBudget: number;
  private readonly entry: { file: string; execArgv: string[] };
  private readonly childEnv: NodeJS.ProcessEnv;
  private readonly sandboxes = new Set<Sandbox>();
  private readonly waiters: Array<{ resolve: (s: Sandbox) => void; reject: (e: Error) => void }> = [];
  private nextId = 1;
  private nextChild = 1;
  private progressDir: string | null = null;
  private startFailures = 0;
  private closing = false;
  private active = 0;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
    this.margin = options.watchdogMarginMs ?? 250;
    this.compileBudget = options.compileBudgetMs ?? 10_000;
    this.typeCheckBudget = options.typeCheckBudgetMs ?? 10_000;
    this.setupBudget = options.setupBudgetMs ?? 60_000;
    this.entry = resolveChildEntry();
    this.childEnv = { ...process.env, [CACHE_DIR_ENV]: options.cacheDir ?? '' };
    try {
      this.progressDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-progress-'));
    } catch {
      this.progressDir = null;
    }
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Pids of the live children (for tests and metrics). */
  pids(): number[] {
    return [...this.sandboxes].map((s) => s.proc.pid).filter((p): p is number => p !== undefined);
  }

  /** Runs one job on a free child; resolves when the job ends, however it ends. */
  async run(spec: JobSpec, listener: JobListener): Promise<JobEnd> {
    if (this.closing) throw new PoolUnavailableError('the sandbox pool is closed');
    this.active++;
    this.updateRefs();
    try {
      const sb = await this.acquire();
      return await new Promise<JobEnd>((resolve) => this.start(sb, spec, listener, resolve));
    } finally {
      this.active--;
      this.updateRefs();
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const w of this.waiters.splice(0)) w.reject(new PoolUnavailableError('the sandbox pool is closed'));
    // Stay alive until every child is gone: awaiting close() must mean no child is left.
    this.active++;
    this.updateRefs();
    const exits = [...this.sandboxes].map(
      (sb) =>
        new Promise<void>((resolve) => {
          if (!this.sandboxes.has(sb)) return resolve();
          sb.proc.once('close', () => resolve());
          this.kill(sb, 'pool closed');
        }),
    );
    await Promise.all(exits);
    this.active--;
    if (this.progressDir) fs.rmSync(this.progressDir, { recursive: true, force: true });
  }

  private spawn(): void {
    if (this.closing) return;
    let progressFile: string | null = null;
    if (this.progressDir) {
      try {
        progressFile = path.join(this.progressDir, `child-${this.nextChild++}`);
        fs.writeFileSync(progressFile, Buffer.alloc(PROGRESS_BYTES));
      } catch {
        progressFile = null;
      }
    }
    const proc = fork(this.entry.file, progressFile ? [progressFile] : [], {
      execArgv: this.entry.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
      env: this.childEnv,
    });
    const sb: Sandbox = {
      proc,
      ready: false,
      known: new Map(),
      job: null,
      claimed: false,
      watchdog: null,
      stderr: '',
      killedFor: null,
      progressFile,
      sampler: null,
      testStartRss: 0,
      peakGrowth: 0,
      compilers: new Set(),
      cpuAtArm: Number.NaN,
      capAt: 0,
    };
    this.sandboxes.add(sb);
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      sb.stderr = (sb.stderr + chunk).slice(-STDERR_TAIL);
    });
    proc.on('message', (msg: ChildMessage) => this.onMessage(sb, msg));
    proc.on('error', () => this.kill(sb, 'spawn error'));
    // 'close', not 'exit': it comes after the last IPC message has been delivered, so the job's
    // state is final when the loss is judged.
    proc.once('close', (code: number | null, signal: NodeJS.Signals | null) => this.onExit(sb, code, signal));
    this.updateRefs();
  }

  /** Keeps the parent alive only while a job is running or waiting: idle children never hold it. */
  private updateRefs(): void {
    const busy = this.active > 0;
    for (const sb of this.sandboxes) {
      const handles = [sb.proc, sb.proc.channel, sb.proc.stderr as unknown as { ref?: () => void; unref?: () => void } | null];
      for (const h of handles) {
        if (!h) continue;
        if (busy) h.ref?.();
        else h.unref?.();
      }
    }
  }

  private acquire(): Promise<Sandbox> {
    for (const sb of this.sandboxes) {
      if (this.isFree(sb)) {
        sb.claimed = true;
        return Promise.resolve(sb);
      }
    }
    if (this.startFailures >= MAX_START_FAILURES) {
      // Every recent child died before it was ready: try once more, but do not queue forever.
      this.startFailures = MAX_START_FAILURES - 1;
      if (this.sandboxes.size < this.size) this.spawn();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private isFree(sb: Sandbox): boolean {
    return sb.ready && !sb.job && !sb.claimed && !sb.killedFor;
  }

  private release(sb: Sandbox): void {
    if (!this.isFree(sb) || this.closing) return;
    const w = this.waiters.shift();
    if (w) {
      sb.claimed = true;
      w.resolve(sb);
    }
  }

  private start(sb: Sandbox, spec: JobSpec, listener: JobListener, resolve: (end: JobEnd) => void): void {
    const id = this.nextId++;
    const job: ActiveJob = {
      spec,
      id,
      listener,
      phase: 'compile',
      pos: 0,
      compiled: false,
      armedAt: performance.now(),
      budgetMs: 0,
      testCapAt: 0,
      finish: (end) => {
        if (sb.job !== job) return;
        sb.job = null;
        sb.claimed = false;
        this.clearWatchdog(sb);
        resolve(end);
        this.release(sb);
      },
    };
    sb.job = job;
    if (sb.killedFor || !this.sandboxes.has(sb)) {
      // It died between being handed out and now: report it like any other loss.
      job.finish({ kind: 'failed', message: `sandbox stopped: ${sb.killedFor ?? 'exited'}` });
      return;
    }
    const msg: JobMessage = { t: 'job', id, ...spec, problem: undefined };
    if (!spec.problemKey || !sb.known.has(spec.problemKey)) msg.problem = spec.problem;
    if (spec.problemKey) {
      // The same recency update and eviction the child makes on receiving this job.
      sb.known.delete(spec.problemKey);
      sb.known.set(spec.problemKey, true);
      if (sb.known.size > MAX_CACHED_PROBLEMS) sb.known.delete(sb.known.keys().next().value as string);
    }
    // Python's compile phase loads the interpreter (and, the first time in a child, makes its memory snapshot);
    // the first TypeScript (or JavaScript module) compile in a child loads a compiler (TypeScript's
    // took over 10 s on a machine at load 30, npm run chaos): the judge's own loading, not the
    // source's, so it gets the setup budget rather than a COMPILE_ERROR.
    const loading = spec.language === 'python' || compilersFor(spec).some((c) => !sb.compilers.has(c));
    this.arm(sb, loading ? Math.max(this.compileBudget, this.setupBudget) : this.compileBudget, 'compile');
    sb.proc.send(msg, (err) => {
      if (err) this.kill(sb, 'the sandbox could not be reached');
    });
  }

  private onMessage(sb: Sandbox, msg: ChildMessage): void {
    if (msg.t === 'ready') {
      this.clearWatchdog(sb);
      sb.ready = true;
      this.startFailures = 0;
      this.release(sb);
      return;
    }
    const job = sb.job;
    if (!job || msg.id !== job.id) return;
    if (msg.t === 'failed') {
      // Its state is unknown after an internal failure: start afresh. Killed before the job
      // ends, so the caller's retry (and any waiter) gets a new child rather than this one,
      // which finishing first would have handed straight back.
      this.kill(sb, 'failed');
      job.finish({ kind: 'failed', message: msg.message });
      return;
    }
    if (msg.compiled) {
      job.compiled = true;
      for (const c of compilersFor(job.spec)) sb.compilers.add(c);
      job.listener.onCompiled(msg.compiled.error);
    }
    for (const t of msg.tests) {
      job.listener.onTest(t.index, t.result);
      job.pos++;
    }
    if (msg.done?.preparing) {
      // Not free until it says `ready` again; a child stuck preparing is replaced.
      sb.ready = false;
      job.finish({ kind: 'done', warnings: msg.done.warnings });
      this.arm(sb, this.setupBudget, 'compile');
    } else if (msg.done) job.finish({ kind: 'done', warnings: msg.done.warnings });
    else if (msg.setup) this.arm(sb, this.setupBudget, 'test');
    // A retry starts the test afresh (its CPU counts from zero), within the backstop of the first attempt.
    else if (msg.retry) this.arm(sb, watchdogMs(msg.retry.wallMs, this.margin), 'test', job.testCapAt);
    else if (job.compiled) this.armNext(sb, job);
  }

  private armNext(sb: Sandbox, job: ActiveJob): void {
    if (job.pos < job.spec.indices.length) {
      const { problem } = job.spec;
      const { memoryMb } = problem.limits;
      // The first attempt's clock; a retry re-arms it (the `retry` message).
      const test = problem.tests[job.spec.indices[job.pos]];
      job.testCapAt = performance.now() + watchdogMs(testTimeoutMs(problem, test), this.margin);
      this.arm(sb, watchdogMs(firstAttemptWallMs(problem, test), this.margin), 'test', job.testCapAt);
      this.sampleMemory(sb, memoryCeiling(memoryMb * MiB));
    } else {
      this.arm(sb, this.typeCheckBudget, 'typecheck');
    }
  }

  /** Arms the watchdog with `ms` of budget (see the top of this file), extensible until `capAt`. */
  private arm(sb: Sandbox, ms: number, phase: ActiveJob['phase'], capAt?: number): void {
    this.clearWatchdog(sb);
    const now = performance.now();
    if (sb.job) {
      sb.job.phase = phase;
      sb.job.armedAt = now;
      sb.job.budgetMs = ms;
    }
    sb.cpuAtArm = cpuOf(sb.proc.pid);
    sb.capAt = capAt ?? now + STARVED_CAP_BUDGETS * ms;
    this.armTimer(sb, ms, ms);
  }

  private armTimer(sb: Sandbox, waitMs: number, budgetMs: number): void {
    sb.watchdog = setTimeout(() => {
      sb.watchdog = null;
      const more = extensionMs(cpuOf(sb.proc.pid) - sb.cpuAtArm, budgetMs, sb.capAt - performance.now());
      if (more !== null) {
        this.armTimer(sb, more, budgetMs);
        return;
      }
      sb.peakGrowth = Math.max(sb.peakGrowth, growth(rssOf(sb.proc.pid), sb.testStartRss));
      this.kill(sb, 'watchdog');
    }, waitMs);
  }

  /** Watches the child's memory during a test; past `ceiling` it is killed without waiting for the clock. */
  private sampleMemory(sb: Sandbox, ceiling: number): void {
    sb.testStartRss = rssOf(sb.proc.pid);
    sb.peakGrowth = 0;
    if (!Number.isFinite(sb.testStartRss)) return;
    sb.sampler = setInterval(() => {
      sb.peakGrowth = Math.max(sb.peakGrowth, growth(rssOf(sb.proc.pid), sb.testStartRss));
      if (sb.peakGrowth > ceiling) this.kill(sb, 'memory');
    }, RSS_SAMPLE_MS);
  }

  private clearWatchdog(sb: Sandbox): void {
    if (sb.watchdog) clearTimeout(sb.watchdog);
    if (sb.sampler) clearInterval(sb.sampler);
    sb.watchdog = null;
    sb.sampler = null;
  }

  private kill(sb: Sandbox, why: string): void {
    sb.killedFor ??= why;
    this.clearWatchdog(sb);
    // SIGKILL, not SIGTERM: a child whose isolate thread is stuck may never get to handle a signal.
    if (sb.proc.exitCode === null && sb.proc.signalCode === null) sb.proc.kill('SIGKILL');
  }

  private onExit(sb: Sandbox, code: number | null, signal: NodeJS.Signals | null): void {
    this.clearWatchdog(sb);
    this.sandboxes.delete(sb);
    const job = sb.job;
    if (job) job.finish(this.lostEnd(sb, job, code, signal));
    if (sb.progressFile) fs.rmSync(sb.progressFile, { force: true });
    if (!sb.ready && !sb.killedFor) this.startFailures++;
    if (this.closing) return;
    if (this.startFailures >= MAX_START_FAILURES) {
      const detail = sb.stderr.trim().split('\n').pop() ?? '';
      for (const w of this.waiters.splice(0))
        w.reject(new PoolUnavailableError(`sandbox children keep dying at start${detail ? `: ${detail}` : ''}`));
      return;
    }
    const delay = this.startFailures ? Math.min(2000, 100 * 2 ** this.startFailures) : 0;
    if (delay) setTimeout(() => this.spawn(), delay).unref();
    else this.spawn();
  }

  /** The test the child was running: from its progress file, else the first one it did not report. */
  private runningTest(sb: Sandbox, job: ActiveJob): number {
    const reported = job.spec.indices[job.pos];
    if (!sb.progressFile) return reported;
    try {
      const started = decodeProgress(fs.readFileSync(sb.progressFile), job.id);
      return started !== null && job.spec.indices.indexOf(started) >= job.pos ? started : reported;
    } catch {
      return reported;
    }
  }

  /** The honest status of the test a child was running when it died. */
  private lostEnd(sb: Sandbox, job: ActiveJob, code: number | null, signal: NodeJS.Signals | null): JobEnd {
    const { memoryMb, timeMs } = job.spec.problem.limits;
    const testPhase = job.phase === 'test';
    const lost = {
      kind: 'lost' as const,
      phase: job.phase,
      index: testPhase ? this.runningTest(sb, job) : undefined,
      timeMs: Math.round(performance.now() - job.armedAt),
    };
    if (sb.killedFor === 'memory') return { ...lost, status: 'MEMORY_LIMIT_EXCEEDED', reason: `used far more than ${memoryMb} MB` };
    if (sb.killedFor === 'watchdog') {
      // Stopped by the clock; whether it was also swallowing memory decides the honest status.
      if (testPhase && sb.peakGrowth > memoryMb * MiB)
        return { ...lost, status: 'MEMORY_LIMIT_EXCEEDED', reason: `used more than ${memoryMb} MB` };
      return {
        ...lost,
        status: 'TIME_LIMIT_EXCEEDED',
        reason: testPhase
          ? `ran longer than ${timeMs} ms`
          : `it took longer than ${job.budgetMs} ms`,
      };
    }
    if (sb.killedFor) return { kind: 'failed', message: `sandbox stopped: ${sb.killedFor}` };
    // It died on its own. V8 and isolated-vm abort the process when an allocation cannot be met;
    // the kernel's OOM killer sends SIGKILL. Anything else is reported as a runtime error.
    const memory = signal === 'SIGKILL' || /memory|allocation failed|heap/i.test(sb.stderr);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    return { ...lost, status: memory ? 'MEMORY_LIMIT_EXCEEDED' : 'RUNTIME_ERROR', reason: `the sandbox process died (${how})` };
  }
}
