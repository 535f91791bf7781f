import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service';
import { TokenService } from '../../auth/token.service';
import { AppConfig } from '../../config/app-config';
import { errorLoggingPlugin, formatGraphQLError } from '../errors/graphql-errors';
import { GraphQLContext } from './graphql-context';
import { createLoaders } from './loaders';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

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
    playground: false,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // @nestjs/apollo loads Apollo's ESM build and this CommonJS code its CJS build: same objects, twin types.
    plugins: [
      errorLoggingPlugin(),
      ...(config.isProduction ? [] : [ApolloServerPluginLandingPageLocalDefault()]),
    ] as unknown as ApolloDriverConfig['plugins'],
    context: async ({ req }: { req: Request }): Promise<GraphQLContext> => {
      const header = req.headers.authorization;
      const token =
        typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      const verified = token ? await tokens.verify(token) : undefined;
      const caller = verified ? { ...verified, requestId } : undefined;
      return { req, requestId, caller, loaders: createLoaders(ds, access, caller) };
    },
  };
}
