import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '@app/common';
import { createRedis } from '@app/core';
import { LoginLimiter, LoginLimits } from './login-limiter';

/** The limiter on real Redis: atomicity under concurrency, refunds, known sources, doubling lock. */
describe('LoginLimiter (Redis)', () => {
  let redis: Redis;
  let prefix: string;
  const limits: LoginLimits = { maxPerEmail: 5, maxPerAccount: 3, maxPerIp: 50, windowSeconds: 60, trustedSourceSeconds: 3600, maxLockSeconds: 200 };
  const make = (l: Partial<LoginLimits> = {}) => new LoginLimiter(redis, prefix, { ...limits, ...l });
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'passed',
      (e: unknown) => (e instanceof AppError ? e.code : 'other'),
    );
  const retryAfter = async (p: Promise<unknown>): Promise<number> => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    if (!(e instanceof AppError)) throw new Error('expected RATE_LIMITED');
    return e.details.retryAfterSeconds as number;
  };
  /** What the window running out does: the bucket's key disappears. */
  const expireAccountBucket = (email: string) => redis.del(`${prefix}:login:account:${email}`);

  beforeAll(() => {
    redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  beforeEach(() => {
    prefix = `${process.env.REDIS_PREFIX ?? 'hp'}-lim-${randomBytes(4).toString('hex')}`;
  });
  afterAll(async () => {
    const keys = await redis.keys(`${process.env.REDIS_PREFIX ?? 'hp'}-lim-*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('lets exactly maxPerEmail of 100 simultaneous attempts through, from one IP', async () => {
    const limiter = make({ maxPerAccount: 1000 });
    const got = await Promise.all(Array.from({ length: 100 }, () => outcome(limiter.begin('a@example.com', '10.0.0.1'))));
    expect(got.filter((x) => x === 'passed')).toHaveLength(5);
    expect(got.filter((x) => x === 'RATE_LIMITED')).toHaveLength(95);
  });

  it('a success gives its points back; a failure keeps them', async () => {
    const limiter = make();
    for (let i = 0; i < 10; i++) await (await limiter.begin('b@example.com', '10.0.0.2')).succeeded();
    for (let i = 0; i < 5; i++) await (await limiter.begin('b@example.com', '10.0.0.2')).failed();
    expect(await outcome(limiter.begin('b@example.com', '10.0.0.2'))).toBe('RATE_LIMITED');
  });

  it('a refused attempt takes nothing from the buckets that would have allowed it', async () => {
    const limiter = make({ maxPerIp: 6, maxPerAccount: 1000 });
    for (let i = 0; i < 5; i++) await (await limiter.begin('c@example.com', '10.0.0.3')).failed();
    // 20 more for c@ from that IP are refused by the email+IP bucket: the IP keeps its last point.
    for (let i = 0; i < 20; i++) expect(await outcome(limiter.begin('c@example.com', '10.0.0.3'))).toBe('RATE_LIMITED');
    expect(await outcome(limiter.begin('other@example.com', '10.0.0.3'))).toBe('passed');
    expect(await outcome(limiter.begin('third@example.com', '10.0.0.3'))).toBe('RATE_LIMITED');
  });

  it('an IP that logged in before skips the per-account bucket that strangers exhausted', async () => {
    const limiter = make();
    await (await limiter.begin('d@example.com', '10.0.0.4')).succeeded();
    expect(await limiter.isKnownSource('d@example.com', '10.0.0.4')).toBe(true);
    for (let i = 0; i < 3; i++) await (await limiter.begin('d@example.com', `10.9.0.${i}`)).failed();
    expect(await outcome(limiter.begin('d@example.com', '10.9.1.1'))).toBe('RATE_LIMITED');
    expect(await outcome(limiter.begin('d@example.com', '10.0.0.4'))).toBe('passed');
  });

  it('locks the account bucket for window x 2^(n-1) per lock-out, up to the ceiling', async () => {
    const limiter = make();
    const seen: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await (await limiter.begin('e@example.com', `10.8.${round}.${i}`)).failed();
      seen.push(await retryAfter(limiter.begin('e@example.com', `10.8.${round}.99`)));
      // Later refusals report the lock in force rather than locking again.
      expect(await retryAfter(limiter.begin('e@example.com', `10.8.${round}.98`))).toBeLessThanOrEqual(seen[round]);
      await expireAccountBucket('e@example.com');
    }
    expect(seen).toEqual([60, 120, 200, 200]);
  });

  it('counts a whole IPv6 /64 as one source', async () => {
    const limiter = make({ maxPerAccount: 1000 });
    for (let i = 1; i <= 5; i++) await (await limiter.begin('f@example.com', `2001:db8:7:7::${i.toString(16)}`)).failed();
    expect(await outcome(limiter.begin('f@example.com', '2001:db8:7:7:dead:beef:0:1'))).toBe('RATE_LIMITED');
    expect(await outcome(limiter.begin('f@example.com', '2001:db8:7:8::1'))).toBe('passed');
  });
});

