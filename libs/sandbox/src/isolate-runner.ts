import ivm from 'isolated-vm';
import { v8SyntaxError } from './compile';
import type { Execution } from './evaluate';
import { HARNESS_PRELUDE } from './isolate-harness';
import type { CompileError } from './judge.types';

/*
 * Runs one submission's tests in isolated-vm. Only the sandbox child process uses this: an
 * isolate can abort its whole process, and a stuck one is only ever stopped by killing it.
 *
 * One isolate per submission (a new one after any test that hit a limit), a fresh context per
 * test. The host gives the isolate strings and gets back a null-prototype record of primitives;
 * the only Reference it holds is to the harness's `finish`, which candidate code cannot reach.
 */

export interface RunnerConfig {
  mode: 'function' | 'stdio';
  entryPoint?: string;
  timeMs: number;
  memoryMb: number;
  outputKb: number;
  resultKb: number;
}

export interface RunnerInput {
  /** Function mode: the arguments as JSON text (parsed inside the isolate: a fresh copy per test). */
  argsJson?: string;
  /** Stdio mode: the whole input. */
  stdin?: string;
  seed: number;
}

export interface RunnerOutcome {
  execution: Execution;
  /**
   * The isolate did not stop when told to (a builtin that ignores termination, heap thrash):
   * this process must be replaced before it runs anything else.
   */
  retire: boolean;
}

interface HarnessRecord {
  kind: 'value' | 'nonjson' | 'toolarge' | 'noentry' | 'pending' | 'done' | 'error' | 'peek';
  out: string;
  overflow: boolean;
  json: string;
  type: string;
  size: number;
  phase: string;
  name: string;
  message: string;
  stack: string;
}

const MiB = 1024 * 1024;
const DISPOSED_FOR_MEMORY = /disposed during execution due to memory limit/i;
const TIMED_OUT = /Script execution timed out/i;

/** How long past the limit the isolate's own timeout may take before we call the isolate stuck. */
export function stuckGraceMs(timeMs: number): number {
  return 250 + Math.ceil(timeMs / 10);
}

export class IsolateRunner {
  private isolate: ivm.Isolate | null = null;
  private prelude: ivm.Script | null = null;
  private dead = false;

  constructor(
    private readonly code: string,
    private readonly config: RunnerConfig,
    /** Resident memory of this process now, to judge a stuck run (defaults to process RSS). */
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {}

  /** V8's verdict on the code as a script; isolated-vm reports `message [file:line:column]`. */
  syntaxCheck(): CompileError | null {
    const iso = this.ensureIsolate();
    try {
      iso.compileScriptSync(this.code, { filename: 'solution.js' }).release();
      return null;
    } catch (e) {
      const err = e as Error;
      if (err.name === 'SyntaxError') return v8SyntaxError(err.message);
      if (err.name === 'RangeError') return { message: `SyntaxError: ${err.message.replace(/\s*\[.*\]$/, '')}`, line: 1, column: 1 };
      throw e;
    }
  }

  async run(input: RunnerInput): Promise<RunnerOutcome> {
    if (this.dead) throw new Error('runner retired');
    const iso = this.ensureIsolate();
    const prelude = this.prelude as ivm.Script;
    const { timeMs } = this.config;
    const config = JSON.stringify({
      mode: this.config.mode,
      entry: this.config.entryPoint ?? '',
      args: input.argsJson ?? '[]',
      input: input.stdin ?? '',
      seed: input.seed,
      outputCap: this.config.outputKb * 1024,
      resultCap: this.config.resultKb * 1024,
    });
    const context = iso.createContextSync();
    let setup: ivm.Reference | undefined;
    let finish: ivm.Reference | undefined;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      try {
        setup = prelude.runSync(context, { reference: true }) as ivm.Reference;
        finish = setup.applySync(undefined, [this.code, config], { arguments: { copy: true }, result: { reference: true } }) as ivm.Reference;
      } catch (e) {
        // Setting up only copies the inputs in; failing here means they do not fit in memory.
        return this.failed(e, elapsed(), null);
      }
      const fin = finish;
      const run = fin.apply(undefined, ['run'], { arguments: { copy: true }, timeout: timeMs });
      const watch = watchRun(run, timeMs + stuckGraceMs(timeMs), this.rss, this.config.memoryMb * MiB);
      const raced = await watch.result;
      if (raced === STUCK) return this.stuck(run, elapsed(), watch.peakGrowth());
      if (raced.error !== undefined) return this.failed(raced.error, elapsed(), fin);
      // Collecting runs only harness code; the timeout is a guard, not a limit.
      const rec = (await fin.apply(undefined, ['collect'], { arguments: { copy: true }, result: { copy: true }, timeout: 1000 })) as HarnessRecord;
      const timeSpent = elapsed();
      const heap = iso.getHeapStatisticsSync();
      return { execution: fromRecord(rec, timeSpent, heap.used_heap_size + heap.externally_allocated_size), retire: false };
    } finally {
      if (!this.dead && this.isolate && !this.isolate.isDisposed) {
        finish?.release();
        setup?.release();
        context.release();
      }
    }
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed && !this.dead) this.isolate.dispose();
    this.isolate = null;
    this.prelude = null;
  }

  private ensureIsolate(): ivm.Isolate {
    if (this.isolate && !this.isolate.isDisposed) return this.isolate;
    this.isolate = new ivm.Isolate({ memoryLimit: this.config.memoryMb });
    this.prelude = this.isolate.compileScriptSync(HARNESS_PRELUDE, { filename: 'harness.js' });
    return this.isolate;
  }

  /** Throw the isolate away: the next test gets a new one. */
  private discard(): void {
    try {
      if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      // already going away
    }
    this.isolate = null;
    this.prelude = null;
  }

  private async failed(e: unknown, timeMs: number, finish: ivm.Reference | null): Promise<RunnerOutcome> {
    const message = e instanceof Error ? e.message : String(e);
    const empty = { output: '', overflow: false, timeMs };
    if (DISPOSED_FOR_MEMORY.test(message) || this.isolate?.isDisposed) {
      this.isolate = null;
      this.prelude = null;
      return { execution: { kind: 'memory', ...empty }, retire: false };
    }
    if (TIMED_OUT.test(message)) {
      // What was printed until then decides between TLE and OLE (a flood inside try/catch).
      let peek: HarnessRecord | null = null;
      if (finish) {
        try {
          peek = (await finish.apply(undefined, ['peek'], { arguments: { copy: true }, result: { copy: true }, timeout: 200 })) as HarnessRecord;
        } catch {
          peek = null;
        }
      }
      this.discard();
      return { execution: { kind: 'timeout', output: peek?.out ?? '', overflow: peek?.overflow ?? false, timeMs }, retire: false };
    }
    this.discard();
    throw e instanceof Error ? e : new Error(message);
  }

  private stuck(run: Promise<unknown>, timeMs: number, peakGrowth: number): RunnerOutcome {
    // Whether the isolate's thread is thrashing a heap or looping in a builtin, only a process
    // kill reliably stops it; how much this process grew during the test tells the two apart.
    run.catch(() => undefined);
    this.dead = true;
    this.isolate = null;
    this.prelude = null;
    const kind = peakGrowth > this.config.memoryMb * MiB ? 'memory' : 'timeout';
    return { execution: { kind, output: '', overflow: false, timeMs }, retire: true };
  }
}

function fromRecord(rec: HarnessRecord, timeMs: number, memoryBytes: number): Execution {
  const x: Execution = { kind: rec.kind === 'peek' ? 'done' : rec.kind, output: rec.out, overflow: rec.overflow, timeMs, memoryBytes };
  if (rec.kind === 'value') x.json = rec.json;
  if (rec.kind === 'nonjson') x.type = rec.type;
  if (rec.kind === 'toolarge') x.size = rec.size;
  if (rec.kind === 'error') x.error = { phase: rec.phase, name: rec.name, message: rec.message, stack: rec.stack };
  return x;
}

const STUCK = Symbol('stuck');
const RSS_SAMPLE_MS = 20;

/**
 * Both ways a run can get out of hand while isolated-vm is not looking: past the deadline, or
 * this process growing far beyond the isolate's limit (V8 thrashing a huge heap can take many
 * seconds to notice the limit, and meanwhile the memory is real). Then the run is STUCK.
 */
export function memoryCeiling(limitBytes: number): number {
  return 2 * limitBytes + 64 * MiB;
}

function watchRun<T>(
  p: Promise<T>,
  deadlineMs: number,
  rss: () => number,
  limitBytes: number,
): { result: Promise<{ value?: T; error?: unknown } | typeof STUCK>; peakGrowth: () => number } {
  const start = rss();
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  let sampler: NodeJS.Timeout | undefined;
  const ceiling = memoryCeiling(limitBytes);
  const stuck = new Promise<typeof STUCK>((resolve) => {
    timer = setTimeout(() => resolve(STUCK), deadlineMs);
    sampler = setInterval(() => {
      peak = Math.max(peak, rss() - start);
      if (peak > ceiling) resolve(STUCK);
    }, RSS_SAMPLE_MS);
  });
  const settled = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error ?? new Error('unknown failure') }),
  );
  const result = Promise.race([settled, stuck]).finally(() => {
    clearTimeout(timer);
    clearInterval(sampler);
  });
  return { result, peakGrowth: () => Math.max(peak, rss() - start) };
}
