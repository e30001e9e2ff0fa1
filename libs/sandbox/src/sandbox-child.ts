/*
 * Entry point of a sandbox child process, forked by SandboxPool with --no-node-snapshot.
 * isolated-vm is loaded here and only here: if an isolate takes the process down, the pool
 * replaces this process and the parent (a BullMQ worker, the CLI) carries on.
 */
// First: the modules below compile from the cache of the children before this one, if any.
import { enableCompileCache, saveCompileCache } from './compile-cache';
import { CACHE_DIR_ENV } from './disk-cache';
enableCompileCache(process.env[CACHE_DIR_ENV]);
import { compileSource } from './compile';
import { evaluate, redact } from './evaluate';
import { IsolateRunner, primeHarnessCache, type RunnerInput } from './isolate-runner';
import type { CompileError, TestResult } from './judge.types';
import type { ChildMessage, JobMessage, ParentMessage, ProgressMessage } from './protocol';
import { encodeProgress, FLUSH_MS, MAX_CACHED_PROBLEMS, PROGRESS_BYTES, seedFor } from './protocol';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runAttempts } from './performance';
import { entryPointFor, type Problem } from './problem.schema';
import { preparePythonSpare, PythonRunner } from './python-runner';
import { evaluateSql } from './sql-evaluate';
import { prepareSqlSpare, SqlRunner } from './sql-runner';

interface KnownProblem {
  problem: Problem;
  /** Function mode: each test's args as JSON text, serialized once per problem. */
  argsJson: string[];
}

// Where the parent reads which test is running. Without it (no writable temp dir) every
// result is sent before the next test starts, which tells the parent the same thing.
let progressFd: number | null = null;
try {
  if (process.argv[2]) progressFd = fs.openSync(process.argv[2], 'r+');
} catch {
  progressFd = null;
}
const progressBuf = Buffer.alloc(PROGRESS_BYTES);

function markStart(jobId: number, index: number): void {
  if (progressFd !== null) fs.writeSync(progressFd, encodeProgress(progressBuf, jobId, index), 0, PROGRESS_BYTES, 0);
}
const problems = new Map<string, KnownProblem>();

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

function know(key: string, problem: Problem): KnownProblem {
  const known: KnownProblem = {
    problem,
    argsJson: problem.mode === 'function' ? problem.tests.map((t) => JSON.stringify(t.args)) : [],
  };
  if (key) {
    problems.delete(key);
    problems.set(key, known);
    if (problems.size > MAX_CACHED_PROBLEMS) problems.delete(problems.keys().next().value as string);
  }
  return known;
}

/** What one attempt of a test of a function or stdio problem hands the runner, in every language: its input, seed and clock. */
function testInput(known: KnownProblem, index: number, timeoutMs: number): RunnerInput {
  const test = known.problem.tests[index];
  const seed = seedFor(known.problem.slug, test.name);
  return known.problem.mode === 'function'
    ? { argsJson: known.argsJson[index], seed, timeoutMs }
    : { stdin: (test as { stdin: string }).stdin, seed, timeoutMs };
}

function recall(key: string): KnownProblem | undefined {
  const known = problems.get(key);
  if (known) {
    problems.delete(key);
    problems.set(key, known);
  }
  return known;
}

/** Collects a job's progress and sends it in as few messages as the watchdog allows. */
class Progress {
  private msg: ProgressMessage;
  private lastFlush = performance.now();

  constructor(
    private readonly id: number,
    private readonly flushMs: number,
  ) {
    this.msg = { t: 'progress', id, tests: [] };
  }

  compiled(error: CompileError | null): void {
    this.msg.compiled = { error };
  }

  /** The child is about to reload an engine between tests: the parent arms the setup budget. */
  setup(): void {
    this.flush();
    send({ t: 'progress', id: this.id, tests: [], setup: true });
  }

  test(index: number, result: TestResult): void {
    this.msg.tests.push({ index, result });
  }

  /**
   * A test runs again (see runAttempts: it ran out of wall time before its CPU time, or a
   * performance test finished a little over its CPU limit): the engine is reloaded under the
   * setup budget, then the parent arms the watchdog for the new run's clock.
   */
  retry(wallMs: number, reload: () => void): void {
    this.setup();
    reload();
    send({ t: 'progress', id: this.id, tests: [], retry: { wallMs } });
  }

  /** Before starting a test: results held longer than flushMs go out now. */
  beforeTest(): void {
    if (this.msg.tests.length && performance.now() - this.lastFlush >= this.flushMs) this.flush();
  }

  done(warnings: string[], preparing = false): void {
    this.msg.done = preparing ? { warnings, preparing } : { warnings };
    this.flush();
  }

  flush(): void {
    if (this.msg.compiled || this.msg.tests.length || this.msg.done) send(this.msg);
    this.msg = { t: 'progress', id: this.id, tests: [] };
    this.lastFlush = performance.now();
  }
}

async function handle(job: JobMessage): Promise<void> {
  const known = job.problem ? know(job.problemKey, job.problem) : recall(job.problemKey);
  if (!known) {
    send({ t: 'failed', id: job.id, message: `problem ${job.problemKey} was not sent to this sandbox` });
    return;
  }
  const { problem } = known;
  const progress = new Progress(job.id, progressFd === null ? 0 : FLUSH_MS);
  if (problem.mode === 'sql' || job.language === 'python') {
    handleWasm(job, known, progress);
    return;
  }
  const compiled = await compileSource(job.language, job.source, job.syntaxChecked);
  if (!compiled.ok) {
    progress.compiled(compiled.error);
    progress.done([]);
    return;
  }
  const runner = new IsolateRunner(compiled.compiled.code, {
    mode: problem.mode === 'function' ? 'function' : 'stdio',
    entryPoint: problem.mode === 'function' ? entryPointFor(problem, job.language) : undefined,
    ...problem.limits,
  });
  try {
    const syntax = runner.syntaxCheck();
    progress.compiled(syntax);
    if (syntax) {
      progress.done([]);
      return;
    }
    // The parent's watchdog moves from the compile budget to the first test's limit.
    progress.flush();
    for (const index of job.indices) {
      const test = problem.tests[index];
      progress.beforeTest();
      markStart(job.id, index);
      const execution = runAttempts(
        problem,
        test,
        (wallMs) => runner.run(testInput(known, index, wallMs)),
        (wallMs) => progress.retry(wallMs, () => runner.prepare()),
        job.remeasure,
      );
      progress.test(index, redact(evaluate(problem, test, execution, { check: job.check, full: job.full })));
    }
  } finally {
    runner.dispose();
  }
  const typeCheck = job.typeCheck ? compiled.compiled.typeCheck : null;
  if (typeCheck) progress.flush();
  progress.done(typeCheck ? typeCheck() : []);
}

/**
 * Python and SQL: a WebAssembly engine in the isolate (see python-runner.ts, sql-runner.ts).
 * Same protocol as JavaScript; when the engine must be reloaded between tests (after a limit
 * broke it) the parent is told first, so the reload runs under the setup budget rather than
 * the next test's clock.
 */
function handleWasm(job: JobMessage, known: KnownProblem, progress: Progress): void {
  const { problem } = known;
  if (problem.mode === 'sql') {
    const runner = new SqlRunner(problem, job.source);
    try {
      const error = runner.compileCheck();
      progress.compiled(error);
      if (!error) {
        progress.flush();
        for (const index of job.indices) {
          const test = problem.tests[index];
          progress.beforeTest();
          markStart(job.id, index);
          const execution = runAttempts(
            problem,
            test,
            (wallMs) => runner.run(test, wallMs),
            (wallMs) => progress.retry(wallMs, () => runner.prepare()),
            job.remeasure,
          );
          progress.test(index, redact(evaluateSql(problem, test, execution, { check: job.check, full: job.full })));
        }
      }
    } catch (e) {
      runner.dispose();
      throw e;
    }
    return finishWasm(progress, runner, prepareSqlSpare);
  }
  const runner = new PythonRunner(problem, job.source);
  try {
    const error = runner.load();
    progress.compiled(error);
    if (!error) {
      progress.flush();
      for (const index of job.indices) {
        const test = problem.tests[index];
        if (!runner.loaded) {
          progress.setup();
          runner.load();
          progress.flush();
        }
        progress.beforeTest();
        markStart(job.id, index);
        const execution = runAttempts(
          problem,
          test,
          (wallMs) => runner.run(testInput(known, index, wallMs)),
          (wallMs) =>
            progress.retry(wallMs, () => {
              if (!runner.loaded) runner.load();
            }),
          job.remeasure,
        );
        progress.test(index, redact(evaluate(problem, test, execution, { check: job.check, full: job.full })));
      }
    }
  } catch (e) {
    runner.dispose();
    throw e;
  }
  finishWasm(progress, runner, () => preparePythonSpare(problem.limits.memoryMb));
}

/**
 * Ends a Python or SQL job, then, while no job runs here, disposes of its isolate (tens of ms
 * for a loaded interpreter) and prepares the next submission's one: the pool hands this child
 * nothing until `ready`, and no test's clock or memory sampling is running meanwhile.
 */
function finishWasm(progress: Progress, runner: { dispose(): void }, prepare: () => void): void {
  progress.done([], true);
  runner.dispose();
  try {
    prepare();
  } catch {
    // No spare: the next submission loads its own, as the first one did.
  }
  send({ t: 'ready', rss: process.memoryUsage.rss() });
}

let queue = Promise.resolve();

process.on('message', (msg: ParentMessage) => {
  if (msg.t === 'exit') {
    process.exit(0);
  }
  if (msg.t === 'job') {
    queue = queue.then(() =>
      handle(msg)
        .catch((e: unknown) => {
          send({ t: 'failed', id: msg.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        })
        .finally(saveNewlyLoaded),
    );
  }
});

// A job that loaded modules on first need (sucrase, TypeScript's compiler) saves them to the
// compile cache for the children after this one; the others cost nothing here.
let modulesSaved = 0;
function saveNewlyLoaded(): void {
  const loaded = Object.keys(require.cache).length;
  if (loaded === modulesSaved) return;
  modulesSaved = loaded;
  saveCompileCache();
}

// Without its parent this process has no purpose; never linger as an orphan.
process.on('disconnect', () => process.exit(0));
const watching = dieWithParent();

/**
 * 'disconnect' is heard only between synchronous steps, and a worker killed outright (SIGKILL,
 * the OOM killer) cannot stop its children: a child in the middle of a test, or preparing its
 * next interpreter, ran on as an orphan, taking CPU from the live children (in `npm run chaos`,
 * a worker killed every ~11 s: orphans lived 0.5-17 s after their worker and used up to 5.6 s of
 * CPU). A thread of its own, idle but for a system call every 200 ms, kills this process as soon
 * as its parent is no longer the worker that started it. The child says `ready` only once the
 * thread is online: booting it takes 4-5 MB, which a first test would otherwise be charged
 * (a huge BigInt that ran out of time was judged MEMORY_LIMIT_EXCEEDED at 32 MB).
 */
function dieWithParent(): Promise<void> {
  const watch = `const ppid = ${process.ppid}; setInterval(() => { if (process.ppid !== ppid) process.kill(${process.pid}, 'SIGKILL'); }, 200);`;
  const thread = new Worker(watch, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } });
  thread.unref();
  return new Promise((resolve) => {
    thread.once('online', () => resolve());
    thread.once('error', () => resolve());
  });
}

async function warmUp(): Promise<void> {
  // The first isolate and the first trip through the harness are the slow ones: pay for them
  // before the first submission does, and keep V8's code cache of the harness for every later isolate.
  try {
    primeHarnessCache();
  } catch {
    // No cache: each isolate compiles the harness itself, as before.
  }
  const runner = new IsolateRunner('function f(a) { return a; }', {
    mode: 'function',
    entryPoint: 'f',
    timeMs: 1000,
    memoryMb: 16,
    outputKb: 1,
    resultKb: 1,
  });
  try {
    runner.run({ argsJson: '[1]', seed: 1 });
  } finally {
    runner.dispose();
  }
}

void Promise.all([warmUp().catch(() => undefined), watching]).then(() => {
  send({ t: 'ready', rss: process.memoryUsage.rss() });
  saveNewlyLoaded();
});
