import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { GraphQLContext } from '../common/graphql/graphql-context';

/** What the request log line says about a GraphQL request: ids and names only, never variables. */
export interface OperationLog {
  operation?: string;
  operationType?: string;
  role?: string;
  sub?: string;
  errorCodes?: string[];
}

export type LoggedRequest = IncomingMessage & { operationLog?: OperationLog };

/** Notes the operation, the caller's role and id, and the error codes on the request for the request log. */
export function operationLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart(start: GraphQLRequestContext<GraphQLContext>) {
      const req = start.contextValue.req as LoggedRequest;
      const caller = start.contextValue.caller;
      req.operationLog = { role: caller?.role, sub: caller?.sub };
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<GraphQLContext>) {
          req.operationLog = {
            ...req.operationLog,
            operation: ctx.operationName ?? '(anonymous)',
            operationType: ctx.operation?.operation,
          };
        },
        async willSendResponse(ctx: GraphQLRequestContext<GraphQLContext>) {
          const body = ctx.response.body;
          const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = errors.map((e: GraphQLFormattedError) =>
              typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
            );
            req.operationLog = { ...req.operationLog, errorCodes: [...new Set(codes)] };
          }
        },
      };
    },
  };
}
