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
import { SpanStatusCode } from '@opentelemetry/api';
import { activeTracer } from '../../telemetry/tracer';
import type { GraphQLContext } from './graphql-context';

type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/**
 * Compiled queries kept, least recently used dropped first. Our clients send a few dozen distinct documents; a
 * large one compiled (with its document) holds about 66 KB, so at most about 13 MB of a 192 MB heap.
 */
export const JIT_CACHE_SIZE = 200;

interface Entry {
  /** The compiled form, or null where graphql-js runs the operation. */
  query: CompiledQuery | null;
  used: number;
}

/**
 * Compiled operations by parsed document (Apollo hands over the same document object for the same query text)
 * and operation name, at most `max`, the least recently used dropped first. A hit only stamps the entry: no
 * key string to build and no map to reorder on every request; the oldest is looked for when one must go.
 */
export class CompiledQueries {
  private readonly byDocument = new Map<DocumentNode, Map<string, Entry>>();
  private count = 0;
  private clock = 0;

  constructor(private readonly max: number) {}

  get(document: DocumentNode, operationName: string): Entry | undefined {
    const entry = this.byDocument.get(document)?.get(operationName);
    if (entry) entry.used = ++this.clock;
    return entry;
  }

  set(document: DocumentNode, operationName: string, query: CompiledQuery | null): Entry {
    if (this.count >= this.max) this.dropOldest();
    let operations = this.byDocument.get(document);
    if (!operations) this.byDocument.set(document, (operations = new Map<string, Entry>()));
    const entry = { query, used: ++this.clock };
    if (!operations.has(operationName)) this.count += 1;
    operations.set(operationName, entry);
    return entry;
  }

  get size(): number {
    return this.count;
  }

  private dropOldest(): void {
    let oldest: { document: DocumentNode; name: string; used: number } | undefined;
    for (const [document, operations] of this.byDocument)
      for (const [name, { used }] of operations)
        if (!oldest || used < oldest.used) oldest = { document, name, used };
    if (!oldest) return;
    const operations = this.byDocument.get(oldest.document);
    operations?.delete(oldest.name);
    if (operations?.size === 0) this.byDocument.delete(oldest.document);
    this.count -= 1;
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
  readonly compiled: CompiledQueries;

  constructor(
    private readonly schema: GraphQLSchema,
    cacheSize = JIT_CACHE_SIZE,
  ) {
    this.compiled = new CompiledQueries(cacheSize);
  }

  /** Runs the operation; when tracing is on, inside a span of its own that its SQL statements hang from. */
  readonly execute = (rc: ExecutorRequest): Promise<ExecutionResult> => {
    const tracer = activeTracer();
    if (!tracer) return this.run(rc);
    const type = rc.operation?.operation ?? 'query';
    const name = rc.operationName ?? undefined;
    return tracer.startActiveSpan(
      name ? `${type} ${name}` : type,
      { attributes: { 'graphql.operation.type': type, 'graphql.operation.name': name ?? '' } },
      async (span) => {
        try {
          const result = await this.run(rc);
          if (result.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR });
          return result;
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw err;
        } finally {
          span.end();
        }
      },
    );
  };

  private readonly run = async (rc: ExecutorRequest): Promise<ExecutionResult> => {
    const name = rc.operationName ?? '';
    let entry = this.compiled.get(rc.document, name);
    if (!entry) {
      let compiled: CompiledQuery | null = null;
      if (compilable(rc.document, rc.operation)) {
        const result = compileQuery(this.schema, rc.document, rc.operationName ?? undefined);
        if (isCompiledQuery(result)) compiled = result;
      }
      entry = this.compiled.set(rc.document, name, compiled);
    }
    const query = entry.query;
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
