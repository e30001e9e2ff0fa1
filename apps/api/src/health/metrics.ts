import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per process; /metrics serves it in Prometheus text format. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const graphqlOperations = new Counter({
  name: 'graphql_operations_total',
  help: 'GraphQL operations by type, root field (name) and outcome',
  labelNames: ['type', 'name', 'outcome'] as const,
  registers: [registry],
});

/** Paths the API serves that are not Nest routes (Nest routes report their own template). */
const FIXED_ROUTES = new Set(['/', '/graphql']);

/**
 * The `route` label: the route template that matched (`/jobs/:id/shortlist.csv`), a fixed path
 * of the API, or `other`. Never the raw path: each new value is a series kept for the life of
 * the process, and anyone can send any path.
 */
export function routeLabel(req: { route?: { path?: unknown }; originalUrl?: string; url?: string }): string {
  if (typeof req.route?.path === 'string') return req.route.path;
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return FIXED_ROUTES.has(path) ? path : 'other';
}
