import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { resolveJwtPublicKey, resolveJwtSecret } from './jwt-secret';
import { JWT_PUBLIC_KEY, JWT_SECRET, TokenService } from './token.service';

/** Identity (tokens, the global guard), scoping (AccessService) and, with them, the audited write path. */
@Global()
@Module({
  imports: [JwtModule.register({}), AuditModule],
  providers: [
    { provide: JWT_SECRET, inject: [AppConfig], useFactory: resolveJwtSecret },
    { provide: JWT_PUBLIC_KEY, inject: [AppConfig], useFactory: resolveJwtPublicKey },
    TokenService,
    AccessService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AccessService],
})
export class AuthModule {}
