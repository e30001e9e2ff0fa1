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

/** Optional /metrics endpoint for the worker (WORKER_METRICS_PORT). */
export function serveMetrics(port: number): Server {
  return createServer((req, res) => {
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
