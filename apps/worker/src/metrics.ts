import { createServer, Server } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const jobsTotal = new Counter({
  name: 'judge_jobs_total',
  help: 'Judge jobs processed, by job name and outcome',
  labelNames: ['name', 'outcome'] as const,
  registers: [registry],
});

export const judgeDuration = new Histogram({
  name: 'judge_job_duration_seconds',
  help: 'Time to process one judge job',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

type Check = { ok: boolean; error?: string };
export type Readiness = () => Promise<{ ok: boolean; checks: Record<string, Check> }>;

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Ready: the database answers and the Redis connection (queue, locks) is up: what the API's /ready checks. */
export function readiness(db: { query(sql: string): Promise<unknown> }, redis: { status: string; ping(): Promise<unknown> }): Readiness {
  return async () => {
    const [database, r] = await Promise.all([
      timed(() => db.query('SELECT 1'), 2000),
      redis.status === 'ready' ? timed(() => redis.ping(), 1000) : Promise.resolve<Check>({ ok: false, error: `connection is ${redis.status}` }),
    ]);
    return { ok: database.ok && r.ok, checks: { database, redis: r } };
  };
}

/**
 * Optional HTTP endpoint of the worker (WORKER_METRICS_PORT): /metrics, /health (the process
 * answers), /ready (database and Redis reachable; 503 otherwise): what orchestrators probe.
 */
export function serveMetrics(port: number, ready?: Readiness): Server {
  return createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/ready' && ready) {
      ready().then(
        (r) => res.writeHead(r.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: r.ok ? 'ready' : 'unavailable', checks: r.checks })),
        () => res.writeHead(503).end(),
      );
      return;
    }
    // Benchmarks start the worker with --expose-gc to measure retained memory, not garbage.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (req.url === '/gc' && req.method === 'POST' && gc) {
      gc();
      res.writeHead(204).end();
      return;
    }
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  }).listen(port);
}
