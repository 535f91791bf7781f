import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import { GraphQLFormattedError, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service';
import { TokenService } from '../../auth/token.service';
import { AppConfig } from '../../config/app-config';
import { errorLoggingPlugin, formatGraphQLError } from '../errors/graphql-errors';
import { GraphQLContext } from './graphql-context';
import { operationLogPlugin } from '../../logging/operation-log.plugin';
import { requestIdOf } from '../../logging/request-id';
import { callerOf } from '../http/request-gate';
import { limitsPlugin } from './limits.plugin';
import { MAX_TOKENS } from './limits';
import { createLoaders } from './loaders';
import { pickLocale } from '../../i18n/labels';

/** Apollo strips "Did you mean …?" from validation errors only; variable errors carry them too. */
function withoutSuggestions(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const f = formatGraphQLError(formatted, error);
  return { ...f, message: f.message.replace(/ ?Did you mean .+\?$/, '') };
}

const ROOT_DESCRIPTIONS = {
  query:
    'Reads. Every list is a cursor connection (first/after) and every date-dependent answer takes asOf; a caller sees only its jurisdiction (管辖范围).',
  mutation:
    'Writes. Each runs in one transaction and is audited; bad input is a GraphQL error with extensions.code and the field, and writes nothing.',
} as const;

/** Code-first decorators cannot describe the root types; this does, for the schema and schema.gql alike. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const described = (type: GraphQLObjectType | null | undefined, description: string) =>
    type ? new GraphQLObjectType({ ...type.toConfig(), description }) : type;
  const query = described(config.query, ROOT_DESCRIPTIONS.query);
  const mutation = described(config.mutation, ROOT_DESCRIPTIONS.mutation);
  const roots = new Set([config.query, config.mutation]);
  return new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.filter((t) => !roots.has(t as GraphQLObjectType)),
  });
}

export function graphqlOptions(
  config: AppConfig,
  tokens: TokenService,
  ds: DataSource,
  writeSchemaFile: boolean,
): ApolloDriverConfig {
  // Stateless over the data source, so it needs no injection here (the services get theirs from AuthModule).
  const access = new AccessService(ds);
  return {
    // Development writes schema.gql (committed); a test fails when the committed file is stale.
    autoSchemaFile: writeSchemaFile ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    transformSchema: describeRootTypes,
    transformAutoSchemaFile: true,
    playground: false,
    // Production gives away nothing about the schema: no introspection, no sandbox, no "Did you mean …?".
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: config.isProduction ? withoutSuggestions : formatGraphQLError,
    // @nestjs/apollo loads Apollo's ESM build and this CommonJS code its CJS build: same objects, twin types.
    plugins: [
      operationLogPlugin(),
      limitsPlugin({
        maxDepth: config.GRAPHQL_MAX_DEPTH,
        maxCost: config.GRAPHQL_MAX_COST,
        maxAliases: config.GRAPHQL_MAX_ALIASES,
      }),
      errorLoggingPlugin(),
      // Apollo installs cache control by default, and it wraps every field resolver to collect cache hints
      // (about 7 % of the CPU of a 50-cadre page in npm run bench); nothing here sets or reads them.
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault(),
    ] as unknown as ApolloDriverConfig['plugins'],
    context: async (req: FastifyRequest): Promise<GraphQLContext> => {
      const requestId = requestIdOf(req);
      // Verified once, by the request gate (HttpLimitsModule), before the body was read.
      const verified = await callerOf(req, tokens);
      const deadline = req.deadline;
      const caller = verified ? { ...verified, requestId, deadline } : undefined;
      const locale = pickLocale(null, req.headers['accept-language']);
      return { req, requestId, deadline, caller, loaders: createLoaders(ds, access, caller), locale };
    },
  };
}
