/**
 * `npm run bench:sweep`: what the judge's sweeper pays to check a backlog's jobs in Redis, against
 * a baseline measured in the same run: BullMQ's `getJobState` once per job, which is how the
 * sweeper checked them until 2026-12-02 (a Lua script that searches the active and wait lists
 * with LPOS: O(queue length) per job, so O(n²) per sweep). The sweeper now reads a page's jobs
 * in one pipelined round trip, an EXISTS and a ZSCORE per job (`JudgeQueue.presence`).
 *
 * For each backlog size it adds that many waiting jobs under a prefix of its own on REDIS_URL
 * (default redis://127.0.0.1:6379), checks them all `--rounds` times each way in pages of 200
 * as a sweep does, and prints medians: wall time, this process's CPU time, and Redis's own time
 * (INFO commandstats). Then deletes its keys. Options: --sizes 400,2000 --rounds 7.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { JudgeQueue } from '@app/queue';
import { median } from './stats';

const PAGE = 200;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function redisUsec(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  let total = 0;
  for (const m of info.matchAll(/usec=(\d+)/g)) total += Number(m[1]);
  return total;
}

interface Cost {
  wallMs: number;
  cpuMs: number;
  redisMs: number;
}

async function measure(redis: Redis, check: () => Promise<void>): Promise<Cost> {
  const redisBefore = await redisUsec(redis);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await check();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // The INFO call itself adds a few microseconds, the same to both sides.
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, redisMs: ((await redisUsec(redis)) - redisBefore) / 1000 };
}

async function main(): Promise<void> {
  const sizes = option('sizes', '400,2000').split(',').map(Number);
  const rounds = Number(option('rounds', '7'));
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const prefix = `bench-sweep-${process.pid}`;
  const queue = new JudgeQueue(redis, prefix, 3);
  console.log(`bench:sweep: checking every job of a backlog, pages of ${PAGE}; medians of ${rounds} rounds`);
  console.log('| waiting jobs | getJobState per job (baseline): wall / CPU / Redis | presence, a pipeline per page: wall / CPU / Redis | ratio (wall, CPU, Redis) |');
  console.log('| --- | --- | --- | --- |');
  try {
    for (const size of sizes) {
      await queue.queue.obliterate({ force: true });
      const ids = Array.from({ length: size }, () => randomUUID());
      for (let i = 0; i < ids.length; i += 100) await Promise.all(ids.slice(i, i + 100).map((id) => queue.enqueue(id, 10_000)));
      const pages: string[][] = [];
      for (let i = 0; i < ids.length; i += PAGE) pages.push(ids.slice(i, i + PAGE));
      const baseline: Cost[] = [];
      const piped: Cost[] = [];
      for (let r = 0; r < rounds; r++) {
        baseline.push(
          await measure(redis, async () => {
            for (const id of ids) if ((await queue.state(id)) !== 'waiting') throw new Error(`job ${id} not waiting`);
          }),
        );
        piped.push(
          await measure(redis, async () => {
            for (const page of pages) {
              const found = await queue.presence(page);
              for (const id of page) if (found.get(id) !== 'present') throw new Error(`job ${id} not present`);
            }
          }),
        );
      }
      const m = (costs: Cost[], k: keyof Cost) => median(costs.map((c) => c[k]));
      const fmt = (costs: Cost[]) => `${m(costs, 'wallMs').toFixed(1)} / ${m(costs, 'cpuMs').toFixed(1)} / ${m(costs, 'redisMs').toFixed(1)} ms`;
      const ratio = (k: keyof Cost) => `${(m(baseline, k) / Math.max(m(piped, k), 1e-3)).toFixed(0)}x`;
      console.log(`| ${size} | ${fmt(baseline)} | ${fmt(piped)} | ${ratio('wallMs')}, ${ratio('cpuMs')}, ${ratio('redisMs')} |`);
    }
  } finally {
    await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:sweep failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
