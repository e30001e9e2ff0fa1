import ivm from 'isolated-vm';
import { cacheKey, sharedCache } from './disk-cache';
import type { Execution } from './evaluate';
import { cpuClock, type RunnerInput } from './isolate-runner';
import type { CompileError } from './judge.types';
import { entryPointFor, type FunctionProblem, type StdioProblem } from './problem.schema';
import { PY_HARNESS, PY_PRELUDE, PY_RUNNER } from './python-harness';
import { compileCached, pyodideAssets } from './wasm-assets';
import { WASM_SHIMS } from './wasm-shims';

/*
 * Runs a Python submission's tests: Pyodide in a fresh isolate per submission, loaded from
 * Pyodide's own memory snapshot (made once, then kept on disk for every later sandbox child, see
 * disk-cache.ts; ~3 s of CPU to make, ~10 ms to read) with the wasm module compiled once per child
 * and shared. A reset between tests keeps module state from carrying over (see PY_RUNNER). After a
 * timeout, a stack overflow or any failure of the interpreter itself, the isolate is thrown away
 * and the next test gets a new one.
 *
 * Warm interpreter: loading takes ~0.2 s on an idle machine (seconds on a busy one), most of a
 * submission's time. So after a Python submission the child prepares the next one's interpreter
 * (loaded, the runner set up, never given any candidate source) before it tells the pool it is
 * free again: `preparePythonSpare`. The next submission takes it (`PythonRunner.load`) and owns
 * it; nothing else ever does, so a warmed interpreter serves exactly one submission. It is made
 * for a memory limit (the isolate's heap limit depends on it); a submission with another limit
 * loads its own. Cost: one idle interpreter per child that has judged Python (see the README).
 *
 * Memory: WebAssembly memory growth is capped at the interpreter's baseline after loading plus
 * the problem's memoryMb; the isolate's own heap limit covers JavaScript reached through
 * `import js`; the pool's watchdog in the parent covers the rest (RSS of the whole child).
 */

const MiB = 1024 * 1024;
/** JS heap of the isolate: Pyodide's glue and proxies, plus the snapshot and stdlib copies. */
const HEAP_MB = 192;
const LOAD_TIMEOUT_MS = 60_000;

let snapshot: ivm.ExternalCopy | null = null;
/** Interpreter memory right after loading, as measured last (reported in the README). */
export let pythonBaselineBytes = 0;

function newIsolate(memoryMb: number): { iso: ivm.Isolate; ctx: ivm.Context; api: ivm.Reference; ctl: ivm.Reference } {
  const assets = pyodideAssets();
  const iso = new ivm.Isolate({ memoryLimit: HEAP_MB + memoryMb });
  try {
    const ctx = iso.createContextSync();
    const ctl = iso.compileScriptSync(WASM_SHIMS, { filename: 'wasm-shims.js' }).runSync(ctx, { reference: true });
    ctx.global.setSync('__pyFiles', assets.files.copyInto());
    iso.compileScriptSync(PY_PRELUDE, { filename: 'pyodide-prelude.js' }).runSync(ctx);
    compileCached(iso, `pyodide.asm@${assets.version}`, assets.asm, 'pyodide.asm.js').runSync(ctx);
    compileCached(iso, `pyodide@${assets.version}`, assets.loader, 'pyodide.js').runSync(ctx);
    const api = iso.compileScriptSync(PY_HARNESS, { filename: 'python-harness.js' }).runSync(ctx, { reference: true });
    return { iso, ctx, api, ctl };
  } catch (e) {
    iso.dispose();
    throw e;
  }
}

function waitReady(api: ivm.Reference): void {
  const err = api.applySync(undefined, ['ready'], { timeout: 1000 }) as string;
  if (err) throw new Error(`Pyodide did not load: ${err.slice(0, 500)}`);
}

/** Everything that shapes the snapshot: a change to any of it names a new entry. */
function snapshotName(): string {
  const assets = pyodideAssets();
  return cacheKey(`pyodide-${assets.version}`, process.versions.v8, WASM_SHIMS, PY_PRELUDE, PY_HARNESS);
}

/** The snapshot was read from disk and has not loaded yet: if it fails to, it is made again. */
let snapshotUnproven = false;

/**
 * Pyodide's memory snapshot: read from the disk cache, or made in a throwaway isolate (and then
 * stored). Once per process.
 */
function ensureSnapshot(): ivm.ExternalCopy {
  if (snapshot) return snapshot;
  const stored = sharedCache()?.read(snapshotName());
  if (stored) {
    snapshot = new ivm.ExternalCopy(new Uint8Array(stored));
    snapshotUnproven = true;
    return snapshot;
  }
  const { iso, api, ctl } = newIsolate(64);
  try {
    api.applySync(undefined, ['init', ctl.derefInto(), undefined], { timeout: LOAD_TIMEOUT_MS });
    waitReady(api);
    const bytes = api.applySync(undefined, ['snapshot'], { timeout: LOAD_TIMEOUT_MS, result: { copy: true } }) as Uint8Array;
    snapshot = new ivm.ExternalCopy(bytes);
    sharedCache()?.write(snapshotName(), bytes);
    return snapshot;
  } finally {
    iso.dispose();
  }
}

/** A loaded interpreter with the runner set up, no candidate source in it yet. */
interface Interpreter {
  iso: ivm.Isolate;
  api: ivm.Reference;
  memoryMb: number;
}

function prepare(memoryMb: number): Interpreter {
  try {
    const interpreter = load(memoryMb, ensureSnapshot());
    snapshotUnproven = false;
    return interpreter;
  } catch (e) {
    if (!snapshotUnproven) throw e;
    // A stored snapshot this build cannot load (written by another build with the same name, or
    // damaged in a way its digest missed): forget it and make one.
    sharedCache()?.remove(snapshotName());
    snapshot = null;
    snapshotUnproven = false;
    return load(memoryMb, ensureSnapshot());
  }
}

function load(memoryMb: number, snap: ivm.ExternalCopy): Interpreter {
  const { iso, api, ctl } = newIsolate(memoryMb);
  try {
    api.applySync(undefined, ['init', ctl.derefInto(), snap.copyInto({ release: false })], { timeout: LOAD_TIMEOUT_MS });
    waitReady(api);
    api.applySync(undefined, ['setup', PY_RUNNER], { arguments: { copy: true }, timeout: LOAD_TIMEOUT_MS });
    return { iso, api, memoryMb };
  } catch (e) {
    iso.dispose();
    throw e;
  }
}

let spare: Interpreter | null = null;

/**
 * Loads an interpreter for the next submission with limit `memoryMb`, unless one is ready.
 * Called by the sandbox child between submissions, never while one runs.
 */
export function preparePythonSpare(memoryMb: number): void {
  if (spare && !spare.iso.isDisposed && spare.memoryMb === memoryMb) return;
  dropPythonSpare();
  spare = prepare(memoryMb);
}

export function dropPythonSpare(): void {
  const s = spare;
  spare = null;
  try {
    if (s && !s.iso.isDisposed) s.iso.dispose();
  } catch {
    // already going away
  }
}

/** The spare interpreter, handed over at most once; null when none fits. */
function takeSpare(memoryMb: number): Interpreter | null {
  const s = spare;
  if (!s || s.memoryMb !== memoryMb || s.iso.isDisposed) return null;
  spare = null;
  return s;
}

export class PythonRunner {
  private isolate: ivm.Isolate | null = null;
  private api: ivm.Reference | null = null;
  private compileError: CompileError | null = null;
  private readonly mode: 'function' | 'stdio';
  private readonly entry: string;

  constructor(
    private readonly problem: FunctionProblem | StdioProblem,
    private readonly source: string,
  ) {
    this.mode = problem.mode;
    this.entry = problem.mode === 'function' ? entryPointFor(problem, 'python') : '';
  }

  get loaded(): boolean {
    return !!this.isolate && !this.isolate.isDisposed && !!this.api;
  }

  /**
   * Gets an interpreter (the warm spare when it fits, else a new one) and compiles the source;
   * the compile error, if any.
   */
  load(): CompileError | null {
    this.discard();
    const { memoryMb } = this.problem.limits;
    const { iso, api } = takeSpare(memoryMb) ?? prepare(memoryMb);
    try {
      const compiled = api.applySync(undefined, ['call', 'compile', this.source], { arguments: { copy: true }, timeout: LOAD_TIMEOUT_MS }) as string;
      this.compileError = compiled ? (JSON.parse(compiled) as CompileError) : null;
      const used = api.applySync(undefined, ['used']) as number;
      pythonBaselineBytes = used;
      api.applySync(undefined, ['cap', used + memoryMb * MiB], { arguments: { copy: true } });
    } catch (e) {
      iso.dispose();
      throw e;
    }
    this.isolate = iso;
    this.api = api;
    return this.compileError;
  }

  run(input: RunnerInput): Execution {
    if (!this.loaded) this.load();
    const cpu = cpuClock();
    const x = this.runTest(input);
    return { ...x, cpuMs: cpu.ms() };
  }

  private runTest(input: RunnerInput): Execution {
    const api = this.api as ivm.Reference;
    const { limits } = this.problem;
    const config = JSON.stringify({
      mode: this.mode,
      entry: this.entry,
      seed: input.seed,
      outputCap: limits.outputKb * 1024,
      resultCap: limits.resultKb * 1024,
    });
    const started = performance.now();
    let raw: string;
    try {
      raw = api.applySync(undefined, ['call', 'test', config, input.argsJson ?? '[]', input.stdin ?? ''], {
        arguments: { copy: true },
        timeout: input.timeoutMs ?? limits.timeMs,
      }) as string;
    } catch (e) {
      const timeMs = performance.now() - started;
      const message = e instanceof Error ? e.message : String(e);
      const disposed = this.isolate?.isDisposed ?? true;
      const overflow = disposed ? false : this.lastOverflow();
      this.discard();
      if (/disposed during execution due to memory limit/i.test(message) || disposed)
        return { kind: 'memory', output: '', overflow: false, timeMs };
      if (/Script execution timed out/i.test(message)) return { kind: 'timeout', output: '', overflow, timeMs };
      throw e;
    }
    const timeMs = performance.now() - started;
    const rec = JSON.parse(raw) as {
      kind: string;
      out?: string;
      overflow?: boolean;
      json?: string;
      size?: number;
      name?: string;
      message?: string;
      line?: number;
    };
    const capHit = api.applySync(undefined, ['capHit']) as boolean;
    const base = { output: rec.out ?? '', overflow: rec.overflow ?? false, timeMs };
    if (rec.kind === 'fatal') {
      // The interpreter itself failed (a C stack overflow in WebAssembly, an abort): never reuse it.
      this.discard();
      if (capHit) return { ...base, kind: 'memory' };
      const overflow = /call stack|recursion/i.test(rec.message ?? '');
      return {
        ...base,
        kind: 'error',
        error: {
          phase: 'call',
          name: overflow ? 'RecursionError' : 'InterpreterError',
          message: overflow ? 'maximum recursion depth exceeded (the interpreter ran out of stack)' : (rec.message ?? ''),
          stack: '',
        },
      };
    }
    // Running out of memory is decided by what happened (the cap was hit), not by the exception:
    // with a capped memory some allocations fail as other errors than MemoryError.
    // A program that caught the MemoryError and answered anyway still hit the cap.
    if (rec.kind === 'memory' || capHit) return { ...base, kind: 'memory' };
    switch (rec.kind) {
      case 'value':
        return { ...base, kind: 'value', json: rec.json ?? 'null' };
      case 'done':
        return { ...base, kind: 'done' };
      case 'noentry':
        return { ...base, kind: 'noentry' };
      case 'toolarge':
        return { ...base, kind: 'toolarge', size: rec.size ?? 0 };
      case 'error': {
        const head = rec.name ? `${rec.name}: ${rec.message ?? ''}` : (rec.message ?? '');
        return {
          ...base,
          kind: 'error',
          error: { phase: 'call', name: '', message: rec.line ? `${head} (line ${rec.line})` : head, stack: '' },
        };
      }
      default:
        throw new Error(`unexpected python harness record ${rec.kind}`);
    }
  }

  dispose(): void {
    this.discard();
  }

  /** After a timeout the interpreter cannot answer; the harness's JS closure still can. */
  private lastOverflow(): boolean {
    try {
      return (this.api?.applySync(undefined, ['overflowed'], { timeout: 200 }) as boolean | undefined) ?? false;
    } catch {
      return false;
    }
  }

  private discard(): void {
    try {
      if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      // already going away
    }
    this.isolate = null;
    this.api = null;
  }
}
