import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  BREAK,
  DocumentNode,
  execute,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  isObjectType,
  OperationDefinitionNode,
  OperationTypeNode,
  visit,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './graphql-context';

type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/** Compiled queries kept, least recently used dropped first: a client sends few distinct documents. */
export const JIT_CACHE_SIZE = 500;

/** A small LRU map: a Map keeps insertion order, so re-inserting on read makes the first key the oldest. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  get size(): number {
    return this.map.size;
  }
}

/** True when the document asks for introspection or uses a directive (@skip, @include). */
function hasIntrospectionOrDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Whether a document runs compiled. Queries only: mutations write inside transactions in order and are few, so
 * they keep graphql-js's executor as they are. Introspection (development only) and documents with directives
 * also do: graphql-jit 0.8 drops fields a fragment spread includes when the same fragment is also reached
 * under a skipped one (jit-executor.spec.ts), and no client of ours sends @skip or @include.
 */
function compilable(document: DocumentNode, operation: OperationDefinitionNode | undefined): boolean {
  return operation?.operation === OperationTypeNode.QUERY && !hasIntrospectionOrDirectives(document);
}

/**
 * graphql-jit reports errors with its own GraphQLError lookalike (no `extensions` object unless the original
 * error had one, no `nodes`); Apollo's formatting and our plugins expect graphql-js's. The same error graphql-js
 * would make: a located GraphQLError thrown by a resolver is passed on as it is, anything else is wrapped
 * with its message, path, locations and original error.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original: unknown = error.originalError;
  if (original instanceof GraphQLError && Array.isArray(original.path)) return original;
  const wrapped = new GraphQLError(error.message, {
    path: error.path,
    originalError: original instanceof Error ? original : undefined,
    extensions: error.extensions,
  });
  (wrapped as { locations: GraphQLError['locations'] }).locations = error.locations;
  return wrapped;
}

/**
 * Executes queries with graphql-jit, which compiles each document once into a function that reads plain
 * fields directly and calls only the resolvers there are; graphql-js's executor instead walks the document
 * for every object of every list (about 8,000 fields on a 50-cadre page, each with an arguments object, a
 * path and a promise check). The resolvers are the schema's own, so guards, pipes, loaders and scalars run as
 * before, and Apollo still parses, validates and runs every plugin hook (limits before execution) around it.
 * A document the compiler refuses, and variables it cannot coerce, go to graphql-js, whose errors the clients
 * know.
 */
export class JitExecutor {
  /** Per operation of a document: its compiled form, or null where graphql-js runs it. */
  readonly compiled: Lru<string, CompiledQuery | null>;

  constructor(
    private readonly schema: GraphQLSchema,
    cacheSize = JIT_CACHE_SIZE,
  ) {
    this.compiled = new Lru(cacheSize);
  }

  readonly execute = async (rc: ExecutorRequest): Promise<ExecutionResult> => {
    const key = `${rc.operationName ?? ''}\n${rc.queryHash}`;
    let query = this.compiled.get(key);
    if (query === undefined) {
      query = null;
      if (compilable(rc.document, rc.operation)) {
        const result = compileQuery(this.schema, rc.document, rc.operationName ?? undefined);
        if (isCompiledQuery(result)) query = result;
      }
      this.compiled.set(key, query);
    }
    if (!query) return this.byGraphqlJs(rc);
    const result = await query.query(undefined, rc.context, rc.request.variables ?? {});
    // No data at all: the variables did not coerce, and nothing ran.
    if (result.errors?.length && result.data === undefined) return this.byGraphqlJs(rc);
    if (result.errors?.length) return { ...result, errors: result.errors.map(asGraphQLError) };
    return result;
  };

  private async byGraphqlJs(rc: ExecutorRequest): Promise<ExecutionResult> {
    return execute({
      schema: this.schema,
      document: rc.document,
      contextValue: rc.context,
      variableValues: rc.request.variables,
      operationName: rc.request.operationName,
    });
  }
}

/**
 * Nest gives every plain @Field a resolver of its own (`rootFieldResolver`: the property, or the field's
 * defaultValue when it is undefined). graphql-jit reads a field without a resolver inline, but calls a
 * resolver with an info object, a promise check and an error handler, so on a page of cadres these did most
 * of the work. Where such a resolver has no default value (it answers undefined for an empty object) it is
 * dropped, which leaves graphql-js's and graphql-jit's own property read: the same value for data objects.
 * Returns how many were dropped.
 */
export function dropPlainFieldResolvers(schema: GraphQLSchema): number {
  let dropped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as ((root: object) => unknown) | undefined;
      if (resolve?.name === 'rootFieldResolver' && resolve({}) === undefined) {
        field.resolve = undefined;
        dropped += 1;
      }
    }
  }
  return dropped;
}

/**
 * The `gateway` hook of Apollo Server: the schema as it is, with the compiled executor. Apollo keeps doing
 * everything else (document cache, validation, plugins, error formatting) as without it.
 */
export function jitGateway(schema: GraphQLSchema, cacheSize = JIT_CACHE_SIZE): Gateway {
  const { execute: executor } = new JitExecutor(schema, cacheSize);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
