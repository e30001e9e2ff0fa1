import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { LOGGER, REDIS } from '@app/core';

/**
 * Tokens ended by a logout before they expire: one Redis key per token id (the JWT's `jti`),
 * living exactly as long as the token would have. Every API instance shares Redis, so a logout
 * on one is seen by all at once. (Ending every session of an account is the token-version bump
 * instead; see UsersService.endSessions.)
 *
 * If Redis cannot be read, the token is taken as not revoked and a warning is logged: the
 * browser's cookie is already cleared by the logout, and refusing every request of every user
 * while Redis is down would be the larger harm.
 */
@Injectable()
export class TokenRevocations {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = config.redis.prefix;
  }

  private key(jti: string): string {
    return `${this.prefix}:auth:revoked:${jti}`;
  }

  /** Revokes the token `jti` until `expiresAtSeconds` (its `exp`); nothing to do once expired. */
  async revoke(jti: string, expiresAtSeconds: number, nowMs: number): Promise<void> {
    const ttl = Math.ceil(expiresAtSeconds - nowMs / 1000);
    if (ttl <= 0) return;
    await this.redis.set(this.key(jti), '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.key(jti))) === 1;
    } catch (e) {
      this.logger.warn({ err: e as Error }, 'token revocation list unreadable (Redis); the token is accepted');
      return false;
    }
  }
}
