import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '@app/config';
import { AppError, ErrorCode } from '@app/common';
import { REDIS } from '@app/core';
import { Role, UserEntity } from '@app/domain';
import { LoginLimiter } from './login-limiter';
import { dummyHash, verifyPassword } from './password';
import { UsersService } from './users.service';

export interface AuthUser {
  id: string;
  role: Role;
  email: string;
}

interface TokenClaims {
  sub: string;
  role: Role;
  email: string;
}

export interface Session {
  accessToken: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  private readonly limiter: LoginLimiter;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.limiter = new LoginLimiter(redis, config.redis.prefix, config.login);
  }

  async login(email: string, password: string, ip: string): Promise<Session> {
    const key = email.trim().toLowerCase();
    await this.limiter.check(key, ip);
    const user = await this.users.findWithHash(key);
    // Verify against a dummy hash for unknown emails: same cost, same answer.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      await this.limiter.fail(key, ip);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Email or password is incorrect');
    }
    await this.limiter.succeed(key);
    delete (user as Partial<UserEntity>).passwordHash;
    return this.issue(user);
  }

  issue(user: UserEntity): Session {
    const claims: TokenClaims = { sub: user.id, role: user.role, email: user.email };
    const accessToken = this.jwt.sign(claims, { expiresIn: this.config.jwt.ttlSeconds });
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwt.ttlSeconds * 1000), user };
  }

  /** Verifies a bearer token. Returns null for a missing token; throws for a bad or expired one. */
  verify(token: string | undefined): AuthUser | null {
    if (!token) return null;
    try {
      const c = this.jwt.verify<TokenClaims & { exp: number }>(token);
      if (!c.sub || !Object.values(Role).includes(c.role)) throw new Error('claims');
      return { id: c.sub, role: c.role, email: c.email };
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw new AppError(ErrorCode.UNAUTHENTICATED, expired ? 'Your session has expired; log in again' : 'The access token is invalid');
    }
  }
}
