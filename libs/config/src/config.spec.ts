import { ConfigError, describeConfig, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults: embedded SQLite, local Redis, port 3000', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', file: '/srv/app/data/platform.sqlite', logging: false });
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'hp' });
    expect(c.jwt.generated).toBe(true);
    expect(c.jwt.secret).toHaveLength(64);
    expect(c.seedDemoData).toBe(true);
  });

  it('bounds the judge per candidate by default, and takes other bounds', () => {
    expect(loadConfig({}).judge).toMatchObject({ submissionsPerMinute: 10, runsPerMinute: 20, inFlightPerCandidate: 2, typeCheckBudgetMs: 2000, typeCheckThreads: undefined });
    const c = loadConfig({ JUDGE_SUBMISSIONS_PER_MINUTE: '3', JUDGE_RUNS_PER_MINUTE: '4', JUDGE_IN_FLIGHT_PER_CANDIDATE: '1', JUDGE_TYPECHECK_BUDGET_MS: '500', JUDGE_TYPECHECK_THREADS: '2' });
    expect(c.judge).toMatchObject({ submissionsPerMinute: 3, runsPerMinute: 4, inFlightPerCandidate: 1, typeCheckBudgetMs: 500, typeCheckThreads: 2 });
    expect(() => loadConfig({ JUDGE_IN_FLIGHT_PER_CANDIDATE: '0', JUDGE_TYPECHECK_BUDGET_MS: '10' })).toThrow(/JUDGE_IN_FLIGHT_PER_CANDIDATE .*JUDGE_TYPECHECK_BUDGET_MS /s);
  });

  it("keeps no sandbox cache unless told where", () => {
    expect(loadConfig({}).judge.cacheDir).toBeNull();
    expect(loadConfig({ JUDGE_CACHE_DIR: 'cache' }, '/srv/app').judge.cacheDir).toBe('/srv/app/cache');
    expect(loadConfig({ JUDGE_CACHE_DIR: 'off' }).judge.cacheDir).toBeNull();
    expect(loadConfig({ JUDGE_CACHE_DIR: '' }).judge.cacheDir).toBeNull();
  });

  it('takes Redis Sentinel settings: the sentinels, the master name, its own password', () => {
    const c = loadConfig({ REDIS_URL: 'redis://:data-pass@ignored:6379/2', REDIS_SENTINELS: 's1:26379, s2:26380,[::1]:26381', REDIS_SENTINEL_NAME: 'hp-master', REDIS_SENTINEL_PASSWORD: 'sentinel-pass' });
    expect(c.redis).toEqual({
      url: 'redis://:data-pass@ignored:6379/2',
      prefix: 'hp',
      sentinel: { sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }, { host: '::1', port: 26381 }], name: 'hp-master', password: 'sentinel-pass' },
    });
    expect(describeConfig(c)).toMatchObject({ redis: 'redis://***@ignored:6379/2', redisTopology: 'sentinel hp-master via s1:26379,s2:26380,::1:26381' });
    expect(JSON.stringify(describeConfig(c))).not.toMatch(/pass/);
  });

  it('takes Redis Cluster seed nodes and puts every key of the platform in one slot (a hash-tagged prefix)', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000,n2:7001' });
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: '{hp}', cluster: { nodes: [{ host: 'n1', port: 7000 }, { host: 'n2', port: 7001 }] } });
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000', REDIS_PREFIX: 'acme' }).redis.prefix).toBe('{acme}');
    // A prefix with its own hash tag is kept as it is.
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000', REDIS_PREFIX: '{acme}:prod' }).redis.prefix).toBe('{acme}:prod');
    // Without a cluster the prefix is never rewritten.
    expect(loadConfig({ REDIS_PREFIX: 'acme' }).redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'acme' });
  });

  it('refuses Redis topologies that cannot work, naming the variables', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:26379' })).toThrow(/REDIS_SENTINEL_NAME is missing/);
    expect(() => loadConfig({ REDIS_SENTINEL_NAME: 'm' })).toThrow(/REDIS_SENTINELS is missing/);
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'm', REDIS_CLUSTER_NODES: 'n1:7000' })).toThrow(/exclude each other/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000', REDIS_URL: 'redis://x:6379/3' })).toThrow(/database other than 0/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'n1' })).toThrow(/^.*REDIS_CLUSTER_NODES must be host:port pairs/);
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:99999', REDIS_SENTINEL_NAME: 'm' })).toThrow(/REDIS_SENTINELS must be host:port/);
  });

  it('trusts forwarded addresses from loopback proxies only, unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.7');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY a hop count/);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x' });
    expect(c.database).toEqual({ type: 'postgres', url: 'postgres://u:p@db:5432/x', schema: undefined, logging: false });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', JWT_SECRET: 'short' });
      fail('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT /m);
      expect(problems).toMatch(/^REDIS_URL must start with redis:\/\//m);
      expect(problems).toMatch(/^JWT_SECRET must be at least 32 characters/m);
    }
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'production' });
      fail('expected a ConfigError');
    } catch (e) {
      // Field errors and cross-variable rules are reported together.
      expect((e as ConfigError).problems).toEqual([expect.stringMatching(/^PORT /), 'JWT_SECRET is required when NODE_ENV=production']);
    }
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(c.jwt).toEqual({ secret: 'x'.repeat(32), ttlSeconds: 3600, generated: false });
    expect(c.seedDemoData).toBe(false);
    expect(c.graphql.introspection).toBe(false);
  });

  it('reads the GraphQL limits, with defaults, and refuses nonsense', () => {
    expect(loadConfig({}).graphql).toEqual({
      maxDepth: 10,
      maxComplexity: 20_000,
      maxDocumentBytes: 16_384,
      maxTokens: 3000,
      maxFragments: 50,
      maxResponseBytes: 4_194_304,
      wsMaxMessageBytes: 65_536,
      introspection: true,
    });
    expect(loadConfig({ GRAPHQL_MAX_RESPONSE_BYTES: '1048576', GRAPHQL_WS_MAX_MESSAGE_BYTES: '8192' }).graphql).toMatchObject({
      maxResponseBytes: 1_048_576,
      wsMaxMessageBytes: 8192,
    });
    expect(() => loadConfig({ GRAPHQL_MAX_TOKENS: '10', GRAPHQL_MAX_DOCUMENT_BYTES: 'big' })).toThrow(/GRAPHQL_MAX_DOCUMENT_BYTES .*; GRAPHQL_MAX_TOKENS /);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.co' })).toThrow(/ADMIN_PASSWORD is missing: ADMIN_EMAIL and ADMIN_PASSWORD go together/);
  });

  it('never describes secrets', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://user:hunter2@db/x', JWT_SECRET: 's'.repeat(40), REDIS_URL: 'redis://:pw@r:6379' });
    const text = JSON.stringify(describeConfig(c));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s'.repeat(40));
    expect(text).not.toContain(':pw@');
  });

  it('reads the account limits and the recheck TTL', () => {
    const c = loadConfig({});
    expect(c.login).toEqual({ maxPerEmail: 5, maxPerAccount: 20, maxPerIp: 50, windowSeconds: 900, trustedSourceSeconds: 30 * 86_400, maxLockSeconds: 86_400 });
    expect(c.register).toEqual({ maxPerIp: 20, windowSeconds: 3600 });
    expect(c.authRecheckSeconds).toBe(5);
    const d = loadConfig({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '7', LOGIN_TRUSTED_SOURCE_DAYS: '0', REGISTER_MAX_PER_IP: '2', AUTH_RECHECK_SECONDS: '0' });
    expect([d.login.maxPerAccount, d.login.trustedSourceSeconds, d.register.maxPerIp, d.authRecheckSeconds]).toEqual([7, 0, 2, 0]);
    expect(() => loadConfig({ AUTH_RECHECK_SECONDS: '-1' })).toThrow(/AUTH_RECHECK_SECONDS/);
  });
});

