import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@app/common';

export interface LoginLimits {
  maxPerEmail: number;
  maxPerIp: number;
  windowSeconds: number;
}

/**
 * Counts failed logins per email and per IP in Redis, so the limit holds across API
 * instances. If Redis is down, an in-process limiter stands in (insurance) rather than
 * letting brute force through or locking everyone out.
 */
export class LoginLimiter {
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, limits: LoginLimits) {
    const make = (key: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:login:${key}`,
        points,
        duration: limits.windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ points, duration: limits.windowSeconds }),
        // While Redis is down, answer from the insurance limiter at once instead of queueing.
        rejectIfRedisNotReady: true,
      });
    this.byEmail = make('email', limits.maxPerEmail);
    this.byIp = make('ip', limits.maxPerIp);
  }

  /** Throws RATE_LIMITED when either counter is exhausted. */
  async check(email: string, ip: string): Promise<void> {
    const [e, i] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    const blocked = [
      [e, this.byEmail.points],
      [i, this.byIp.points],
    ].find(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number)) as
      | [RateLimiterRes, number]
      | undefined;
    if (blocked) {
      const seconds = Math.ceil(blocked[0].msBeforeNext / 1000);
      throw new AppError(ErrorCode.RATE_LIMITED, `Too many failed login attempts. Try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  async fail(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email, 1), this.byIp.penalty(ip, 1)]);
  }

  async succeed(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
