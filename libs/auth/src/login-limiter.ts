import { isIPv4, isIPv6 } from 'node:net';
import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@app/common';

export interface LoginLimits {
  /** Failed attempts per email from one IP (the owner's own bucket). */
  maxPerEmail: number;
  /** Failed attempts per email from all IPs that have not logged in to it before. */
  maxPerAccount: number;
  /** Failed attempts per IP, all emails together. */
  maxPerIp: number;
  windowSeconds: number;
  /** How long an IP that logged in to an account stays a known source of that account. */
  trustedSourceSeconds: number;
  /** Ceiling of the doubling lock of the per-account bucket. */
  maxLockSeconds: number;
}

export interface RegisterLimits {
  maxPerIp: number;
  windowSeconds: number;
}

/** A login attempt that passed the limiter: say how it ended. */
export interface LoginAttempt {
  /** Gives back the points this attempt took and remembers the IP as a known source. */
  succeeded(): Promise<void>;
  /** Keeps the points taken: they are the failure count. */
  failed(): Promise<void>;
  /** The attempt could not be judged (e.g. the database failed): gives the points back. */
  cancel(): Promise<void>;
}

const rateLimited = (ms: number, what: string): AppError => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `${what} Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
};

/**
 * The source a limit is keyed on. An IPv6 client usually holds a whole /64 and can rotate
 * through it at will, so IPv6 addresses count per /64; IPv4-mapped IPv6 counts as the IPv4.
 */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  // A trailing dotted quad stands for two groups; it never reaches the first four.
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function makeLimiter(redis: Redis, keyPrefix: string, points: number, duration: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    // If Redis is down, an in-process limiter stands in rather than letting brute force
    // through or locking everyone out; answer from it at once instead of queueing.
    insuranceLimiter: new RateLimiterMemory({ points, duration }),
    rejectIfRedisNotReady: true,
  });
}

/**
 * Login limits, taken before the password is verified. Each bucket is an atomic Redis
 * counter (rate-limiter-flexible's consume), so N parallel attempts cannot all read "4 so far"
 * and all pass: the (N+1)th is refused however many run at once. A successful login gives
 * its points back, so the counters hold failures (and attempts still in flight).
 *
 * Buckets, all over LOGIN_WINDOW_SECONDS:
 * - email + IP (LOGIN_MAX_ATTEMPTS_PER_EMAIL): the tight one; strangers elsewhere never touch
 *   the owner's bucket at the owner's IP.
 * - IP (LOGIN_MAX_ATTEMPTS_PER_IP): one source spraying many accounts.
 * - email from unknown sources (LOGIN_MAX_ATTEMPTS_PER_ACCOUNT): many IPs against one account.
 *   An IP that logged in to the account within LOGIN_TRUSTED_SOURCE_DAYS skips it, so a
 *   botnet can lock the account for new devices but not for its owner. Each time it runs out
 *   the lock doubles (window, 2x, 4x, ...) up to LOGIN_MAX_LOCK_SECONDS.
 */
export class LoginLimiter {
  private readonly bySource: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;
  private readonly byAccount: RateLimiterRedis;
  /** How many times the per-account bucket ran out in the last day: the backoff exponent. */
  private readonly lockouts: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
  ) {
    this.bySource = makeLimiter(redis, `${prefix}:login:source`, limits.maxPerEmail, limits.windowSeconds);
    this.byIp = makeLimiter(redis, `${prefix}:login:ip`, limits.maxPerIp, limits.windowSeconds);
    this.byAccount = makeLimiter(redis, `${prefix}:login:account`, limits.maxPerAccount, limits.windowSeconds);
    this.lockouts = makeLimiter(redis, `${prefix}:login:lockouts`, 1_000_000, 86_400);
  }

  private trustKey(email: string, ip: string): string {
    return `${this.prefix}:login:trusted:${email}|${ip}`;
  }

  /** Whether `ip` logged in to `email` recently. Redis down: not known, the stricter answer. */
  async isKnownSource(email: string, address: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.trustKey(email, sourceOf(address)))) === 1;
    } catch {
      return false;
    }
  }

  /** Takes one point from each bucket, or throws RATE_LIMITED and takes none. */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const ip = sourceOf(address);
    const known = await this.isKnownSource(email, ip);
    const taken: Array<[RateLimiterAbstract, string]> = [
      [this.bySource, `${email}|${ip}`],
      [this.byIp, ip],
    ];
    if (!known) taken.push([this.byAccount, email]);
    const results = await Promise.allSettled(taken.map(([l, k]) => l.consume(k, 1)));
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [{ reason: r.reason as unknown, bucket: taken[i] }] : []));
    if (refused.length) {
      // The attempt never happens: give back what the buckets that allowed it took.
      await Promise.all(taken.filter((_, i) => results[i].status === 'fulfilled').map(([l, k]) => l.reward(k, 1)));
      let waitMs = 0;
      for (const { reason, bucket } of refused) {
        if (!(reason instanceof RateLimiterRes)) throw reason;
        waitMs = Math.max(waitMs, bucket[0] === this.byAccount ? await this.lockAccount(email, reason) : reason.msBeforeNext);
      }
      throw rateLimited(waitMs, 'Too many failed login attempts.');
    }
    let settled = false;
    const giveBack = async (): Promise<boolean> => {
      if (settled) return false;
      settled = true;
      await Promise.all(taken.map(([l, k]) => l.reward(k, 1)));
      return true;
    };
    return {
      succeeded: async () => {
        if (!(await giveBack()) || this.limits.trustedSourceSeconds <= 0) return;
        await this.redis.set(this.trustKey(email, ip), '1', 'EX', this.limits.trustedSourceSeconds).catch(() => undefined);
      },
      failed: () => {
        settled = true;
        return Promise.resolve();
      },
      cancel: async () => void (await giveBack()),
    };
  }

  /**
   * The first refusal after the account bucket ran out locks it for window x 2^(n-1), n being
   * how many times that happened in the last day. Later refusals report the lock in force.
   */
  private async lockAccount(email: string, res: RateLimiterRes): Promise<number> {
    if (res.consumedPoints !== this.limits.maxPerAccount + 1) return res.msBeforeNext;
    const n = (await this.lockouts.consume(email, 1)).consumedPoints;
    const seconds = Math.min(this.limits.windowSeconds * 2 ** Math.min(n - 1, 20), this.limits.maxLockSeconds);
    await this.byAccount.block(email, seconds);
    return seconds * 1000;
  }
}

/** Sign-ups per IP: each attempt costs a point whatever it answers (it cannot tell anyway). */
export class RegisterLimiter {
  private readonly byIp: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, limits: RegisterLimits) {
    this.byIp = makeLimiter(redis, `${prefix}:register:ip`, limits.maxPerIp, limits.windowSeconds);
  }

  async take(address: string): Promise<void> {
    try {
      await this.byIp.consume(sourceOf(address), 1);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(e.msBeforeNext, 'Too many sign-ups from your network.');
      throw e;
    }
  }
}
