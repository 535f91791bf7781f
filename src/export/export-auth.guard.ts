import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Caller, Role } from '../auth/caller';
import { TokenService } from '../auth/token.service';
import { DomainError } from '../common/errors/domain-error';
import { callerOf } from '../common/http/request-gate';

type ExportRequest = FastifyRequest & { caller?: Caller };

/** The same bearer tokens as the GraphQL API; exports are for administrators and departments. */
@Injectable()
export class ExportAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ExportRequest>();
    // Verified once, by the request gate (HttpLimitsModule), before anything else ran.
    const caller = await callerOf(req, this.tokens);
    if (!caller) throw DomainError.unauthenticated();
    if (caller.role !== Role.ADMIN && caller.role !== Role.ORG_DEPT) throw DomainError.forbidden();
    const given = req.headers['x-request-id'];
    req.caller = { ...caller, requestId: typeof given === 'string' ? given.slice(0, 100) : undefined };
    return true;
  }
}

/** The caller ExportAuthGuard verified. */
export const ExportCaller = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Caller =>
    ctx.switchToHttp().getRequest<ExportRequest>().caller as Caller,
);
