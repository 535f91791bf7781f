import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { resolveTokenOptions, TOKEN_OPTIONS } from './token-options';
import { TokenService } from './token.service';

/** Identity (tokens, the global guard), scoping (AccessService) and, with them, the audited write path. */
@Global()
@Module({
  imports: [JwtModule.register({}), AuditModule],
  providers: [
    { provide: TOKEN_OPTIONS, inject: [AppConfig], useFactory: resolveTokenOptions },
    TokenService,
    AccessService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AccessService, TOKEN_OPTIONS],
})
export class AuthModule {}
