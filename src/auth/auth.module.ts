import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersModule } from '../users/users.module';
import { type AuthConfig, authConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

/** One registration of the slice: with `sqlite::memory:` each reading makes a new random secret. */
const AUTH_CONFIG = ConfigModule.forFeature(authConfig);

@Module({
  imports: [
    UsersModule,
    OrgUnitsModule,
    AUTH_CONFIG,
    JwtModule.registerAsync({
      imports: [AUTH_CONFIG],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries it as a public key on every verify.
        secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
