/**
 * The pure pieces of `npm run chaos`: how faults scale with the run, when they happen, how a
 * response is classified, and how the final checks are computed from what was recorded. No I/O
 * here, so chaos-checks.spec.ts pins them.
 */
import { percentile } from '../bench/stats';

export type FaultKind = 'worker-kill' | 'api-kill' | 'worker-stop' | 'redis-restart' | 'redis-flush-restart' | 'postgres-restart';

export const FAULT_KINDS: FaultKind[] = ['worker-kill', 'api-kill', 'worker-stop', 'redis-restart', 'redis-flush-restart', 'postgres-restart'];

/**
 * How long a client waits before its `attempt`-th retry (0-based): exponential back-off with full
 * jitter, as graphql-ws's own clients and AWS's SDKs do (`draw` in [0, 1)). A fixed short delay
 * makes every client of a dead API come back at once, thousands of times over a long fault.
 */
export function backoffMs(attempt: number, draw: number, baseMs = 300, capMs = 10_000): number {
  return Math.round(draw * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)));
}

/** The counts for 10,000 submissions. */
const FULL_RUN: Record<FaultKind, number> = {
  'worker-kill': 100,
  'api-kill': 10,
  'worker-stop': 1,
  'redis-restart': 2,
  'redis-flush-restart': 1,
  'postgres-restart': 2,
};

/** Fault counts scaled by N (against 10,000), each at least once: a small run still meets every kind. */
export function faultCounts(submissions: number): Record<FaultKind, number> {
  const scale = submissions / 10_000;
  return Object.fromEntries(FAULT_KINDS.map((k) => [k, Math.max(1, Math.round(FULL_RUN[k] * scale))])) as Record<FaultKind, number>;
}

/** The run: 10,000 submissions, of which the capacity (10%) and fault-free (15%) phases take a quarter. */
const FULL_CHAOS_PHASE = 10_000 - 1000 - 1500;

/**
 * Submissions of the faults phase: the rest of N, but at least enough to keep the run's
 * fault density (7,500 submissions for its 116 faults). A small run meets every kind at least
 * once (faultCounts); crammed into its short phase, 10 faults in 50 s measured the fault
 * density, not the platform (the 500 run: throughput 40% of fault-free).
 */
export function faultsPhaseSubmissions(rest: number, faults: number): number {
  const full = Object.values(FULL_RUN).reduce((a, b) => a + b, 0);
  return Math.max(rest, Math.ceil((faults * FULL_CHAOS_PHASE) / full));
}

/** A seeded PRNG (mulberry32), so a run's choices can be replayed with --seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order of the faults: shuffled, with the heavy ones (everything but worker kills) spread
 * evenly between the worker kills, and the Redis restart that loses its data never first (so
 * there is work in flight to lose).
 */
export function faultPlan(counts: Record<FaultKind, number>, random: () => number): FaultKind[] {
  const heavy: FaultKind[] = [];
  for (const k of FAULT_KINDS) if (k !== 'worker-kill') for (let i = 0; i < counts[k]; i++) heavy.push(k);
  for (let i = heavy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [heavy[i], heavy[j]] = [heavy[j], heavy[i]];
  }
  if (heavy[0] === 'redis-flush-restart' && heavy.length > 1) [heavy[0], heavy[1]] = [heavy[1], heavy[0]];
  const kills = counts['worker-kill'];
  const plan: FaultKind[] = [];
  // heavy.length + 1 runs of worker kills, as even as the counts allow.
  const slots = heavy.length + 1;
  let placed = 0;
  for (let s = 0; s < slots; s++) {
    const upTo = Math.round(((s + 1) * kills) / slots);
    for (; placed < upTo; placed++) plan.push('worker-kill');
    if (s < heavy.length) plan.push(heavy[s]);
  }
  return plan;
}

/** Codes a client can act on; anything else (or a 5xx, a stack, a body that is not GraphQL) is not clean. */
export const STABLE_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'IDEMPOTENCY_KEY_REUSED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

export type Outcome =
  /** Data, no errors. */
  | { kind: 'ok' }
  /** A GraphQL error with a stable code and no internals. */
  | { kind: 'clean-error'; code: string; retryable: boolean }
  /** No HTTP answer at all: refused, reset, timed out or dropped by the client (the process was down or the client gave up). */
  | { kind: 'transport'; reason: string }
  /** An answer a client cannot act on: a 5xx without a stable code, INTERNAL_SERVER_ERROR, a stack trace, or not GraphQL. */
  | { kind: 'unclean'; detail: string };

/** Classifies one HTTP answer from /graphql. */
export function classifyResponse(status: number, body: string): Outcome {
  let parsed: { data?: unknown; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { kind: 'unclean', detail: `HTTP ${status}, not JSON: ${body.slice(0, 120)}` };
  }
  const errors = parsed.errors ?? [];
  if (!errors.length) {
    return status < 400 && parsed.data ? { kind: 'ok' } : { kind: 'unclean', detail: `HTTP ${status} without data or errors` };
  }
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !STABLE_CODES.has(code)) return { kind: 'unclean', detail: `HTTP ${status} code ${String(code)}: ${String(e.message).slice(0, 160)}` };
    if (e.extensions && ('stacktrace' in e.extensions || 'exception' in e.extensions)) return { kind: 'unclean', detail: `HTTP ${status} code ${code} with a stack trace` };
    if (/\n\s+at |QueryFailedError|ECONN|node_modules/.test(String(e.message))) return { kind: 'unclean', detail: `HTTP ${status} code ${code} leaks internals: ${String(e.message).slice(0, 160)}` };
  }
  if (status >= 500 && errors[0].extensions?.code !== 'SERVICE_UNAVAILABLE') return { kind: 'unclean', detail: `HTTP ${status} with code ${String(errors[0].extensions?.code)}` };
  const code = errors[0].extensions!.code as string;
  return { kind: 'clean-error', code, retryable: code === 'SERVICE_UNAVAILABLE' || code === 'RATE_LIMITED' };
}

export interface Window {
  kind: FaultKind;
  start: number;
  end: number;
}

/** Whether time t (ms) falls inside any fault window (with `slackMs` after each end for answers in flight). */
export function inFault(t: number, windows: Window[], slackMs = 0): boolean {
  return windows.some((w) => t >= w.start && t <= w.end + slackMs);
}

/** Per fault kind: fault end -> first verdict written after it, in ms. Windows with no later verdict count as NaN (not recovered). */
export function recoveryTimes(windows: Window[], verdictTimes: number[]): Map<FaultKind, number[]> {
  const sorted = [...verdictTimes].sort((a, b) => a - b);
  const out = new Map<FaultKind, number[]>();
  for (const w of windows) {
    const next = firstAfter(sorted, w.end);
    const list = out.get(w.kind) ?? [];
    list.push(next === undefined ? NaN : next - w.end);
    out.set(w.kind, list);
  }
  return out;
}

function firstAfter(sorted: number[], t: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** Verdicts per second over [from, to). */
export function rate(times: number[], from: number, to: number): number {
  if (to <= from) return NaN;
  return times.filter((t) => t >= from && t < to).length / ((to - from) / 1000);
}

/** Verdicts per second inside the fault windows only (each window counted once, overlaps merged). */
export function rateInWindows(times: number[], windows: Window[]): number {
  const merged = mergeWindows(windows);
  const span = merged.reduce((a, w) => a + (w.end - w.start), 0);
  if (!span) return NaN;
  return times.filter((t) => merged.some((w) => t >= w.start && t < w.end)).length / (span / 1000);
}

export function mergeWindows(windows: Window[]): Array<{ start: number; end: number }> {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push({ start: w.start, end: w.end });
  }
  return out;
}

export function p50p99(xs: number[]): { p50: number; p99: number; n: number } {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), n: xs.length };
}

export interface CheckRow {
  check: string;
  figure: string;
  pass: boolean;
}

/** The table the command prints (and the README shows). */
export function renderTable(rows: CheckRow[]): string {
  const lines = ['| check | figure | result |', '| --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.check} | ${r.figure} | ${r.pass ? 'pass' : '**FAIL**'} |`);
  return lines.join('\n');
}
