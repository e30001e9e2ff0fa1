import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { REDIS } from '@app/core';
import { TIMELINE_LIMITS } from './timeline/timeline-limits';

/** A per-candidate limit of calls a minute over a rate-limiter-flexible limiter of `points` a minute. */
export class PerMinuteLimit {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
    private readonly what: string,
  ) {}

  async consume(candidateId: string): Promise<void> {
    try {
      await this.limiter.consume(candidateId);
    } catch (e) {
      const wait = e instanceof RateLimiterRes ? Math.max(1, Math.ceil(e.msBeforeNext / 1000)) : 60;
      throw new AppError(ErrorCode.RATE_LIMITED, `At most ${this.points} ${this.what} a minute. Try again in ${wait} s.`, { retryAfterSeconds: wait });
    }
  }

  /** Gives back a point taken for a call that turned out to be a retry of an earlier one (idempotency key). */
  async refund(candidateId: string): Promise<void> {
    await this.limiter.reward(candidateId, 1).catch(() => undefined);
  }
}

/** The limits a candidate meets inside an attempt. */
export interface AttemptLimits {
  runs: PerMinuteLimit;
  submissions: PerMinuteLimit;
  /** Timeline batches from the candidate's browser (TIMELINE_LIMITS.batchesPerMinute). */
  activityBatches: PerMinuteLimit;
}

export const ATTEMPT_LIMITS = Symbol('ATTEMPT_LIMITS');

/**
 * Each call consumes one point atomically in Redis, so parallel requests racing the limit cannot
 * get past it; with Redis down a per-process memory limiter stands in.
 */
function redisLimit(redis: Redis, keyPrefix: string, points: number, what: string): PerMinuteLimit {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    rejectIfRedisNotReady: true,
  });
  return new PerMinuteLimit(limiter, points, what);
}

/** The production binding of ATTEMPT_LIMITS: JUDGE_RUNS_PER_MINUTE and JUDGE_SUBMISSIONS_PER_MINUTE, kept in Redis. */
export const attemptLimitsProvider: Provider = {
  provide: ATTEMPT_LIMITS,
  inject: [REDIS, APP_CONFIG],
  useFactory: (redis: Redis, config: AppConfig): AttemptLimits => ({
    runs: redisLimit(redis, `${config.redis.prefix}:runcode`, config.judge.runsPerMinute, 'runs'),
    submissions: redisLimit(redis, `${config.redis.prefix}:submit`, config.judge.submissionsPerMinute, 'submissions'),
    activityBatches: redisLimit(redis, `${config.redis.prefix}:activity`, TIMELINE_LIMITS.batchesPerMinute, 'timeline batches'),
  }),
};
