import { ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stuckGraceMs } from './isolate-runner';
import type { CompileError, TestResult } from './judge.types';
import type { ChildMessage, JobMessage } from './protocol';

/*
 * A pool of forked sandbox children. The parent (a BullMQ worker, the CLI) only exchanges small
 * messages with them, so its event loop never blocks for a test's length. Each test runs under a
 * watchdog here, in the parent: if the child does not report in time it is killed, whatever its
 * isolate is doing (heap thrash can delay isolated-vm's own timeout by many seconds), and a new
 * child takes its place.
 */

export interface SandboxPoolOptions {
  /** Number of children, i.e. submissions judged at once. Default: available CPUs. */
  size?: number;
  /** Extra time past a test's limit (and the child's own grace) before the parent kills the child. Default 1000. */
  watchdogMarginMs?: number;
  /** Time allowed to compile (TypeScript parse, transpile) before the child is killed. Default 10000. */
  compileBudgetMs?: number;
  /** Time allowed for the TypeScript type check. Default 10000. */
  typeCheckBudgetMs?: number;
}

export type JobSpec = Omit<JobMessage, 't' | 'id' | 'problem'> & { problem: NonNullable<JobMessage['problem']> };

export interface JobListener {
  onCompiled(error: CompileError | null): void;
  onTest(index: number, result: TestResult): void;
}

export type LostStatus = 'TIME_LIMIT_EXCEEDED' | 'MEMORY_LIMIT_EXCEEDED' | 'RUNTIME_ERROR';

export type JobEnd =
  | { kind: 'done'; warnings: string[] }
  /** The child reported a test and was replaced (its isolate would not stop); resume after it. */
  | { kind: 'retired' }
  /** The child died or was killed by the watchdog during `phase`. */
  | { kind: 'lost'; phase: 'compile' | 'test' | 'typecheck'; index?: number; status: LostStatus; reason: string }
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
  finish: (end: JobEnd) => void;
}

interface Sandbox {
  proc: ChildProcess;
  ready: boolean;
  baselineRss: number;
  known: Set<string>;
  job: ActiveJob | null;
  watchdog: NodeJS.Timeout | null;
  stderr: string;
  /** Set when we kill it on purpose: its exit is then expected. */
  killedFor: string | null;
  /** Resident memory sampled at the moment the watchdog fired. */
  rssAtKill: number;
}

const MAX_START_FAILURES = 5;
const STDERR_TAIL = 4096;
const MiB = 1024 * 1024;

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

function rssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export class SandboxPool {
  readonly size: number;
  private readonly margin: number;
  private readonly compileBudget: number;
  private readonly typeCheckBudget: number;
  private readonly entry: { file: string; execArgv: string[] };
  private readonly sandboxes = new Set<Sandbox>();
  private readonly waiters: Array<{ resolve: (s: Sandbox) => void; reject: (e: Error) => void }> = [];
  private nextId = 1;
  private startFailures = 0;
  private closing = false;
  private active = 0;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
    this.margin = options.watchdogMarginMs ?? 1000;
    this.compileBudget = options.compileBudgetMs ?? 10_000;
    this.typeCheckBudget = options.typeCheckBudgetMs ?? 10_000;
    this.entry = resolveChildEntry();
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
          if (sb.proc.exitCode !== null || sb.proc.signalCode !== null) return resolve();
          sb.proc.once('exit', () => resolve());
          this.kill(sb, 'pool closed');
        }),
    );
    await Promise.all(exits);
    this.active--;
  }

  private spawn(): void {
    if (this.closing) return;
    const proc = fork(this.entry.file, [], {
      execArgv: this.entry.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const sb: Sandbox = { proc, ready: false, baselineRss: 0, known: new Set(), job: null, watchdog: null, stderr: '', killedFor: null, rssAtKill: 0 };
    this.sandboxes.add(sb);
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      sb.stderr = (sb.stderr + chunk).slice(-STDERR_TAIL);
    });
    proc.on('message', (msg: ChildMessage) => this.onMessage(sb, msg));
    proc.on('error', () => this.kill(sb, 'spawn error'));
    proc.once('exit', (code, signal) => this.onExit(sb, code, signal));
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
      if (sb.ready && !sb.job && !sb.killedFor) return Promise.resolve(sb);
    }
    if (this.startFailures >= MAX_START_FAILURES) {
      // Every recent child died before it was ready: try once more, but do not queue forever.
      this.startFailures = MAX_START_FAILURES - 1;
      if (this.sandboxes.size < this.size) this.spawn();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(sb: Sandbox): void {
    if (!sb.ready || sb.job || sb.killedFor || this.closing) return;
    const w = this.waiters.shift();
    if (w) w.resolve(sb);
  }

  private start(sb: Sandbox, spec: JobSpec, listener: JobListener, resolve: (end: JobEnd) => void): void {
    const id = this.nextId++;
    const job: ActiveJob = {
      spec,
      id,
      listener,
      phase: 'compile',
      pos: 0,
      finish: (end) => {
        if (sb.job !== job) return;
        sb.job = null;
        this.clearWatchdog(sb);
        resolve(end);
        this.release(sb);
      },
    };
    sb.job = job;
    const msg: JobMessage = { t: 'job', id, ...spec, problem: undefined };
    if (!spec.problemKey || !sb.known.has(spec.problemKey)) msg.problem = spec.problem;
    if (spec.problemKey) sb.known.add(spec.problemKey);
    this.arm(sb, this.compileBudget, 'compile');
    sb.proc.send(msg, (err) => {
      if (err) this.kill(sb, 'the sandbox could not be reached');
    });
  }

  private onMessage(sb: Sandbox, msg: ChildMessage): void {
    if (msg.t === 'ready') {
      sb.ready = true;
      sb.baselineRss = msg.rss;
      this.startFailures = 0;
      this.release(sb);
      return;
    }
    const job = sb.job;
    if (!job || msg.id !== job.id) return;
    switch (msg.t) {
      case 'compiled':
        job.listener.onCompiled(msg.error);
        if (!msg.error) this.armNext(sb, job);
        return;
      case 'test':
        job.listener.onTest(msg.index, msg.result);
        job.pos++;
        if (msg.retire) {
          job.finish({ kind: 'retired' });
          this.kill(sb, 'retired');
          return;
        }
        this.armNext(sb, job);
        return;
      case 'done':
        job.finish({ kind: 'done', warnings: msg.warnings });
        return;
      case 'failed':
        job.finish({ kind: 'failed', message: msg.message });
        // Its state is unknown after an internal failure: start afresh.
        this.kill(sb, 'failed');
        return;
    }
  }

  private armNext(sb: Sandbox, job: ActiveJob): void {
    if (job.pos < job.spec.indices.length) {
      const t = job.spec.problem.limits.timeMs;
      this.arm(sb, t + stuckGraceMs(t) + this.margin, 'test');
    } else {
      this.arm(sb, this.typeCheckBudget, 'typecheck');
    }
  }

  private arm(sb: Sandbox, ms: number, phase: ActiveJob['phase']): void {
    this.clearWatchdog(sb);
    if (sb.job) sb.job.phase = phase;
    sb.watchdog = setTimeout(() => {
      sb.watchdog = null;
      sb.rssAtKill = rssOf(sb.proc.pid);
      this.kill(sb, 'watchdog');
    }, ms);
  }

  private clearWatchdog(sb: Sandbox): void {
    if (sb.watchdog) clearTimeout(sb.watchdog);
    sb.watchdog = null;
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
    if (!sb.ready && !sb.killedFor) this.startFailures++;
    if (this.closing) return;
    if (this.startFailures >= MAX_START_FAILURES) {
      const detail = sb.stderr.trim().split('\n').pop() ?? '';
      for (const w of this.waiters.splice(0)) w.reject(new PoolUnavailableError(`sandbox children keep dying at start${detail ? `: ${detail}` : ''}`));
      return;
    }
    const delay = this.startFailures ? Math.min(2000, 100 * 2 ** this.startFailures) : 0;
    if (delay) setTimeout(() => this.spawn(), delay).unref();
    else this.spawn();
  }

  /** The honest status of the test a child was running when it died. */
  private lostEnd(sb: Sandbox, job: ActiveJob, code: number | null, signal: NodeJS.Signals | null): JobEnd {
    const limitBytes = job.spec.problem.limits.memoryMb * MiB;
    const index = job.phase === 'test' ? job.spec.indices[job.pos] : undefined;
    if (sb.killedFor === 'watchdog') {
      const grown = sb.rssAtKill - sb.baselineRss;
      const status: LostStatus = grown > limitBytes ? 'MEMORY_LIMIT_EXCEEDED' : 'TIME_LIMIT_EXCEEDED';
      return { kind: 'lost', phase: job.phase, index, status, reason: `the sandbox did not answer in time (${job.phase})` };
    }
    if (sb.killedFor) return { kind: 'failed', message: `sandbox stopped: ${sb.killedFor}` };
    // It died on its own. V8 and isolated-vm abort the process when an allocation cannot be met;
    // the kernel's OOM killer sends SIGKILL. Anything else is reported as a runtime error.
    const tail = sb.stderr;
    const memory = signal === 'SIGKILL' || /memory|allocation failed|heap/i.test(tail);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    return {
      kind: 'lost',
      phase: job.phase,
      index,
      status: memory ? 'MEMORY_LIMIT_EXCEEDED' : 'RUNTIME_ERROR',
      reason: `the sandbox process died (${how})`,
    };
  }
}
