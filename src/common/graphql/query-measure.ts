import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLIncludeDirective,
  GraphQLSchema,
  GraphQLSkipDirective,
  InlineFragmentNode,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { MAX_PAGE_SIZE } from './pagination';

/**
 * Measures of an operation as if its fragments were written out, worked out once per fragment. Written out,
 * a fragment that spreads the next one twice doubles at every level: 30 levels of a 1 KB document are 2^30
 * copies, so any walk that follows spreads without remembering them (graphql-query-complexity's included)
 * takes seconds to hours. Here each fragment is measured once and its measure reused at every spread, so the
 * work is linear in the document, and the sums saturate instead of overflowing.
 */

/** Where sums stop: far over any limit, and still an exact integer. */
export const SATURATED = Number.MAX_SAFE_INTEGER;
const add = (a: number, b: number): number => Math.min(a + b, SATURATED);
const times = (a: number, b: number): number => Math.min(a * b, SATURATED);

/** What a page costs when `first` is not given: the default page size. */
const DEFAULT_PAGE = 20;
/** What an unpaged list field (Cadre.postings, units) is assumed to hold. */
const UNPAGED_LIST = 10;

/** Called each time a fragment is measured (not when a measure is reused): the specs count the work with it. */
export type OnFragment = (name: string) => void;

const isMeta = (name: string): boolean => name.startsWith('__');

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

export interface Shape {
  /** Deepest field nesting; introspection fields (__typename, __schema …) and what is under them not counted. */
  depth: number;
  /** Fields asked for, __typename and introspection included, @skip/@include ignored. */
  fields: number;
}

/** The shape of an operation, fragments written out. It does not depend on the variables. */
export function measureShape(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  onFragment?: OnFragment,
): Shape {
  // null while a fragment is being measured: a spread of it there is a cycle, which validation reports.
  const measured = new Map<string, Shape | null>();
  const ofFragment = (name: string): Shape | null | undefined => {
    const fragment = fragments.get(name);
    if (!fragment || measured.has(name)) return measured.get(name);
    measured.set(name, null);
    onFragment?.(name);
    const shape = ofSet(fragment.selectionSet);
    measured.set(name, shape);
    return shape;
  };
  function ofSet(set: SelectionSetNode | undefined): Shape {
    const shape: Shape = { depth: 0, fields: 0 };
    for (const sel of set?.selections ?? []) {
      let inner: Shape | null | undefined;
      if (sel.kind === Kind.FIELD) {
        const under = ofSet(sel.selectionSet);
        inner = { depth: isMeta(sel.name.value) ? 0 : 1 + under.depth, fields: add(1, under.fields) };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = ofSet(sel.selectionSet);
      } else {
        inner = ofFragment(sel.name.value);
      }
      if (!inner) continue; // an unknown or cyclic fragment
      shape.fields = add(shape.fields, inner.fields);
      shape.depth = Math.max(shape.depth, inner.depth);
    }
    return shape;
  }
  return ofSet(operation.selectionSet);
}

export interface Cost {
  cost: number;
  /** The first `first` over MAX_PAGE_SIZE the operation asks for, if any. */
  oversizedFirst?: number;
}

/**
 * The estimated cost of an operation, with coerced variables (for `first` and @skip/@include). A field costs 1,
 * plus its children times how many times they run: a field with a `first` argument runs them `first` times
 * (20 when not given, at least 1, at most MAX_PAGE_SIZE); `edges` under it does not multiply again; another list
 * counts 10. Introspection fields cost nothing. Skipped selections cost nothing and are not looked into.
 * The cost model is graphql-query-complexity's with our estimator, except that on an interface or union the
 * selections for every type condition are added up instead of taking the dearest type (the schema has none).
 */
export function measureCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  onFragment?: OnFragment,
): Cost {
  const result: Cost = { cost: 0 };
  const measured = new Map<string, number | null>();

  const included = (node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean => {
    if (!node.directives?.length) return true;
    return (
      getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false
    );
  };

  const ofField = (node: FieldNode, parent: GraphQLCompositeType): number => {
    if (isMeta(node.name.value)) return 0;
    const field =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!field) return 0; // unknown: validation reports it
    const named = getNamedType(field.type);
    const children = isCompositeType(named) ? ofSet(node.selectionSet, named) : 0;
    const firstArg = field.args.find((a) => a.name === 'first');
    if (firstArg) {
      const given = node.arguments?.find((a) => a.name.value === 'first');
      const first: unknown = given
        ? valueFromAST(given.value, firstArg.type, variables)
        : firstArg.defaultValue;
      const n = typeof first === 'number' ? first : DEFAULT_PAGE;
      if (n > MAX_PAGE_SIZE) result.oversizedFirst ??= n;
      return add(1, times(children, Math.max(1, Math.min(n, MAX_PAGE_SIZE))));
    }
    const type = getNullableType(field.type);
    if (isListType(type) && !(field.name === 'edges' && named.name.endsWith('Edge'))) {
      return add(1, times(children, UNPAGED_LIST));
    }
    return add(1, children);
  };

  const ofFragment = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known ?? 0; // null: a cycle, which validation reports
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !isCompositeType(type)) return 0;
    measured.set(name, null);
    onFragment?.(name);
    const cost = ofSet(fragment.selectionSet, type);
    measured.set(name, cost);
    return cost;
  };

  function ofSet(set: SelectionSetNode | undefined, type: GraphQLCompositeType): number {
    let cost = 0;
    for (const sel of set?.selections ?? []) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        cost = add(cost, ofField(sel, type));
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        cost = add(cost, ofFragment(sel.name.value));
      } else {
        const inner = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (isCompositeType(inner)) cost = add(cost, ofSet(sel.selectionSet, inner));
      }
    }
    return cost;
  }

  const root = schema.getRootType(operation.operation);
  if (root) result.cost = ofSet(operation.selectionSet, root);
  return result;
}
