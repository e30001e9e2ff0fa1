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
 *
 * The calls are synchronous on purpose: each async isolated-vm call costs a thread hop, which
 * was most of the engine's overhead over a bare isolate loop. While a test runs this process
 * does nothing else; the pool's watchdog in the parent is what stops a run isolated-vm cannot.
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
  /** Wall-clock timeout of this attempt of the test (see runAttempts in performance.ts); else the problem's. */
  timeoutMs?: number;
}

export interface HarnessRecord {
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

/**
 * V8's code cache of the harness, handed to every isolate of this process: each submission's
 * isolate then skips parsing and compiling the harness, and the functions the harness runs for
 * every test (setup, runFunction, settle, encode...) arrive compiled instead of being compiled
 * lazily again in each new isolate. `primeHarnessCache` (the sandbox child's warm-up) makes the
 * cache from an isolate that ran the harness once on a trivial function of ours, so the cache
 * holds those inner functions; without it the first isolate's compile-time cache (top level
 * only) is used. The cache is V8 bytecode of our own constant source, checked by V8 against
 * that source and its flags; a rejected cache means compiling as before.
 */
let harnessCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
let harnessCacheRejected = 0;

/** The harness cache's size in bytes (0: none yet) and how many times V8 refused it (tests, diagnostics). */
export function harnessCacheStats(): { bytes: number; rejected: number } {
  return { bytes: harnessCache ? harnessCache.copy().byteLength : 0, rejected: harnessCacheRejected };
}

/** What compileScriptSync returns with the cache options (isolated-vm's typings leave it out). */
type CachedScript = ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };

function compilePrelude(isolate: ivm.Isolate): ivm.Script {
  if (harnessCache) {
    const script: CachedScript = isolate.compileScriptSync(HARNESS_PRELUDE, { filename: 'harness.js', cachedData: harnessCache });
    if (script.cachedDataRejected) {
      harnessCacheRejected++;
      harnessCache = undefined;
    }
    return script;
  }
  const script: CachedScript = isolate.compileScriptSync(HARNESS_PRELUDE, { filename: 'harness.js', produceCachedData: true });
  harnessCache = script.cachedData;
  return script;
}

/** Runs the harness once on a function of ours, then keeps V8's code cache of everything it compiled. */
export function primeHarnessCache(): void {
  const isolate = new ivm.Isolate({ memoryLimit: 16 });
  try {
    const prelude = isolate.compileScriptSync(HARNESS_PRELUDE, { filename: 'harness.js' });
    const context = isolate.createContextSync();
    const finish = prelude.runSync(context, { reference: true });
    finish.applySync(undefined, ['run', 'function f(a) { return a; }', 'function', 'f', '[1]', '', 1, 1024, 1024], { arguments: { copy: true }, timeout: 1000 });
    finish.release();
    context.release();
    // The same source again: V8's per-isolate compilation cache returns the script that ran, and
    // its code cache now carries the inner functions compiled while it ran.
    const again: CachedScript = isolate.compileScriptSync(HARNESS_PRELUDE, { filename: 'harness.js', produceCachedData: true });
    if (again.cachedData) harnessCache = again.cachedData;
  } finally {
    isolate.dispose();
  }
}

const DISPOSED_FOR_MEMORY = /disposed during execution due to memory limit/i;
const TIMED_OUT = /Script execution timed out/i;

export class IsolateRunner {
  private isolate: ivm.Isolate | null = null;
  private prelude: ivm.Script | null = null;

  constructor(
    private readonly code: string,
    private readonly config: RunnerConfig,
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

  run(input: RunnerInput): Execution {
    const iso = this.ensureIsolate();
    const timeMs = input.timeoutMs ?? this.config.timeMs;
    // The harness's `finish('run', ...)` arguments: primitives, copied into the isolate as they are.
    const args = [
      'run',
      this.code,
      this.config.mode,
      this.config.entryPoint ?? '',
      input.argsJson ?? '[]',
      input.stdin ?? '',
      input.seed,
      this.config.outputKb * 1024,
      this.config.resultKb * 1024,
    ];
    const context = iso.createContextSync();
    let finish: ivm.Reference | undefined;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const cpu = cpuClock();
    try {
      try {
        finish = (this.prelude as ivm.Script).runSync(context, { reference: true });
      } catch (e) {
        return this.failed(e, elapsed(), null);
      }
      cpu.start();
      let rec: HarnessRecord | null;
      try {
        rec = decodeRecord(
          finish.applySync(undefined, args, { arguments: { copy: true }, timeout: timeMs }) as string | null,
        );
        // A promise (or stdio output after microtasks): its microtasks ran before applySync
        // returned, under the same timeout. Collecting runs harness code only.
        rec ??= decodeRecord(
          finish.applySync(undefined, ['collect'], { arguments: { copy: true }, timeout: 1000 }) as string,
        ) as HarnessRecord;
      } catch (e) {
        const cpuMs = cpu.ms();
        return { ...this.failed(e, elapsed(), finish), cpuMs };
      }
      const timeSpent = elapsed();
      const cpuMs = cpu.ms();
      const heap = iso.getHeapStatisticsSync();
      return { ...fromRecord(rec, timeSpent, heap.used_heap_size + heap.externally_allocated_size), cpuMs };
    } finally {
      if (this.isolate && !this.isolate.isDisposed) {
        finish?.release();
        context.release();
      }
    }
  }

  /** Creates the isolate now if the last test discarded it (before a retry, see performance.ts). */
  prepare(): void {
    this.ensureIsolate();
  }

  dispose(): void {
    this.discard();
  }

  private ensureIsolate(): ivm.Isolate {
    if (this.isolate && !this.isolate.isDisposed) return this.isolate;
    this.isolate = new ivm.Isolate({ memoryLimit: this.config.memoryMb });
    this.prelude = compilePrelude(this.isolate);
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

  private failed(e: unknown, timeMs: number, finish: ivm.Reference | null): Execution {
    const message = e instanceof Error ? e.message : String(e);
    if (DISPOSED_FOR_MEMORY.test(message) || this.isolate?.isDisposed) {
      this.isolate = null;
      this.prelude = null;
      return { kind: 'memory', output: '', overflow: false, timeMs };
    }
    if (TIMED_OUT.test(message)) {
      // What was printed until then decides between TLE and OLE (a flood inside try/catch).
      let peek: HarnessRecord | null = null;
      try {
        peek = finish ? decodeRecord(finish.applySync(undefined, ['peek'], { arguments: { copy: true }, timeout: 200 }) as string) : null;
      } catch {
        peek = null;
      }
      this.discard();
      return { kind: 'timeout', output: peek?.out ?? '', overflow: peek?.overflow ?? false, timeMs };
    }
    this.discard();
    throw e instanceof Error ? e : new Error(message);
  }
}

/**
 * CPU time of this thread between `start()` and `ms()`: what every test is judged on (see
 * performance.ts), because wall time on a shared machine is mostly other people's work. The
 * synchronous isolated-vm calls run the isolate on the calling thread, so the thread's own CPU
 * time (`process.threadCpuUsage`) is the isolate's: candidate JavaScript, and equally Pyodide's
 * and sql.js's WebAssembly, which run in the same isolate on the same thread (python-runner.ts,
 * sql-runner.ts). V8's background GC threads are not counted. Not isolated-vm's `isolate.cpuTime`: on these
 * machines under load it counted wall time (225-614 ms where the thread used 57-90 ms).
 */
export function cpuClock(): { start(): void; ms(): number } {
  const usage = (): NodeJS.CpuUsage => (typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage());
  let from = usage();
  return {
    start() {
      from = usage();
    },
    ms() {
      const now = usage();
      return (now.user - from.user + now.system - from.system) / 1000;
    },
  };
}

/** Reads the harness's `length:value` fields (see `encode` in the harness). */
export function decodeRecord(s: string | null): HarnessRecord | null {
  if (s === null || typeof s !== 'string') return null;
  const f: string[] = [];
  let i = 0;
  while (i < s.length && f.length < 10) {
    const colon = s.indexOf(':', i);
    if (colon < 0) break;
    const n = Number(s.slice(i, colon));
    f.push(s.slice(colon + 1, colon + 1 + n));
    i = colon + 1 + n;
  }
  if (f.length !== 10) throw new Error('malformed harness record');
  return {
    kind: f[0] as HarnessRecord['kind'],
    overflow: f[1] === '1',
    size: Number(f[2]),
    type: f[3],
    phase: f[4],
    name: f[5],
    message: f[6],
    stack: f[7],
    out: f[8],
    json: f[9],
  };
}

function fromRecord(rec: HarnessRecord, timeMs: number, memoryBytes: number): Execution {
  const x: Execution = { kind: rec.kind === 'peek' ? 'done' : rec.kind, output: rec.out, overflow: rec.overflow, timeMs, memoryBytes };
  if (rec.kind === 'value') x.json = rec.json;
  if (rec.kind === 'nonjson') x.type = rec.type;
  if (rec.kind === 'toolarge') x.size = rec.size;
  if (rec.kind === 'error') x.error = { phase: rec.phase, name: rec.name, message: rec.message, stack: rec.stack };
  return x;
}
