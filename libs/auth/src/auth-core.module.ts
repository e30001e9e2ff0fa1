import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@app/config';
import { UserEntity } from '@app/domain';
import { AccountStatusCache } from './account-status.cache';
import { AuthService } from './auth.service';
import { TokenRevocations } from './token-revocations';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [UsersService, AuthService, AccountStatusCache, TokenRevocations],
  exports: [UsersService, AuthService, AccountStatusCache],
})
export class AuthCoreModule {}
