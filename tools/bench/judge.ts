/**
 * `npm run bench:judge`: the judge's cost, from one run on one machine.
 *   (a) floor: a bare isolated-vm loop doing only what the sandbox must (fresh isolate per
 *       submission, fresh context per test) on the reference 20-test problem;
 *   (b) our engine through the library and through the CLI;
 *   (c) end to end: submissions stored in PostgreSQL, queued on BullMQ, judged by a worker
 *       process, verdict written back — saturated throughput, then p50/p99 paced at half the floor's rate;
 *   (d) each as a ratio to the floor;
 *   (e) the worker's RSS before and after 10,000 submissions;
 *   (f) Python and SQL (judge-wasm.ts): a 20-test Python function problem and a 20-test SQL
 *       problem through the engine, each against its own floor measured in the same run.
 *   (g) the targets of issue 16, each a ratio to a baseline of the same run (medians): the
 *       engine against the floor interleaved; end to end saturated as a share of the floor's
 *       throughput (the faster of two one-loop floor measures; also shown against as many floor
 *       loops at once as the worker has sandbox children, the floor on the same cores); p99
 *       paced at half the one-loop rate; a fresh Node process per submission that isolates
 *       the code in isolated-vm (fresh-isolate-runner.ts) against the engine, with bare
 *       node:vm (fresh-node-runner.ts, no isolation) printed beside it. Then the CPU time per
 *       submission of the engine against the floor's, interleaved (load moves it less than wall time).
 * Options: --quick (smaller counts), --skip-e2e, --e2e-only (floor and end to end), --rss-count N,
 * --skip-wasm, --wasm-only (the Python and SQL rows alone), --python-rss N (the sandbox child's
 * RSS over N Python submissions, printed every 200; nothing else).
 */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Language, ProblemEntity, ProblemValidationStatus, SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';
import { dataSourceOptions, runMigrations } from '@app/migrations';
import { JobName, JUDGE_QUEUE, judgeJobOptions } from '@app/queue';
import * as os from 'node:os';
import { compareEngineToFloor, measureCli, measureEngine, measureFloor, measureFloorParallel, measureFreshNode, processCpuMs, REFERENCE_PROBLEM_PATH, REFERENCE_SOLUTION_PATH } from './judge-engine';
import { measureWasm, pythonRss } from './judge-wasm';
import { fmt, summarize } from './stats';

interface Row {
  name: string;
  submissionsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The floor this row is compared with; the JavaScript floor when absent. */
  floorP50Ms?: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const skipE2e = args.includes('--skip-e2e');
const e2eOnly = args.includes('--e2e-only');
const skipWasm = args.includes('--skip-wasm');
const wasmOnly = args.includes('--wasm-only');
const pythonRssCount = args.includes('--python-rss') ? Number(args[args.indexOf('--python-rss') + 1]) || 2000 : 0;
const rssCount = Number(args[args.indexOf('--rss-count') + 1]) || (quick ? 1000 : 10_000);
const root = path.resolve(__dirname, '../../..');
const pgAdmin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU time (ms) of each process, by pid; a pid that is gone reads NaN and is left out. */
function cpuByPid(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, processCpuMs(p)] as [number, number]).filter(([, ms]) => Number.isFinite(ms)));
}

/** CPU spent between two readings; a process seen only at the end counts from zero (it started in between). */
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, end] of after) ms += end - (before.get(pid) ?? 0);
  return ms;
}

function childrenRssMb(pid: number): number {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.reduce((a, k) => a + rssMb(k), 0);
  } catch {
    return NaN;
  }
}

interface WorkerHealth {
  /** The worker's event-loop delay over the saturated and paced phases (prom-client's monitor), ms. */
  lagMaxMs: number;
  lagP99Ms: number;
  /** Submissions whose judging started more than once (a stalled job taken over, or a retry). */
  rejudged: number;
  submissions: number;
  /** Saturated phase: seconds to store and queue the batch, and until its last verdict. */
  storeSecs: number;
  drainSecs: number;
  /** Saturated phase: CPU ms per submission of each process group (Redis, shared with others, is not counted). */
  cpuPerSubmission: { worker: number; sandboxes: number; postgres: number; bench: number };
}

async function endToEnd(pacedPerSec: number): Promise<{ saturated: Row; paced: Row; health: WorkerHealth; rss: { before: number; after: number; childrenBefore: number; childrenAfter: number; count: number; heapBefore: number; heapAfter: number } }> {
  const dbName = `hp_bench_${process.pid}`;
  const admin = new Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(pgAdmin);
  url.pathname = `/${dbName}`;
  const db = { type: 'postgres' as const, url: url.toString(), logging: false };
  const prefix = `hp-bench-${process.pid}`;
  let worker: ChildProcess | undefined;
  const metricsPort = 19_000 + (process.pid % 1000);
  const ds = new DataSource({ ...dataSourceOptions(db), extra: { max: 4 } });
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(JUDGE_QUEUE, { connection: redis, prefix: `${prefix}:bull` });
  try {
    await runMigrations(db);
    await ds.initialize();
    const definition = JSON.parse(fs.readFileSync(REFERENCE_PROBLEM_PATH, 'utf8')) as Record<string, unknown>;
    const source = fs.readFileSync(REFERENCE_SOLUTION_PATH, 'utf8');
    const problem = await ds.getRepository(ProblemEntity).save(
      ds.getRepository(ProblemEntity).create({
        slug: String(definition.slug),
        title: String(definition.title),
        definition,
        referenceSolutions: [{ language: 'javascript', source }],
        validationStatus: ProblemValidationStatus.VALID,
        validationReport: null,
        tags: [],
        createdById: null,
      }),
    );
    worker = spawn(process.execPath, ['--no-node-snapshot', '--expose-gc', path.join(root, 'dist/apps/worker/src/main.js')], {
      env: { ...process.env, WORKER_METRICS_PORT: String(metricsPort), DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn', NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(32), JUDGE_CONCURRENCY: process.env.JUDGE_CONCURRENCY ?? '8' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await new Promise((r) => setTimeout(r, 3000));
    const subs = ds.getRepository(SubmissionEntity);

    const submitBatch = async (n: number): Promise<string[]> => {
      const rows = Array.from({ length: n }, () =>
        subs.create({ kind: SubmissionKind.SUBMISSION, problemId: problem.id, problemVersion: 1, userId: null, attemptId: null, language: Language.JAVASCRIPT, source, customInput: null, state: SubmissionState.QUEUED, enqueuedAt: new Date() }),
      );
      const saved = await subs.save(rows, { chunk: 500 });
      await queue.addBulk(saved.map((s) => ({ name: JobName.JudgeSubmission, data: { submissionId: s.id }, opts: judgeJobOptions(s.id, 3) })));
      return saved.map((s) => s.id);
    };
    const waitAll = async (ids: string[]): Promise<SubmissionEntity[]> => {
      for (;;) {
        const { count } = (await ds.query(`SELECT count(*)::int AS count FROM submissions WHERE state = 'FINISHED' AND id = ANY($1)`, [ids]))[0] as { count: number };
        if (count >= ids.length) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      return subs.createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
    };
    const latencies = (rows: SubmissionEntity[]) => rows.map((r) => (r.finishedAt as Date).getTime() - r.createdAt.getTime());

    // The worker's event-loop delay: prom-client's histogram restarts at every scrape.
    const lag = async (): Promise<{ max: number; p99: number }> => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
      return { max: read('nodejs_eventloop_lag_max_seconds'), p99: read('nodejs_eventloop_lag_p99_seconds') };
    };

    // Warm-up.
    await waitAll(await submitBatch(50));
    await lag();

    // Where the CPU of the saturated phase goes: the worker, its sandbox children, this database's
    // PostgreSQL backends (the worker's and this process's connections) and this process.
    const workerPid = worker.pid as number;
    const backends = async () => (await ds.query<Array<{ pid: number }>>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName])).map((r) => r.pid);
    const benchCpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const cpuBefore = { worker: cpuByPid([workerPid]), sandboxes: cpuByPid(childPids(workerPid)), postgres: cpuByPid(await backends()), bench: benchCpu() };

    // Saturated: everything queued at once; throughput = n / time to drain.
    const n = quick ? 300 : 1000;
    const t0 = Date.now();
    const ids = await submitBatch(n);
    // Storing and queueing the batch (this process, TypeORM and BullMQ) is inside the measure: it
    // shares the cores with the worker, as the API's inserts would.
    const storeSecs = (Date.now() - t0) / 1000;
    const done = await waitAll(ids);
    const secs = (Date.now() - t0) / 1000;
    const cpuPerSubmission = {
      worker: cpuSpent(cpuBefore.worker, cpuByPid([workerPid])) / n,
      sandboxes: cpuSpent(cpuBefore.sandboxes, cpuByPid(childPids(workerPid))) / n,
      postgres: cpuSpent(cpuBefore.postgres, cpuByPid(await backends())) / n,
      bench: (benchCpu() - cpuBefore.bench) / n,
    };
    const sat = summarize(latencies(done));
    const saturated = { name: 'e2e saturated (queue + worker + DB)', submissionsPerSec: n / secs, p50Ms: sat.p50, p99Ms: sat.p99 };

    // Paced at half the floor's rate: latency when the system is not overloaded.
    const pacedN = quick ? 200 : 500;
    const pacedIds: string[] = [];
    const tp = Date.now();
    const intervalMs = 1000 / pacedPerSec;
    for (let i = 0; i < pacedN; i++) {
      const due = tp + i * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pacedIds.push(...(await submitBatch(1)));
    }
    const pacedRows = await waitAll(pacedIds);
    const pc = summarize(latencies(pacedRows));
    const paced = { name: `e2e paced at ${pacedPerSec.toFixed(0)}/s (half the floor)`, submissionsPerSec: pacedN / ((Date.now() - tp) / 1000), p50Ms: pc.p50, p99Ms: pc.p99 };
    const delay = await lag();

    // RSS growth over many submissions (and the JS heap in use, from the worker's own metrics).
    const pid = worker.pid as number;
    const heapUsed = async () => {
      await fetch(`http://127.0.0.1:${metricsPort}/gc`, { method: 'POST' });
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
      return m ? Number(m[1]) / 2 ** 20 : NaN;
    };
    const heapBefore = await heapUsed();
    const before = rssMb(pid);
    const childrenBefore = childrenRssMb(pid);
    for (let left = rssCount; left > 0; left -= 1000) await waitAll(await submitBatch(Math.min(1000, left)));
    await new Promise((r) => setTimeout(r, 1000));
    const rss = { before, after: rssMb(pid), childrenBefore, childrenAfter: childrenRssMb(pid), count: rssCount, heapBefore, heapAfter: await heapUsed() };
    const counts = (await ds.query(`SELECT count(*)::int AS submissions, count(*) FILTER (WHERE "judgeAttempts" > 1)::int AS rejudged FROM submissions`))[0] as { submissions: number; rejudged: number };
    return { saturated, paced, rss, health: { lagMaxMs: delay.max, lagP99Ms: delay.p99, storeSecs, drainSecs: secs, cpuPerSubmission, ...counts } };
  } finally {
    worker?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    worker?.kill('SIGKILL');
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  if (pythonRssCount) {
    await pythonRss(pythonRssCount);
    return;
  }
  const n = quick ? 100 : 400;
  console.log(`judge benchmark: reference problem ${path.relative(root, REFERENCE_PROBLEM_PATH)} (20 tests), ${n} submissions per in-process measure`);
  const floor = await measureFloor(n);
  const rows: Row[] = e2eOnly || wasmOnly ? [floor] : [floor, await measureEngine(n), await measureEngine(n, { concurrency: 2 }), await measureCli(quick ? 20 : 50)];
  // The engine's cost per submission, floor and engine alternating one by one (same load).
  const pair = e2eOnly || wasmOnly ? undefined : await compareEngineToFloor(n);
  if (pair) rows.push(pair.floor, pair.engine);
  // A fresh Node process per submission: isolating the code as the engine does (the target's
  // baseline), and bare node:vm with no isolation beside it (the least any fresh process costs).
  const fresh = e2eOnly || wasmOnly ? undefined : await measureFreshNode(quick ? 20 : 50, true);
  const freshBare = e2eOnly || wasmOnly ? undefined : await measureFreshNode(quick ? 20 : 50, false);
  if (fresh && freshBare) rows.push(fresh, freshBare);
  if (!skipWasm && !e2eOnly) rows.push(...(await measureWasm({ pythonN: quick ? 15 : 40, sqlN: quick ? 50 : 200 })));
  let rss: Awaited<ReturnType<typeof endToEnd>>['rss'] | undefined;
  let e2e: Awaited<ReturnType<typeof endToEnd>> | undefined;
  let floorRate = floor.submissionsPerSec;
  // End to end judges on the worker's sandbox children: JUDGE_SANDBOXES, else one per CPU (as the worker).
  const cores = Number(process.env.JUDGE_SANDBOXES) || os.availableParallelism();
  let floorOnCores: Row | undefined;
  if (!skipE2e && !wasmOnly) {
    // The floor again, just before: on a shared machine one measure can land in a load spike.
    // The faster of the two is the floor's throughput (the harder target for end to end).
    const again = await measureFloor(n);
    rows.push({ ...again, name: 'floor (again, before e2e)' });
    floorRate = Math.max(floor.submissionsPerSec, again.submissionsPerSec);
    // And on as many cores as end to end uses: that many floor loops at once.
    floorOnCores = await measureFloorParallel(n, cores);
    rows.push(floorOnCores);
    e2e = await endToEnd(floorRate / 2);
    rows.push(e2e.saturated, e2e.paced);
    rss = e2e.rss;
  }
  console.log('');
  console.log(['measure'.padEnd(40), 'subs/s'.padStart(9), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'cost vs floor'.padStart(14)].join(' '));
  for (const r of rows) {
    const ratio = r.p50Ms / (r.floorP50Ms ?? floor.p50Ms);
    console.log([r.name.padEnd(40), fmt(r.submissionsPerSec).padStart(9), fmt(r.p50Ms, 2).padStart(9), fmt(r.p99Ms, 2).padStart(9), `${fmt(ratio, 2)}x`.padStart(14)].join(' '));
  }
  console.log('(cost vs floor = per-submission p50 / its own floor p50: JavaScript rows against the JavaScript floor, python and sql rows against theirs; the e2e p50 includes queueing)');
  if (!skipWasm && !e2eOnly)
    console.log('(python/sql floors and engine rows alternate submission by submission; python engine paced: a 300 ms pause and a floor submission between its submissions, time in which the child prepares the next interpreter; back to back: each waits for that; subs/s of alternating rows = 1000 / mean latency)');
  // The targets of issue 16, each a ratio to a baseline measured above, in this run (medians).
  const targets: Array<[string, string, boolean]> = [];
  if (pair) targets.push([`engine cost per submission: ${fmt(pair.ratio, 2)}x the floor (p50, interleaved)`, '<= 1.20x', pair.ratio <= 1.2]);
  if (e2e) {
    const share = e2e.saturated.submissionsPerSec / floorRate;
    const onCores = floorOnCores ? ` (${fmt((e2e.saturated.submissionsPerSec / floorOnCores.submissionsPerSec) * 100, 0)}% of the floor on ${cores} cores at once, ${fmt(floorOnCores.submissionsPerSec)}/s)` : '';
    targets.push([`end to end saturated: ${fmt(e2e.saturated.submissionsPerSec)} subs/s = ${fmt(share * 100, 0)}% of the one-loop floor's ${fmt(floorRate)}/s (the faster measure)${onCores}`, '>= 70% of the one-loop floor', share >= 0.7]);
    targets.push([`p99 paced at half the floor's rate (${fmt(floorRate / 2, 0)}/s): ${fmt(e2e.paced.p99Ms, 0)} ms`, '< 250 ms', e2e.paced.p99Ms < 250]);
  }
  if (fresh && freshBare && pair) {
    const x = fresh.p50Ms / pair.engine.p50Ms;
    const bare = `without isolation (node:vm): ${fmt(freshBare.p50Ms, 1)} ms = ${fmt(freshBare.p50Ms / pair.engine.p50Ms, 1)}x`;
    targets.push([`fresh Node process per submission, isolated-vm: ${fmt(fresh.p50Ms, 1)} ms = ${fmt(x, 1)}x the engine's ${fmt(pair.engine.p50Ms, 2)} ms (${bare})`, '>= 10x', x >= 10]);
  }
  if (targets.length) {
    console.log('\ntargets (issue 16):');
    for (const [what, target, met] of targets) console.log(`  ${met ? 'met ' : 'MISS'}  ${what}  (target ${target})`);
  }
  if (pair) console.log(`CPU per submission (interleaved, less sensitive to load than wall time): floor ${fmt(pair.cpu.floorMs, 2)} ms, engine ${fmt(pair.cpu.engineMs, 2)} ms (sandbox child ${fmt(pair.cpu.childMs, 2)} + pool side) = ${fmt(pair.cpu.ratio, 2)}x`);
  if (e2e) {
    const h = e2e.health;
    console.log(
      `worker event-loop delay over saturated + paced: max ${fmt(h.lagMaxMs, 0)} ms, p99 ${fmt(h.lagP99Ms, 0)} ms (job locks are renewed every JUDGE_LOCK_MS / 2); submissions judged more than once: ${h.rejudged} of ${h.submissions}`,
    );
    console.log(`saturated batch: stored and queued in ${fmt(h.storeSecs, 2)} s (inside the measure), last verdict after ${fmt(h.drainSecs, 2)} s`);
    const c = h.cpuPerSubmission;
    console.log(
      `saturated, CPU per submission: sandbox children ${fmt(c.sandboxes, 2)} ms, worker ${fmt(c.worker, 2)} ms, PostgreSQL backends ${fmt(c.postgres, 2)} ms, this process (storing, queueing, polling) ${fmt(c.bench, 2)} ms; total ${fmt(c.sandboxes + c.worker + c.postgres + c.bench, 2)} ms (Redis not counted)`,
    );
  }
  if (rss) {
    console.log(
      `worker RSS: ${fmt(rss.before)} MB before, ${fmt(rss.after)} MB after ${rss.count} submissions (growth ${fmt(rss.after - rss.before)} MB); JS heap in use after a forced GC ${fmt(rss.heapBefore)} -> ${fmt(rss.heapAfter)} MB; sandbox children ${fmt(rss.childrenBefore)} -> ${fmt(rss.childrenAfter)} MB`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:judge failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
