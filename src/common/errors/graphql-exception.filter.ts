import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

/** Something thrown that has an error's shape, whichever realm made it. */
function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && 'message' in value && 'stack' in value;
}

/**
 * Hands GraphQL errors to Apollo untouched, where formatGraphQLError maps and logs them once; HTTP routes
 * (health) get Nest's usual JSON answers.
 */
@Catch()
export class GraphQLPassthroughFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    // graphql-js treats a returned value as an error only if it is an Error of its own realm; a socket error
    // from Node's core (a refused connection) is not one under a module sandbox such as Jest's.
    if (!(exception instanceof Error) && isErrorLike(exception)) {
      return Object.assign(new Error(exception.message), exception, { stack: exception.stack });
    }
    return exception;
  }
}
