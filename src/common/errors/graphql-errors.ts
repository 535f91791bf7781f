import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { ErrorText, errorText, localizeErrorMessage } from '../../i18n/errors';
import { GraphQLContext } from '../graphql/graphql-context';
import { fromDatabaseError } from './database-errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { transientError } from './transient-errors';

const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...Object.values(ErrorCode),
]);

/** The extension that carries an error's ErrorText from the formatter to willSendResponse, which removes it. */
const TEXT = 'messageText';

function domainOf(original: unknown): DomainError | undefined {
  if (original instanceof DomainError) return original;
  return fromDatabaseError(original);
}

/**
 * The one place errors become `extensions.code`. Domain and database errors keep their code, field and a
 * sentence a clerk understands; anything unexpected becomes INTERNAL_SERVER_ERROR with no stack or SQL.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const domain = domainOf(original);
  if (domain) {
    return {
      message: domain.message,
      path: formatted.path,
      extensions: {
        code: domain.code,
        ...(domain.field ? { field: domain.field } : {}),
        ...(domain.details ?? {}),
        ...(domain.text ? { [TEXT]: domain.text } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const transient = transientError(original);
  if (transient) {
    return {
      message: transient.message,
      path: formatted.path,
      extensions: { code: transient.code, [TEXT]: errorText(transient.code) },
    };
  }
  return {
    message: 'Something went wrong on our side. Quote the request id when you report it.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, [TEXT]: errorText(ErrorCode.INTERNAL_SERVER_ERROR) },
  };
}

/** Adds the request id to every error and logs the unexpected ones with it. */
export function errorLoggingPlugin(): ApolloServerPlugin<GraphQLContext> {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx: GraphQLRequestContext<GraphQLContext>) {
          for (const err of ctx.errors ?? []) {
            const original = unwrapResolverError(err);
            const code = err.extensions?.code;
            const expected =
              domainOf(original) ||
              (typeof code === 'string' && PASSTHROUGH_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR');
            if (!expected) {
              logger.error(
                `requestId=${ctx.contextValue.requestId} operation=${ctx.operationName ?? '-'} ${String(original instanceof Error ? original.stack : original)}`,
              );
            }
          }
        },
        async willSendResponse(ctx: GraphQLRequestContext<GraphQLContext>) {
          const body = ctx.response.body;
          if (body && body.kind === 'single' && body.singleResult.errors) {
            // The message in the reader's locale; the text's shape is not sent.
            const locale = ctx.contextValue.locale ?? 'zh-CN';
            body.singleResult.errors = body.singleResult.errors.map((e: GraphQLFormattedError) => {
              const { [TEXT]: text, ...extensions } = e.extensions ?? {};
              return {
                ...e,
                message: localizeErrorMessage(e.message, text as ErrorText | undefined, locale),
                extensions: { ...extensions, requestId: ctx.contextValue.requestId },
              };
            });
          }
        },
      };
    },
  };
}
