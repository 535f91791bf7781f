import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { GraphQLFormattedError } from 'graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';

/** What the request log line says about a GraphQL request: ids and names only, never variables. */
export interface OperationLog {
  role?: string;
  sub?: string;
  operation?: string;
  operationType?: string;
  errorCodes?: string[];
}

export type LoggedRequest = FastifyRequest & { operationLog?: OperationLog | null };

/** Notes the operation, the caller's role and id, and the error codes on the request for the request log. */
export function operationLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart(start: GraphQLRequestContext<GraphQLContext>) {
      const caller = start.contextValue.caller;
      const log: OperationLog = { role: caller?.role, sub: caller?.sub };
      (start.contextValue.req as LoggedRequest).operationLog = log;
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<GraphQLContext>) {
          log.operation = ctx.operationName ?? '(anonymous)';
          log.operationType = ctx.operation?.operation;
        },
        async willSendResponse(ctx: GraphQLRequestContext<GraphQLContext>) {
          const body = ctx.response.body;
          const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = errors.map((e: GraphQLFormattedError) =>
              typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
            );
            log.errorCodes = [...new Set(codes)];
          }
        },
      };
    },
  };
}
