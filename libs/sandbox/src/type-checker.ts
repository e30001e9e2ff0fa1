import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TypeScriptSyntax } from './compile';
import type { CheckReply, CheckRequest } from './type-check-thread';

/*
 * TypeScript's checker has no time limit of its own: a few lines of recursive conditional types
 * keep it busy for minutes (a 20-line bomb measured 77 s), and it cannot be interrupted from
 * inside. Run in a sandbox child after the tests (as it was), it held that sandbox, and with it
 * every other candidate's verdict, for the whole budget. Here it runs on threads of its own, beside
 * the sandboxes rather than in them, so a sandbox is free as soon as the tests are done; a check
 * over its budget is stopped by terminating its thread (V8 stops a thread in any loop), and one
 * that outgrows its heap limit ends that thread alone. Type errors stay warnings: a check that is
 * stopped yields one warning saying so and never changes a verdict.
 */

export interface TypeCheckerOptions {
  /** Checks run at once (threads). Default 1. */
  threads?: number;
  /** Wall time one check may take once its thread starts it. Default 2000. */
  budgetMs?: number;
  /** Old-generation heap of a type-check thread. Default 256. */
  memoryMb?: number;
  /** The judge's cache folder: the threads keep Node's compile cache of TypeScript there (compile-cache.ts). */
  cacheDir?: string | null;
}

interface Pending {
  id: number;
  source: string;
  /** Set when the caller wants the syntax first: called once, with null when the thread could not answer it. */
  syntax?: (syntax: TypeScriptSyntax | null) => void;
  resolve: (warnings: string[]) => void;
}

/** A check's two answers: the syntax (null when the thread could not give it) comes first, the type warnings after. */
export interface SyntaxAndTypes {
  syntax: Promise<TypeScriptSyntax | null>;
  warnings: Promise<string[]>;
}

/** Settles a job: its warnings, and its syntax as unknown if it never came. */
function settle(job: Pending, warnings: string[]): void {
  job.syntax?.(null);
  job.syntax = undefined;
  job.resolve(warnings);
}

interface Slot {
  worker: Worker;
  /** Settles when the thread is ready or gone (START_BUDGET_MS at most). */
  started: Promise<void>;
  ready: boolean;
  job: Pending | null;
  timer: NodeJS.Timeout | null;
  dead: boolean;
}

/** A fresh thread that cannot get ready in this long (loading TypeScript) is given up on. */
const START_BUDGET_MS = 60_000;

/** The compiled `.js` sibling in production; under Jest only the `.ts` exists, loaded through sucrase. */
function threadEntry(): { file: string; eval: boolean } {
  const js = path.join(__dirname, 'type-check-thread.js');
  if (fs.existsSync(js)) return { file: js, eval: false };
  const ts = path.join(__dirname, 'type-check-thread.ts');
  if (fs.existsSync(ts)) {
    const code = `require(${JSON.stringify(require.resolve('sucrase/register/ts'))}); require(${JSON.stringify(ts)});`;
    return { file: code, eval: true };
  }
  throw new Error(`type-check thread entry not found next to ${__filename}`);
}

export function skippedWarning(reason: string): string {
  return `the type check did not finish: ${reason}; it was skipped`;
}

export class TypeChecker {
  readonly budgetMs: number;
  private readonly threads: number;
  private readonly memoryMb: number;
  private readonly cacheDir: string | null;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private entry: { file: string; eval: boolean } | null = null;

  constructor(options: TypeCheckerOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? 1));
    this.budgetMs = Math.max(1, options.budgetMs ?? 2000);
    this.memoryMb = Math.max(32, options.memoryMb ?? 256);
    this.cacheDir = options.cacheDir ?? null;
  }

  /** The type warnings of `source`; never rejects (a check that cannot finish yields one warning saying so). */
  check(source: string): Promise<string[]> {
    return this.enqueue(source);
  }

  /**
   * The syntax of `source` (what the sandbox child would otherwise load the compiler for), then
   * its type warnings, from one parse on a thread that has the compiler loaded. The syntax is
   * null when the thread could not answer it (it did not start, ran over its budget, the checker
   * is closing): the caller lets the sandbox check the syntax instead, as before.
   */
  checkWithSyntax(source: string): SyntaxAndTypes {
    let syntax!: (s: TypeScriptSyntax | null) => void;
    const syntaxP = new Promise<TypeScriptSyntax | null>((r) => (syntax = r));
    return { syntax: syntaxP, warnings: this.enqueue(source, syntax) };
  }

  private enqueue(source: string, syntax?: Pending['syntax']): Promise<string[]> {
    return new Promise((resolve) => {
      const job: Pending = { id: this.nextId++, source, syntax, resolve };
      if (this.closed) return settle(job, [skippedWarning('the judge is closing')]);
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Threads alive now (tests). */
  get threadCount(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) settle(p, [skippedWarning('the judge is closing')]);
    // A thread still loading TypeScript is let finish loading first: Node can abort the process
    // when a thread is terminated in the middle of loading a module.
    await Promise.all([...this.slots].map(async (s) => {
      await s.started;
      await this.stop(s, 'the judge is closing');
    }));
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (slot.ready && !slot.job && !slot.dead) this.start(slot, this.queue.shift()!);
    }
    // Threads start lazily: a worker that never sees TypeScript never loads it.
    const starting = [...this.slots].filter((s) => !s.ready && !s.dead).length;
    let wanted = Math.min(this.queue.length - starting, this.threads - this.slots.size);
    for (; wanted > 0; wanted--) this.spawn();
    this.updateRefs();
  }

  private spawn(): void {
    this.entry ??= threadEntry();
    const worker = new Worker(this.entry.file, {
      eval: this.entry.eval,
      workerData: { cacheDir: this.cacheDir },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    let started!: () => void;
    const slot: Slot = { worker, started: new Promise<void>((r) => (started = r)), ready: false, job: null, timer: null, dead: false };
    this.slots.add(slot);
    slot.timer = setTimeout(() => void this.stop(slot, 'the type checker did not start'), START_BUDGET_MS);
    slot.timer.unref();
    worker.once('message', () => started());
    worker.once('exit', () => started());
    setTimeout(() => started(), START_BUDGET_MS).unref();
    worker.on('message', (msg: CheckReply) => this.onMessage(slot, msg));
    worker.on('error', (e: Error & { code?: string }) => {
      const reason = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${this.memoryMb} MB` : `the type checker failed (${e.message})`;
      void this.stop(slot, reason);
    });
    worker.on('exit', () => void this.stop(slot, 'the type checker stopped'));
  }

  private onMessage(slot: Slot, msg: CheckReply): void {
    if (slot.dead) return;
    if (msg.t === 'ready') {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if (msg.t === 'syntax') {
      const { error, module } = msg;
      job.syntax?.({ error, module });
      job.syntax = undefined;
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    settle(job, msg.t === 'done' ? msg.warnings : [skippedWarning(msg.message)]);
    this.dispatch();
  }

  private start(slot: Slot, job: Pending): void {
    slot.job = job;
    slot.timer = setTimeout(() => void this.stop(slot, `it took longer than ${this.budgetMs} ms`), this.budgetMs);
    slot.worker.postMessage({ id: job.id, source: job.source, ...(job.syntax ? { syntax: true } : {}) } satisfies CheckRequest);
  }

  /** Ends a thread (its job, if any, gets `reason`); a replacement starts when there is work. */
  private async stop(slot: Slot, reason: string): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    if (job) settle(job, [skippedWarning(reason)]);
    this.dispatch();
    await slot.worker.terminate().catch(() => undefined);
  }

  /** Idle threads never keep the process alive; a check under way does (its caller awaits it). */
  private updateRefs(): void {
    const busy = this.queue.length > 0 || [...this.slots].some((s) => s.job);
    for (const s of this.slots) {
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  }
}
