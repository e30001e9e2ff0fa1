import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';

/**
 * The whole environment, validated once at start into a typed object. Nothing else in the
 * code base reads process.env: it asks for AppConfig instead.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intIn = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max);

export interface HostPort {
  host: string;
  port: number;
}

/** `host:port,host:port` (IPv6 in brackets: `[::1]:26379`). */
const hostList = z.string().transform((raw, ctx): HostPort[] => {
  const out: HostPort[] = [];
  for (const item of raw.split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$/.exec(item);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `must be host:port pairs separated by commas ("${item}" is not)` });
      return z.NEVER;
    }
    out.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  if (!out.length) {
    ctx.addIssue({ code: 'custom', message: 'must name at least one host:port' });
    return z.NEVER;
  }
  return out;
});

const fields = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intIn(0, 65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    TRUST_PROXY: z
      .string()
      .regex(/^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/, 'a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges')
      .default('loopback'),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
      .default('sqlite:data/platform.sqlite'),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier').optional(),
    DATABASE_LOGGING: bool.default(false),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:{}-]*$/, 'letters, digits and _ . : - { } only').default('hp'),
    REDIS_SENTINELS: hostList.optional(),
    REDIS_SENTINEL_NAME: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits and _ . - only').optional(),
    REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
    REDIS_CLUSTER_NODES: hostList.optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: intIn(60, 60 * 60 * 24 * 30).default(3600),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    SEED_DEMO_DATA: bool.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_ATTEMPTS_PER_EMAIL: intIn(1, 10_000).default(5),
    LOGIN_MAX_ATTEMPTS_PER_IP: intIn(1, 100_000).default(50),
    LOGIN_WINDOW_SECONDS: intIn(1, 86_400).default(900),
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: intIn(1, 100_000).default(20),
    LOGIN_TRUSTED_SOURCE_DAYS: intIn(0, 365).default(30),
    LOGIN_MAX_LOCK_SECONDS: intIn(1, 7 * 86_400).default(86_400),
    REGISTER_MAX_PER_IP: intIn(1, 100_000).default(20),
    REGISTER_WINDOW_SECONDS: intIn(1, 86_400).default(3600),
    AUTH_RECHECK_SECONDS: intIn(0, 300).default(5),
    GRAPHQL_MAX_DEPTH: intIn(2, 50).default(10),
    GRAPHQL_MAX_COMPLEXITY: intIn(10, 1_000_000).default(20_000),
    GRAPHQL_MAX_DOCUMENT_BYTES: intIn(1024, 1_048_576).default(16_384),
    GRAPHQL_MAX_TOKENS: intIn(100, 100_000).default(3000),
    GRAPHQL_MAX_FRAGMENTS: intIn(1, 200).default(50),
    GRAPHQL_MAX_RESPONSE_BYTES: intIn(65_536, 268_435_456).default(4_194_304),
    GRAPHQL_WS_MAX_MESSAGE_BYTES: intIn(4096, 16_777_216).default(65_536),
    GRAPHQL_INTROSPECTION: bool.optional(),
    JUDGE_CONCURRENCY: intIn(1, 64).optional(),
    JUDGE_SANDBOXES: intIn(1, 64).optional(),
    JUDGE_MAX_ATTEMPTS: intIn(1, 20).default(3),
    JUDGE_LOCK_MS: intIn(1000, 600_000).default(10_000),
    SWEEPER_INTERVAL_MS: intIn(100, 3_600_000).default(5000),
    JUDGE_SUBMISSIONS_PER_MINUTE: intIn(1, 10_000).default(10),
    JUDGE_RUNS_PER_MINUTE: intIn(1, 10_000).default(20),
    JUDGE_IN_FLIGHT_PER_CANDIDATE: intIn(1, 64).default(2),
    JUDGE_TYPECHECK_BUDGET_MS: intIn(100, 120_000).default(2000),
    JUDGE_TYPECHECK_THREADS: intIn(1, 64).optional(),
    JUDGE_CACHE_DIR: z.string().min(1).optional(),
    WORKER_METRICS_PORT: intIn(0, 65535).optional(),
    SIMILARITY_DEBOUNCE_MS: intIn(0, 86_400_000).default(180_000),
    SIMILARITY_MAX_FILES: intIn(2, 5000).default(500),
    SIMILARITY_MAX_HEAP_MB: intIn(64, 16_384).default(1024),
    SIMILARITY_TIMEOUT_MS: intIn(1000, 3_600_000).default(300_000),
    WEB_DIST_DIR: z.string().optional(),
});

/** Rules across variables, checked on the raw values so they are reported with the others. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (!!env.ADMIN_EMAIL !== !!env.ADMIN_PASSWORD) {
    problems.push(`${env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'} is missing: ADMIN_EMAIL and ADMIN_PASSWORD go together`);
  }
  if (env.REDIS_SENTINELS && env.REDIS_CLUSTER_NODES) problems.push('REDIS_SENTINELS and REDIS_CLUSTER_NODES exclude each other: Sentinel or Cluster, not both');
  if (!!env.REDIS_SENTINELS !== !!env.REDIS_SENTINEL_NAME) {
    problems.push(`${env.REDIS_SENTINELS ? 'REDIS_SENTINEL_NAME' : 'REDIS_SENTINELS'} is missing: REDIS_SENTINELS and REDIS_SENTINEL_NAME (the master's name) go together`);
  }
  if (env.REDIS_CLUSTER_NODES && env.REDIS_URL && /^rediss?:\/\/[^/]*\/[1-9]/.test(env.REDIS_URL)) problems.push('REDIS_URL selects a database other than 0, which Redis Cluster does not have');
  return problems;
}

/**
 * How the platform reaches Redis. `url` always applies: alone it is the server; with Sentinel or
 * Cluster its user, password, database and TLS (rediss://) apply to the data nodes, whose
 * addresses come from the sentinels or the cluster.
 */
export interface RedisConfig {
  url: string;
  /**
   * Prefix of every key and channel. Under Cluster it always holds a hash tag (`{hp}`), so every
   * key of the platform lives in one slot: BullMQ's scripts and the admission lock touch
   * several keys at once, which Cluster allows only within a slot.
   */
  prefix: string;
  /** Redis Sentinel: ioredis asks these sentinels for the current master of `name`, and follows failovers. */
  sentinel?: { sentinels: HostPort[]; name: string; password?: string };
  /** Redis Cluster: seed nodes; ioredis discovers the rest and follows slot moves. */
  cluster?: { nodes: HostPort[] };
}

/** Wraps a prefix in a hash tag unless it has one (`hp` -> `{hp}`): one slot for all keys. */
export function hashTagged(prefix: string): string {
  return /\{[^{}]+\}/.test(prefix) ? prefix : `{${prefix || 'hp'}}`;
}

export type DatabaseConfig =
  | { type: 'sqlite'; file: string; logging: boolean }
  | { type: 'postgres'; url: string; schema?: string; logging: boolean };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** Which proxies' X-Forwarded-For / -Proto the API believes (Express `trust proxy`): a hop count or a list. */
  trustProxy: number | string;
  database: DatabaseConfig;
  redis: RedisConfig;
  jwt: { secret: string; ttlSeconds: number; generated: boolean };
  admin?: { email: string; password: string };
  seedDemoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  login: {
    maxPerEmail: number;
    maxPerAccount: number;
    maxPerIp: number;
    windowSeconds: number;
    trustedSourceSeconds: number;
    maxLockSeconds: number;
  };
  register: { maxPerIp: number; windowSeconds: number };
  /** How long a token's account state (active, role, token version) may be served from cache. */
  authRecheckSeconds: number;
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    maxDocumentBytes: number;
    maxTokens: number;
    maxFragments: number;
    maxResponseBytes: number;
    wsMaxMessageBytes: number;
    introspection: boolean;
  };
  judge: {
    concurrency: number;
    sandboxes?: number;
    maxAttempts: number;
    lockMs: number;
    sweeperIntervalMs: number;
    metricsPort?: number;
    /** submitSolution calls a candidate may make per minute. */
    submissionsPerMinute: number;
    /** runCode calls a candidate may make per minute. */
    runsPerMinute: number;
    /** A candidate's jobs in the judge queue at once; the rest wait in the database, in order. */
    inFlightPerCandidate: number;
    /** Wall time of one TypeScript type check; past it the check is stopped and reported as skipped. */
    typeCheckBudgetMs: number;
    /** Type checks at once per worker (default: the sandbox count). */
    typeCheckThreads?: number;
    /** Where the judge keeps Pyodide's memory snapshot and problems' generated tests for the processes after it (null: nowhere, the default). */
    cacheDir?: string | null;
  };
  /** Code similarity between submissions (libs/integrity): run by the worker off the request path. */
  similarity: {
    /** An analysis runs at most once per this window per assessment, problem and language (0 = at once). */
    debounceMs: number;
    /** Files compared in one analysis (the most recent final submissions, plus reference solutions). */
    maxFiles: number;
    /** Old-generation heap of the analysis child process, in MB. */
    maxHeapMb: number;
    /** Wall time of one analysis before its child is killed. */
    timeoutMs: number;
  };
  webDistDir?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default). Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const cleaned = Object.fromEntries(
    Object.keys(fields.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = fields.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL.startsWith('sqlite:')
    ? { type: 'sqlite', file: path.resolve(cwd, e.DATABASE_URL.slice('sqlite:'.length) || 'data/platform.sqlite'), logging: e.DATABASE_LOGGING }
    : { type: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA, logging: e.DATABASE_LOGGING };
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    database,
    redis: {
      url: e.REDIS_URL,
      prefix: e.REDIS_CLUSTER_NODES ? hashTagged(e.REDIS_PREFIX) : e.REDIS_PREFIX,
      sentinel: e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME ? { sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME, password: e.REDIS_SENTINEL_PASSWORD } : undefined,
      cluster: e.REDIS_CLUSTER_NODES ? { nodes: e.REDIS_CLUSTER_NODES } : undefined,
    },
    jwt: {
      secret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
      ttlSeconds: e.JWT_TTL_SECONDS,
      generated: !e.JWT_SECRET,
    },
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : undefined,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    login: {
      maxPerEmail: e.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
      maxPerAccount: e.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
      maxPerIp: e.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
      trustedSourceSeconds: e.LOGIN_TRUSTED_SOURCE_DAYS * 86_400,
      maxLockSeconds: e.LOGIN_MAX_LOCK_SECONDS,
    },
    register: { maxPerIp: e.REGISTER_MAX_PER_IP, windowSeconds: e.REGISTER_WINDOW_SECONDS },
    authRecheckSeconds: e.AUTH_RECHECK_SECONDS,
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      maxDocumentBytes: e.GRAPHQL_MAX_DOCUMENT_BYTES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxFragments: e.GRAPHQL_MAX_FRAGMENTS,
      maxResponseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
      wsMaxMessageBytes: e.GRAPHQL_WS_MAX_MESSAGE_BYTES,
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    },
    judge: {
      concurrency: e.JUDGE_CONCURRENCY ?? 4,
      sandboxes: e.JUDGE_SANDBOXES,
      maxAttempts: e.JUDGE_MAX_ATTEMPTS,
      lockMs: e.JUDGE_LOCK_MS,
      sweeperIntervalMs: e.SWEEPER_INTERVAL_MS,
      metricsPort: e.WORKER_METRICS_PORT,
      submissionsPerMinute: e.JUDGE_SUBMISSIONS_PER_MINUTE,
      runsPerMinute: e.JUDGE_RUNS_PER_MINUTE,
      inFlightPerCandidate: e.JUDGE_IN_FLIGHT_PER_CANDIDATE,
      typeCheckBudgetMs: e.JUDGE_TYPECHECK_BUDGET_MS,
      typeCheckThreads: e.JUDGE_TYPECHECK_THREADS,
      cacheDir: e.JUDGE_CACHE_DIR === undefined || e.JUDGE_CACHE_DIR === 'off' ? null : path.resolve(cwd, e.JUDGE_CACHE_DIR),
    },
    similarity: {
      debounceMs: e.SIMILARITY_DEBOUNCE_MS,
      maxFiles: e.SIMILARITY_MAX_FILES,
      maxHeapMb: e.SIMILARITY_MAX_HEAP_MB,
      timeoutMs: e.SIMILARITY_TIMEOUT_MS,
    },
    webDistDir: e.WEB_DIST_DIR,
  };
}

/** Redacts secrets so the config can be logged at start. */
export function describeConfig(c: AppConfig): Record<string, unknown> {
  return {
    env: c.env,
    port: c.port,
    database: c.database.type === 'sqlite' ? `sqlite:${c.database.file}` : c.database.url.replace(/\/\/[^@/]*@/, '//***@'),
    redis: c.redis.url.replace(/\/\/[^@/]*@/, '//***@'),
    redisTopology: c.redis.sentinel
      ? `sentinel ${c.redis.sentinel.name} via ${c.redis.sentinel.sentinels.map((h) => `${h.host}:${h.port}`).join(',')}`
      : c.redis.cluster
        ? `cluster via ${c.redis.cluster.nodes.map((h) => `${h.host}:${h.port}`).join(',')}`
        : 'single',
    redisPrefix: c.redis.prefix,
    jwtSecret: c.jwt.generated ? 'generated' : 'set',
    admin: c.admin ? c.admin.email : undefined,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
