import { ApolloServerPlugin, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { ErrorCode } from '../errors/error-code';
import { GraphQLContext } from './graphql-context';
import { LimitsChecker, QueryLimits } from './limits';
import { RateLimiter } from './rate-limiter';

export interface LimitsPluginOptions extends QueryLimits {
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/** Whom a request counts against: its bearer token (hashed), or its address when it has none. */
function rateKey(ctx: GraphQLContext): string {
  const header = ctx.req.headers.authorization;
  if (typeof header === 'string' && header.length > 0) {
    return `t:${createHash('sha256').update(header).digest('base64url').slice(0, 22)}`;
  }
  return `a:${ctx.req.ip || '-'}`;
}

/**
 * Once an operation is parsed and validated, and before it runs: the per-token rate limit (each GraphQL
 * operation counts once), then the depth, alias and cost limits. A refused operation runs no resolver.
 */
export function limitsPlugin(options: LimitsPluginOptions): ApolloServerPlugin<GraphQLContext> {
  const limiter = new RateLimiter(options.rateLimitMax, options.rateLimitWindowMs);
  const limits = new LimitsChecker(options);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<GraphQLContext>) {
          const waitMs = limiter.hit(rateKey(ctx.contextValue));
          if (waitMs > 0) {
            const retryAfterSeconds = Math.ceil(waitMs / 1000);
            throw new GraphQLError(
              `Too many requests: at most ${limiter.max} operations per ${limiter.windowMs / 1000} s. Try again in ${retryAfterSeconds} s.`,
              {
                extensions: {
                  code: ErrorCode.TOO_MANY_REQUESTS,
                  retryAfterSeconds,
                  http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
                },
              },
            );
          }
          if (!ctx.document || !ctx.operation) return;
          const refused = limits.check(ctx.schema, ctx.document, ctx.operation, ctx.request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}
