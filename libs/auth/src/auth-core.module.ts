import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '@app/config';
import { REDIS } from '@app/core';
import { UserEntity } from '@app/domain';
import { AccountStatusCache } from './account-status.cache';
import { AuthService } from './auth.service';
import { TokenRevocations } from './token-revocations';
import { LoginLimiter, RegisterLimiter } from './login-limiter';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [
    UsersService,
    AuthService,
    AccountStatusCache,
    TokenRevocations,
    { provide: LoginLimiter, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, c: AppConfig) => new LoginLimiter(redis, c.redis.prefix, c.login) },
    { provide: RegisterLimiter, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, c: AppConfig) => new RegisterLimiter(redis, c.redis.prefix, c.register) },
  ],
  exports: [UsersService, AuthService, AccountStatusCache],
})
export class AuthCoreModule {}
