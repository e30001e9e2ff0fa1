/**
 * The pool's promises: children that die are replaced and the test they ran gets an honest
 * status, the caller's event loop never waits on a test, and close() leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Judge } from './judge';
import { loadProblem } from './problem.schema';
import { cpuOf, extensionMs, memoryCeiling, resolveChildEntry, SandboxPool, watchdogMs, type JobListener, type JobSpec } from './sandbox-pool';

const slow = loadProblem({
  slug: 'slow',
  title: 'Slow',
  mode: 'function',
  entryPoint: 'solve',
  limits: { timeMs: 3000, memoryMb: 32 },
  tests: [
    { name: 'quick', args: [0], expected: 0, hidden: false },
    { name: 'busy', args: [1500], expected: 1500, hidden: false },
    { name: 'after', args: [0], expected: 0, hidden: false },
  ],
});
// Spins for `ms` milliseconds of wall time, then answers.
const SPIN = 'function solve(ms) { const end = Date.now() + ms; while (Date.now() < end) {} return ms; }';
const HONEST = 'function solve(ms) { return ms; }';

/** Alive and not a zombie (an orphan is reaped by whatever PID 1 is, in its own time). */
function running(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('resolveChildEntry', () => {
  it('forks the TypeScript source through a require hook when no compiled sibling exists', () => {
    const entry = resolveChildEntry();
    expect(entry.file).toBe(path.join(__dirname, 'sandbox-child.ts'));
    expect(entry.execArgv[0]).toBe('--no-node-snapshot');
    expect(entry.execArgv).toContain('--require');
  });

  it('watchdog and memory ceiling scale with the limits', () => {
    expect(watchdogMs(1000, 250)).toBe(1350);
    expect(memoryCeiling(32 * 1024 * 1024)).toBe(128 * 1024 * 1024);
  });

  it('reads a process CPU time', () => {
    const before = cpuOf(process.pid);
    // 60 ms of this process's CPU, however long a busy machine takes to give it.
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 60_000);
    // /proc counts in 10 ms ticks.
    expect(cpuOf(process.pid) - before).toBeGreaterThanOrEqual(50);
    expect(Number.isNaN(cpuOf(2 ** 22 + 1))).toBe(true);
  });

  it('extends a watchdog only while the child has CPU left in its budget and wall time left before its cap', () => {
    // Starved: 200 ms of CPU out of 1,570: waits at least for the 1,370 it has left.
    expect(extensionMs(200, 1570, 5000)).toBe(1370);
    // Nearly spent: a short wait, not a busy loop.
    expect(extensionMs(1560, 1570, 5000)).toBe(25);
    // Never past the cap.
    expect(extensionMs(200, 1570, 300)).toBe(300);
    // Spent its budget (it ran: stuck, not starved), no wall time left, or no reading: killed.
    expect(extensionMs(1570, 1570, 5000)).toBeNull();
    expect(extensionMs(1800, 1570, 5000)).toBeNull();
    expect(extensionMs(200, 1570, 0)).toBeNull();
    expect(extensionMs(Number.NaN, 1570, 5000)).toBeNull();
  });
});

describe('SandboxPool through Judge', () => {
  let judge: Judge;

  beforeAll(() => {
    judge = new Judge({ size: 1 });
  });

  afterAll(async () => {
    await judge.close();
  });

  const busyPid = async (): Promise<number> => {
    await waitFor(() => judge.sandboxPids().length === 1, 5000);
    return judge.sandboxPids()[0];
  };

  it('keeps the caller event loop free while a test runs', async () => {
    let maxLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    const r = await judge.judge({ problem: slow, language: 'javascript', source: SPIN });
    clearInterval(timer);
    expect(r.verdict).toBe('ACCEPTED');
    expect(r.tests[1].timeMs).toBeGreaterThanOrEqual(1400);
    // A blocked loop would lag by the whole 1.5 s test; what remains is scheduling noise on a busy machine.
    expect(maxLag).toBeLessThan(750);
  });

  it('replaces a child killed mid-test, gives that test an honest status, and finishes the others', async () => {
    const pid = await busyPid();
    const pending = judge.judge({ problem: slow, language: 'javascript', source: SPIN });
    // 'quick' is done (its result may not be sent yet), 'busy' spins for 1.5 s.
    await new Promise((r) => setTimeout(r, 600));
    // SIGKILL from outside is what the kernel's OOM killer does.
    process.kill(pid, 'SIGKILL');
    const r = await pending;
    expect(r.tests.map((t) => t.status)).toEqual(['ACCEPTED', 'MEMORY_LIMIT_EXCEEDED', 'ACCEPTED']);
    expect(r.tests[1].message).toBe('the sandbox process died (signal SIGKILL)');
    expect(r.verdict).toBe('MEMORY_LIMIT_EXCEEDED');
    expect(alive(pid)).toBe(false);
    const replacement = await busyPid();
    expect(replacement).not.toBe(pid);
    expect((await judge.judge({ problem: slow, language: 'javascript', source: HONEST })).verdict).toBe('ACCEPTED');
  });

  it('waits for a child the machine starves (stopped past its watchdog), and judges it on its CPU time', async () => {
    const starving = loadProblem({
      slug: 'starving',
      title: 'Starving',
      mode: 'function',
      entryPoint: 'solve',
      limits: { timeMs: 1000, memoryMb: 32 },
      tests: [{ name: 'spin', args: [600], expected: 600, hidden: false }],
    });
    // A warm child first: the stop must land in the test, not in the child's start.
    expect((await judge.judge({ problem: starving, language: 'javascript', source: HONEST })).verdict).toBe('ACCEPTED');
    const pid = await busyPid();
    const pending = judge.judge({ problem: starving, language: 'javascript', source: SPIN });
    await new Promise((r) => setTimeout(r, 200));
    // SIGSTOP is a descheduled child taken to the extreme: past the test's watchdog
    // (1.2 x 1000 ms + 10% + margin = 1,570 ms), using no CPU meanwhile.
    process.kill(pid, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(pid, 'SIGCONT');
    const r = await pending;
    expect(r.tests.map((t) => t.status)).toEqual(['ACCEPTED']);
    expect(r.verdict).toBe('ACCEPTED');
    expect(alive(pid)).toBe(true);
  });

  it('stops a starved child that ignores termination after the CPU of its budget, before it grows past its memory', async () => {
    const bigint = loadProblem({
      slug: 'bigint',
      title: 'BigInt',
      mode: 'function',
      entryPoint: 'solve',
      limits: { timeMs: 500, memoryMb: 32 },
      tests: [{ name: 'huge', args: [], expected: 0, hidden: false }],
    });
    expect((await judge.judge({ problem: bigint, language: 'javascript', source: 'function solve() { return 0; }' })).verdict).toBe('ACCEPTED');
    const pid = await busyPid();
    const started = performance.now();
    // A huge BigInt does not heed the isolate's termination: only the watchdog stops it.
    const pending = judge.judge({ problem: bigint, language: 'javascript', source: 'function solve() { return (10n ** 10000000n).toString().length; }' });
    // The child gets at most a quarter of a core: stopped 60 ms out of every 80.
    let tick = 0;
    const duty = setInterval(() => {
      tick = (tick + 1) % 4;
      try {
        if (tick === 0) process.kill(pid, 'SIGCONT');
        else if (tick === 1) process.kill(pid, 'SIGSTOP');
      } catch {
        // killed by the watchdog
      }
    }, 20);
    const r = await pending.finally(() => {
      clearInterval(duty);
      if (alive(pid)) process.kill(pid, 'SIGCONT');
    });
    const wall = performance.now() - started;
    expect(r.tests.map((t) => t.status)).toEqual(['TIME_LIMIT_EXCEEDED']);
    expect(alive(pid)).toBe(false);
    // Not at the wall-clock watchdog (600 + 60 + 250 = 910 ms): at a quarter of a core it needs
    // about four times that to use its budget. (Extending it without a bound on its CPU let it
    // grow into MEMORY_LIMIT_EXCEEDED.)
    expect(wall).toBeGreaterThan(1800);
    // The next test needs a warm child.
    expect((await judge.judge({ problem: slow, language: 'javascript', source: HONEST })).verdict).toBe('ACCEPTED');
  });

  it('reports a child that crashes for another reason as a runtime error', async () => {
    const pid = await busyPid();
    const seen: string[] = [];
    const pending = judge.judge({ problem: slow, language: 'javascript', source: SPIN }, (t) => seen.push(t.name));
    await new Promise((r) => setTimeout(r, 600));
    process.kill(pid, 'SIGSEGV');
    const r = await pending;
    expect(r.tests.map((t) => t.status)).toEqual(['ACCEPTED', 'RUNTIME_ERROR', 'ACCEPTED']);
    expect(r.tests[1].message).toBe('the sandbox process died (signal SIGSEGV)');
    // 'quick' was re-run after the crash, yet listeners saw the tests in file order.
    expect(seen).toEqual(['quick', 'busy', 'after']);
  });

  const culprit = loadProblem({
    slug: 'culprit',
    title: 'Culprit',
    mode: 'function',
    entryPoint: 'solve',
    limits: { timeMs: 300, memoryMb: 32 },
    tests: [
      { name: 'a', args: [1], expected: 1 },
      { name: 'b', args: [2], expected: 2 },
      { name: 'stuck', args: [0], expected: 0 },
      { name: 'c', args: [3], expected: 3 },
    ],
  });
  const STUCK_ON_ZERO = 'function solve(x) { if (x === 0) (10n ** 10000000n).toString(); return x; }';

  it('finds the culprit without a progress file too (every result sent at once)', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/for-this-test';
    const noFile = new Judge({ size: 1 });
    process.env.TMPDIR = saved;
    try {
      const r = await noFile.judge({ problem: culprit, language: 'javascript', source: STUCK_ON_ZERO });
      expect(r.tests.map((t) => t.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'TIME_LIMIT_EXCEEDED', 'ACCEPTED']);
    } finally {
      await noFile.close();
    }
  }, 20_000);

  it('finds the culprit when the child dies while it was holding results', async () => {
    // Two quick tests, then one that stops the isolate from answering: the child is killed
    // with unsent results, its progress file names the right test.
    const r = await judge.judge({ problem: culprit, language: 'javascript', source: STUCK_ON_ZERO });
    expect(r.tests.map((t) => t.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'TIME_LIMIT_EXCEEDED', 'ACCEPTED']);
    expect(r.score).toBe(0.75);
  }, 20_000);

  it("does not charge loading a compiler to the first TypeScript submission's compile budget", async () => {
    // Regression (npm run chaos at load 30): loading the compiler in a fresh child took over the
    // 10 s compile budget, and a correct solution got COMPILE_ERROR "compilation did not finish".
    // A 1 ms budget is far below any load of a compiler (the child's transpiler, now that the
    // type-check thread answers the syntax), as 10 s was under that load.
    const tight = new Judge({ size: 1, compileBudgetMs: 1 });
    try {
      const r = await tight.judge({ problem: slow, language: 'typescript', source: 'function solve(ms: number): number { return ms; }' });
      expect(r.compileError).toBeNull();
      expect(r.verdict).toBe('ACCEPTED');
    } finally {
      await tight.close();
    }
  });

  it('skips a type check that runs over its budget, with a warning', async () => {
    const quick = new Judge({ size: 1, typeCheckBudgetMs: 1 });
    // Types the checker takes seconds to resolve: a check of a plain solve (~17 ms) could finish,
    // and its reply arrive together with its syntax, before a main thread busy for that long
    // runs the 1 ms timer.
    const slowToCheck = `type L<T, N extends unknown[] = []> = N['length'] extends 900 ? T : L<{ a: T; b: T }, [...N, 0]>;
type R<T> = T extends { a: infer A } ? R<A> : T;
const v: R<L<number>> = 1;
function solve(ms: number): number { return ms; }`;
    try {
      const r = await quick.judge({ problem: slow, language: 'typescript', source: slowToCheck });
      expect(r.verdict).toBe('ACCEPTED');
      expect(r.warnings).toEqual(['the type check did not finish: it took longer than 1 ms; it was skipped']);
    } finally {
      await quick.close();
    }
  });
});

describe('a worker killed outright', () => {
  it('takes its sandbox child with it, even in the middle of a test', async () => {
    // A worker of our own (the pool through sucrase, as under Jest), judging a test that spins
    // for 30 s of CPU; it prints its child's pid once the test has run for a second.
    const hook = require.resolve('sucrase/register/ts');
    const script = `
      const { Judge } = require(${JSON.stringify(path.join(__dirname, 'judge.ts'))});
      const { loadProblem } = require(${JSON.stringify(path.join(__dirname, 'problem.schema.ts'))});
      const judge = new Judge({ size: 1, typeCheckThreads: 1 });
      const problem = loadProblem({ slug: 'spin', title: 'Spin', mode: 'function', entryPoint: 'solve', languages: ['javascript'],
        limits: { timeMs: 30000, memoryMb: 64 }, tests: [{ name: 'spin', args: [30000], expected: 30000 }] });
      void judge.judge({ problem, language: 'javascript', source: ${JSON.stringify(SPIN)} });
      setTimeout(() => console.log(judge.sandboxPids()[0]), 1500);`;
    const worker = spawn(process.execPath, ['--no-node-snapshot', '--require', hook, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      worker.stdout.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
      worker.once('exit', () => reject(new Error('the stand-in worker exited early')));
    });
    const cpuBefore = cpuOf(pid);
    await new Promise((r) => setTimeout(r, 300));
    expect(cpuOf(pid) - cpuBefore).toBeGreaterThan(0); // in the test, spinning
    worker.kill('SIGKILL');
    const killedAt = Date.now();
    // 'disconnect' would be heard only when the test ends (30 s of CPU); the child's watch thread
    // sees its parent gone within 200 ms.
    while (running(pid) && Date.now() - killedAt < 5000) await new Promise((r) => setTimeout(r, 50));
    expect(running(pid)).toBe(false);
  }, 30_000);
});

describe('a new child', () => {
  /** Resident memory of a process in MB. */
  const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

  it('has finished starting when it says ready: idle after its first test, it does not grow', async () => {
    // Its watch thread booted on after `ready` (4-5 MB), charged to the first test's memory: a
    // huge BigInt that ran out of time was judged MEMORY_LIMIT_EXCEEDED at 32 MB.
    const judge = new Judge({ size: 1 });
    try {
      const r = await judge.judge({ problem: slow, language: 'javascript', source: HONEST });
      expect(r.verdict).toBe('ACCEPTED');
      const pid = judge.sandboxPids()[0];
      const before = rssMb(pid);
      await new Promise((res) => setTimeout(res, 1000));
      expect(rssMb(pid) - before).toBeLessThan(2);
    } finally {
      await judge.close();
    }
  });
});

describe('a child that reports an internal failure', () => {
  it('is replaced before the next job: a job waiting for it runs on a new child', async () => {
    const pool = new SandboxPool({ size: 1 });
    const spec = (indices: number[]): JobSpec => ({ problem: slow, problemKey: '', language: 'javascript', source: HONEST, indices, typeCheck: false, check: true });
    const results: number[] = [];
    const listener: JobListener = { onCompiled: () => undefined, onTest: (i) => results.push(i) };
    try {
      await waitFor(() => pool.pids().length === 1, 10_000);
      const [first] = pool.pids();
      // Test 7 does not exist: the child fails on it (after test 0) and says so.
      const broken = pool.run(spec([0, 7]), listener);
      const waiting = pool.run(spec([0, 2]), listener);
      const end = await broken;
      expect(end.kind).toBe('failed');
      expect(await waiting).toEqual({ kind: 'done', warnings: [] });
      expect(results.slice(-2)).toEqual([0, 2]);
      expect(pool.pids()).toHaveLength(1);
      expect(pool.pids()[0]).not.toBe(first);
    } finally {
      await pool.close();
    }
  });
});

describe('close', () => {
  it('stops every child and refuses further work with INTERNAL_ERROR', async () => {
    const judge = new Judge({ size: 2 });
    await waitFor(() => judge.sandboxPids().length === 2, 5000);
    const pids = judge.sandboxPids();
    expect((await judge.judge({ problem: slow, language: 'javascript', source: HONEST })).verdict).toBe('ACCEPTED');
    await judge.close();
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(judge.sandboxPids()).toEqual([]);
    const after = await judge.judge({ problem: slow, language: 'javascript', source: HONEST });
    expect(after.verdict).toBe('INTERNAL_ERROR');
    expect(after.tests.every((t) => t.status === 'INTERNAL_ERROR')).toBe(true);
  });

  it('lets a submission in flight finish as INTERNAL_ERROR rather than hang', async () => {
    const judge = new Judge({ size: 1 });
    const pending = judge.judge({ problem: slow, language: 'javascript', source: SPIN });
    await new Promise((r) => setTimeout(r, 500));
    await judge.close();
    const r = await pending;
    expect(r.verdict).toBe('INTERNAL_ERROR');
  });
});
