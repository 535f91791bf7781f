import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLContext } from './graphql-context';
import { LimitsChecker, QueryLimits } from './limits';

export type LimitsPluginOptions = QueryLimits;

/**
 * Once an operation is parsed and validated, and before it runs: the depth, alias and cost limits. A refused
 * operation runs no resolver. (The rate limit runs earlier, before the body is parsed: request-gate.ts.)
 */
export function limitsPlugin(options: LimitsPluginOptions): ApolloServerPlugin<GraphQLContext> {
  const limits = new LimitsChecker(options);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<GraphQLContext>) {
          if (!ctx.document || !ctx.operation) return;
          const refused = limits.check(ctx.schema, ctx.document, ctx.operation, ctx.request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}
