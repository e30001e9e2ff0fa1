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
  help: 'GraphQL operations by type, name and outcome',
  labelNames: ['type', 'name', 'outcome'] as const,
  registers: [registry],
});
