import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Role } from './caller';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Global guard: a valid token is required, and the operation must name the caller's role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<string>() !== 'graphql') return true; // REST routes carry their own guards
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (!ctx.caller) throw DomainError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(ctx.caller.role)) throw DomainError.forbidden();
    return true;
  }
}
