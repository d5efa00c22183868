import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { UserEntity } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    UsersModule,
    RateLimitsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key of its own for tokens, derived from SECRET_KEY, so the same secret never signs two kinds of thing.
      useFactory: (config: AppConfig) => ({
        secret: createHmac('sha256', config.secretKey).update('access-token').digest(),
        signOptions: { algorithm: 'HS256', issuer: 'welcome-ruhr' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'welcome-ruhr' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
