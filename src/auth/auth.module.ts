import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { JWT_SECRET, TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [
    { provide: JWT_SECRET, inject: [AppConfig], useFactory: resolveJwtSecret },
    TokenService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
