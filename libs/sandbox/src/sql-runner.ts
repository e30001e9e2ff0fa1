import ivm from 'isolated-vm';
import { cpuClock } from './isolate-runner';
import type { CompileError } from './judge.types';
import type { SqlProblem, SqlTest } from './problem.schema';
import { SQL_HARNESS } from './sql-harness';
import { compileCached, sqlJsAssets } from './wasm-assets';
import { WASM_SHIMS } from './wasm-shims';

/*
 * Runs an SQL submission's tests: sql.js (SQLite in WebAssembly) inside one isolate per
 * submission (a new one after a test that hit a limit), a fresh in-memory database per test.
 * Only the sandbox child uses this, synchronously, under the pool's watchdog like JavaScript.
 * Building the database (schema, rows, setup) is not timed; the candidate's statements are.
 *
 * Warm isolate: after an SQL submission the child prepares the next one's isolate (sql.js
 * instantiated, no database opened, nothing of any submission in it) before it tells the pool it
 * is free: `prepareSqlSpare`. The next submission takes it and owns it; it serves one submission.
 */

const MiB = 1024 * 1024;
/** The JS heap of the isolate: sql.js's glue plus the rows of a result (capped by resultKb). */
const HEAP_MB = 96;
/** Building a test's database is the problem's work: generous, but still bounded. */
const SETUP_TIMEOUT_MS = 10_000;

export type SqlExecution =
  | { kind: 'rows'; json: string; timeMs: number; memoryBytes: number }
  | { kind: 'compile' | 'runtime'; message: string; line: number; timeMs: number }
  | { kind: 'norows'; message: string; timeMs: number }
  | { kind: 'toolarge'; size: number; timeMs: number }
  | { kind: 'timeout' | 'memory'; timeMs: number }
  | { kind: 'setup'; message: string; timeMs: number };

interface Record {
  kind: string;
  json?: string;
  message?: string;
  line?: number;
  size?: number;
}

interface SqlEngine {
  iso: ivm.Isolate;
  api: ivm.Reference;
  /** Engine memory right after load. */
  baseline: number;
}

function newEngine(): SqlEngine {
  const assets = sqlJsAssets();
  const iso = new ivm.Isolate({ memoryLimit: HEAP_MB });
  try {
    const ctx = iso.createContextSync();
    const ctl = iso.compileScriptSync(WASM_SHIMS, { filename: 'wasm-shims.js' }).runSync(ctx, { reference: true });
    ctx.global.setSync('__wasmBox', assets.wasm.copyInto());
    ctx.evalSync('globalThis.__mainWasm = globalThis.__wasmBox.m; delete globalThis.__wasmBox;');
    // The glue must see neither `module` nor `exports`, or it exports itself there instead of a global.
    compileCached(iso, 'sql.js', assets.glue, 'sql-wasm.js').runSync(ctx);
    const api = compileCached(iso, 'sql-harness', SQL_HARNESS, 'sql-harness.js').runSync(ctx, { reference: true });
    api.applySync(undefined, ['init', ctl.derefInto()], { timeout: SETUP_TIMEOUT_MS });
    const err = api.applySync(undefined, ['ready'], { timeout: 1000 }) as string;
    if (err) throw new Error(`sql.js did not start: ${err}`);
    ctx.global.deleteSync('__mainWasm');
    const baseline = api.applySync(undefined, ['used'], { arguments: { copy: true } }) as number;
    return { iso, api, baseline };
  } catch (e) {
    iso.dispose();
    throw e;
  }
}

let spare: SqlEngine | null = null;

/** Prepares an isolate for the next SQL submission, unless one is ready. Between submissions only. */
export function prepareSqlSpare(): void {
  if (spare && !spare.iso.isDisposed) return;
  spare = newEngine();
}

export class SqlRunner {
  private isolate: ivm.Isolate | null = null;
  private api: ivm.Reference | null = null;
  /** Engine memory right after load: a test that leaves it far above this gets a new isolate. */
  private baseline = 0;

  constructor(
    private readonly problem: SqlProblem,
    private readonly source: string,
  ) {}

  /**
   * Prepares (and runs) the statements on a database with the schema and the first test's setup
   * but no rows, so statements that fail to prepare are a compile error with their line, and a
   * submission with no statement that returns rows is refused before any test.
   */
  compileCheck(): CompileError | null {
    const api = this.ensure();
    const setupError = api.applySync(undefined, ['open', this.problem.schema, '{}', this.problem.tests[0].setup ?? ''], {
      arguments: { copy: true },
      timeout: SETUP_TIMEOUT_MS,
    }) as string;
    if (setupError) throw new Error(`the problem's schema does not load: ${setupError}`);
    let raw: string;
    try {
      raw = api.applySync(undefined, ['run', this.source, this.problem.limits.resultKb * 1024, true], {
        arguments: { copy: true },
        timeout: this.problem.limits.timeMs,
      }) as string;
    } catch (e) {
      // It ran out of time or memory on an empty database: the tests will say so.
      this.discard();
      if (e instanceof Error && /timed out|memory limit|disposed/i.test(e.message)) return null;
      throw e;
    }
    const rec = JSON.parse(raw) as Record;
    if (rec.kind === 'compile' || rec.kind === 'norows') return { message: rec.message ?? '', line: rec.line ?? 1, column: 1 };
    return null;
  }

  /** Loads the engine now if the last test discarded it: a retry's reload is not the retry's time. */
  prepare(): void {
    this.ensure();
  }

  /** Runs one test; `cpuMs` is the CPU time of the query (setup excluded), see cpuClock. */
  run(test: SqlTest, timeoutMs?: number): SqlExecution & { cpuMs?: number } {
    const api = this.ensure();
    return this.runTest(api, test, timeoutMs ?? this.problem.limits.timeMs, cpuClock());
  }

  private runTest(api: ivm.Reference, test: SqlTest, timeoutMs: number, cpu: ReturnType<typeof cpuClock>): SqlExecution & { cpuMs?: number } {
    const setupError = api.applySync(undefined, ['open', this.problem.schema, JSON.stringify(test.data), test.setup ?? ''], {
      arguments: { copy: true },
      timeout: SETUP_TIMEOUT_MS,
    }) as string;
    if (setupError) return { kind: 'setup', message: `the test's database does not load: ${setupError}`, timeMs: 0 };
    api.applySync(undefined, ['cap', this.problem.limits.memoryMb * MiB], { arguments: { copy: true } });
    const started = performance.now();
    let raw: string;
    cpu.start();
    try {
      raw = api.applySync(undefined, ['run', this.source, this.problem.limits.resultKb * 1024, false], {
        arguments: { copy: true },
        timeout: timeoutMs,
      }) as string;
    } catch (e) {
      const timeMs = performance.now() - started;
      const cpuMs = cpu.ms();
      const message = e instanceof Error ? e.message : String(e);
      const disposed = this.isolate?.isDisposed ?? true;
      this.discard();
      if (/disposed during execution due to memory limit/i.test(message) || disposed) return { kind: 'memory', timeMs };
      // The CPU it had decides whether the clock or the query ran out (see performance.ts).
      if (/Script execution timed out/i.test(message)) return { kind: 'timeout', timeMs, cpuMs };
      if (/Maximum call stack/i.test(message)) return { kind: 'runtime', message, line: 1, timeMs };
      throw e;
    }
    const timeMs = performance.now() - started;
    const cpuMs = cpu.ms();
    const rec = JSON.parse(raw) as Record;
    const memoryBytes = this.memoryAfterTest();
    switch (rec.kind) {
      case 'rows':
        return { kind: 'rows', json: rec.json ?? '', timeMs, memoryBytes, cpuMs };
      case 'compile':
      case 'runtime':
        return { kind: rec.kind, message: rec.message ?? '', line: rec.line ?? 1, timeMs };
      case 'norows':
        return { kind: 'norows', message: rec.message ?? '', timeMs };
      case 'toolarge':
        return { kind: 'toolarge', size: rec.size ?? 0, timeMs };
      case 'memory':
        this.discard();
        return { kind: 'memory', timeMs };
      default:
        throw new Error(`unexpected sql harness record ${rec.kind}`);
    }
  }

  dispose(): void {
    this.discard();
  }

  /** Engine memory in use; an isolate that grew far past its baseline is replaced. */
  private memoryAfterTest(): number {
    const used = (this.api?.applySync(undefined, ['used'], { arguments: { copy: true } }) as number | undefined) ?? 0;
    if (used > this.baseline + this.problem.limits.memoryMb * MiB) this.discard();
    return Math.max(0, used - this.baseline);
  }

  private ensure(): ivm.Reference {
    if (this.isolate && !this.isolate.isDisposed && this.api) return this.api;
    // The spare, at most once (it is cleared as it is taken); else a new isolate.
    let engine = spare && !spare.iso.isDisposed ? spare : null;
    spare = null;
    engine ??= newEngine();
    this.isolate = engine.iso;
    this.api = engine.api;
    this.baseline = engine.baseline;
    return engine.api;
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
