import {
  ArgumentNode,
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  visit,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-code';
import { MAX_PAGE_SIZE } from './pagination';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/** Operation definitions one document may hold (only one runs; the rest are parsed and validated for nothing). */
export const MAX_OPERATIONS = 10;
/** Lexical tokens one document may hold; the parser stops there, before building a huge tree. */
export const MAX_TOKENS = 20_000;
/** What a page costs when `first` is not given: the default page size. */
const DEFAULT_PAGE = 20;
/** What an unpaged list field (Cadre.postings, units) is assumed to hold. */
const UNPAGED_LIST = 10;

function tooComplex(limit: string, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, actual, http: { status: 400 } },
  });
}

const isMeta = (name: string): boolean => name.startsWith('__');

/** Deepest field nesting of a selection set, following fragments; introspection fields are not counted. */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let d: number;
    if (sel.kind === Kind.FIELD) {
      if (isMeta(sel.name.value)) continue;
      d = 1 + depthOf(sel.selectionSet, fragments, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      d = depthOf(sel.selectionSet, fragments, seen);
    } else {
      const name = sel.name.value;
      const frag = fragments.get(name);
      if (!frag || seen.has(name)) continue; // unknown or cyclic: validation reports it
      d = depthOf(frag.selectionSet, fragments, new Set(seen).add(name));
    }
    max = Math.max(max, d);
  }
  return max;
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
 * Cost of a field: 1, plus its children times how many times they run. A field with `first` runs its children
 * `first` times (20 when not given); `edges` under it does not multiply again; another list counts 10.
 * A `first` above the page limit is recorded, so the request is refused before anything runs.
 */
function costEstimator(oversized: number[]) {
  return ({ field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (isMeta(field.name)) return 0;
    if (field.args.some((a) => a.name === 'first')) {
      const first: unknown = args.first;
      const n = typeof first === 'number' ? first : DEFAULT_PAGE;
      if (n > MAX_PAGE_SIZE) oversized.push(n);
      return 1 + childComplexity * Math.max(1, Math.min(n, MAX_PAGE_SIZE));
    }
    const type = getNullableType(field.type);
    if (isListType(type) && !(field.name === 'edges' && getNamedType(type).name.endsWith('Edge'))) {
      return 1 + childComplexity * UNPAGED_LIST;
    }
    return 1 + childComplexity;
  };
}

/**
 * Checks a parsed and validated operation against the limits; returns the error to send, or undefined.
 * Runs before execution, so a refused request runs no resolver and no SQL.
 */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
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
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depth = depthOf(operation.selectionSet, fragments);
  if (depth > limits.maxDepth) {
    return tooComplex(
      'depth',
      limits.maxDepth,
      depth,
      `Queries may nest at most ${limits.maxDepth} levels deep; this one nests ${depth}.`,
    );
  }
  const oversized: number[] = [];
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [costEstimator(oversized)],
    });
  } catch {
    // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before any resolver.
    return undefined;
  }
  if (oversized.length) {
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
    const refused = checkLimits(schema, document, operation, variables, this.limits);
    if (refused) return refused;
    let varying = this.varying.get(document);
    if (varying === undefined) this.varying.set(document, (varying = costDependsOnVariables(document)));
    if (!varying) {
      let operations = this.passed.get(document);
      if (!operations) this.passed.set(document, (operations = new WeakSet()));
      operations.add(operation);
    }
    return undefined;
  }
}
