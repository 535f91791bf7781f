import { errorText } from '../../i18n/errors';
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength } from '../max-length';
import { DomainError } from '../errors/domain-error';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}; default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType({
  description:
    'Where a page stands in its list (Relay cursor connections spec). Pages run forward: pass endCursor as `after` for the next one.',
})
export class PageInfo {
  @Field({ description: 'True when rows follow this page: ask again with after = endCursor.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when rows come before this page. False on a first page (no `after`); after a cursor, true when the list holds rows the page does not reach (exact on a last page).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null on an empty page." })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `T`. */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque; pass it as `after` to get the rows after this one.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }
  @ObjectType(`${name}Connection`, {
    isAbstract: true,
    description: `A page of ${name} rows (Relay cursor connection), in the list's fixed order.`,
  })
  class Conn {
    @Field(() => [Edge], { description: 'The rows of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Cursors and whether rows come before or after this page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows in the whole list (every page), under the same filter.' })
    totalCount!: number;
  }
  return Conn;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number | null)[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key as (string | number | null)[];
  } catch {
    // fall through
  }
  throw DomainError.badInput('after', errorText('input.cursor'));
}

/**
 * PageInfo for a forward page: `fetched` rows were read after the cursor with limit first + 1, of `totalCount`.
 * Rows come before the page when an `after` cursor was given and the list holds more rows than those read from
 * it; on a last page (fetched ≤ first) that is exact, and the Relay spec lets a forward page say so no further.
 */
export function pageInfoOf(
  edges: readonly { cursor: string }[],
  fetched: number,
  first: number,
  totalCount: number,
  after: unknown,
): PageInfo {
  return {
    hasNextPage: fetched > first,
    hasPreviousPage: after !== undefined && after !== null && totalCount > fetched,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/** Builds a connection from rows fetched with limit first + 1 after the (decoded) cursor `after`. */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  key: (row: R) => readonly (string | number | null)[],
  map: (row: R) => T,
  after: unknown,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((r) => ({ cursor: encodeCursor(key(r)), node: map(r) }));
  return { edges, pageInfo: pageInfoOf(edges, rows.length, first, totalCount, after), totalCount };
}
