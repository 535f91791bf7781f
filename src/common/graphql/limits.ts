import {
  ArgumentNode,
  DirectiveNode,
  DocumentNode,
  FieldNode,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  visit,
} from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { MAX_PAGE_SIZE } from './pagination';
import { fragmentsOf, measureCost, measureShape, OnFragment } from './query-measure';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/** Operation definitions one document may hold (only one runs; the rest are parsed and validated for nothing). */
export const MAX_OPERATIONS = 10;
/** Lexical tokens one document may hold; the parser stops there, before building a huge tree. */
export const MAX_TOKENS = 20_000;
/**
 * Fields an operation may ask for with its fragments written out (__typename included, list sizes not
 * multiplied): no more than a document of MAX_TOKENS tokens can spell out without fragments. Only fields the
 * cost leaves out (__typename, introspection) can reach it before the cost limit does; it refuses fragments
 * that multiply those, for anything downstream that would follow every spread.
 */
export const MAX_FIELDS = MAX_TOKENS;

function tooComplex(limit: string, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, actual, http: { status: 400 } },
  });
}

function countAliases(document: DocumentNode): number {
  let n = 0;
  visit(document, {
    Field(node: FieldNode) {
      if (node.alias) n += 1;
    },
  });
  return n;
}

/**
 * The variables as execution coerces them, or the error execution would answer when they do not fit their
 * types (graphql-js's first one: Apollo would send them all, and one is enough to fix the request).
 */
function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> | undefined,
): Record<string, unknown> | GraphQLError {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {});
  if (!coerced.errors) return coerced.coerced;
  const [e] = coerced.errors;
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    originalError: e.originalError,
    extensions: { ...e.extensions, code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });
}

/**
 * Checks a parsed and validated operation against the limits; returns the error to send, or undefined.
 * Runs before execution, so a refused request runs no resolver and no SQL. Nothing here is caught: should
 * the measuring fail, the error goes out of the plugin and the request is refused (INTERNAL_SERVER_ERROR,
 * logged), never let through unmeasured.
 *
 * It runs after validation (in didResolveOperation), where fragments are known to exist, to be acyclic and
 * to fit where they are spread: measured, validation needs no check before it. graphql 16.15 compares each
 * pair of fragments once and budgets OverlappingFieldsCanBeMerged and fragment collection ("Validation
 * aborted." past them): a 30- or 40-level doubling document validates in under 10 ms, the slowest 20,000-token
 * documents found (4,000 copies of `units { id }`, a chain of 2,400 fragments) in 50 to 90 ms. Served by
 * `npm run start:prod`, the 30-level document is refused in about 2.5 ms of CPU, the request included.
 */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
  {
    costDependsOnVariables = true,
    onFragment,
  }: { costDependsOnVariables?: boolean; onFragment?: OnFragment } = {},
): GraphQLError | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (operations > MAX_OPERATIONS) {
    return tooComplex(
      'operations',
      MAX_OPERATIONS,
      operations,
      `A document may hold at most ${MAX_OPERATIONS} operations; this one has ${operations}.`,
    );
  }
  const aliases = countAliases(document);
  if (aliases > limits.maxAliases) {
    return tooComplex(
      'aliases',
      limits.maxAliases,
      aliases,
      `A request may use at most ${limits.maxAliases} aliases; this one uses ${aliases}.`,
    );
  }
  const fragments = fragmentsOf(document);
  const { depth, fields } = measureShape(operation, fragments, onFragment);
  if (depth > limits.maxDepth) {
    return tooComplex(
      'depth',
      limits.maxDepth,
      depth,
      `Queries may nest at most ${limits.maxDepth} levels deep; this one nests ${depth}.`,
    );
  }
  // When the cost does not depend on them, the variables are left to execution, which refuses them before any
  // resolver runs when they do not fit their types.
  const coerced = costDependsOnVariables ? coerceVariables(schema, operation, variables) : {};
  if (coerced instanceof GraphQLError) return coerced;
  const { cost, oversizedFirst } = measureCost(schema, operation, fragments, coerced, onFragment);
  if (oversizedFirst !== undefined) {
    return new GraphQLError(`first must not be greater than ${MAX_PAGE_SIZE}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first', http: { status: 400 } },
    });
  }
  if (cost > limits.maxCost) {
    return tooComplex(
      'cost',
      limits.maxCost,
      cost,
      `This query would cost ${cost}, over the limit of ${limits.maxCost}: ask for smaller pages or fewer nested lists.`,
    );
  }
  if (fields > MAX_FIELDS) {
    return tooComplex(
      'fields',
      MAX_FIELDS,
      fields,
      `A query may ask for at most ${MAX_FIELDS} fields with its fragments written out; this one asks for ${fields}.`,
    );
  }
  return undefined;
}

/** Whether any `first` argument or @skip/@include condition of the document is a variable. */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  const isVariable = (a: ArgumentNode): boolean => a.value.kind === Kind.VARIABLE;
  visit(document, {
    Argument(node: ArgumentNode) {
      if (node.name.value === 'first' && isVariable(node)) depends = true;
    },
    Directive(node: DirectiveNode) {
      if ((node.name.value === 'skip' || node.name.value === 'include') && node.arguments?.some(isVariable))
        depends = true;
    },
  });
  return depends;
}

/**
 * checkLimits, remembering the operations it let through. Apollo parses and validates a query text once and
 * hands the same document to every request that sends it, so a document's verdict is worked out once: only
 * its cost can depend on the variables (through `first` or @skip/@include), and then it is worked out again
 * for each request. Refusals are not remembered: they are rare and each builds its own error.
 */
export class LimitsChecker {
  private readonly passed = new WeakMap<DocumentNode, WeakSet<OperationDefinitionNode>>();
  private readonly varying = new WeakMap<DocumentNode, boolean>();

  constructor(private readonly limits: QueryLimits) {}

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): GraphQLError | undefined {
    if (this.passed.get(document)?.has(operation)) return undefined;
    let varying = this.varying.get(document);
    if (varying === undefined) this.varying.set(document, (varying = costDependsOnVariables(document)));
    const refused = checkLimits(schema, document, operation, variables, this.limits, {
      costDependsOnVariables: varying,
    });
    if (refused) return refused;
    if (!varying) {
      let operations = this.passed.get(document);
      if (!operations) this.passed.set(document, (operations = new WeakSet()));
      operations.add(operation);
    }
    return undefined;
  }
}
