import { Client } from 'pg';
import { GraphQLRequest } from '../http-load';
import { BenchTokens } from '../tokens';

/** The targets for a scenario; each is checked only when given. */
export interface Targets {
  /** p95 latency at most this many ms. */
  p95Ms?: number;
  /** At least this many requests/s. */
  rps?: number;
  /** The service's mean time per request at most this many times the raw SQL's. */
  sqlRatio?: number;
}

/** Issue #14: the first page of every list (flagged, promotion, training, specialists) p95 ≤ 100 ms. */
export const LIST_P95_MS = 100;

export interface Area {
  id: string;
  code: string;
  /** The unit and every unit beneath it. */
  unitIds: string[];
}

/** What the scenarios are built from: ids looked up once in the benchmark database. */
export interface Fixtures {
  asOf: string;
  policyDocument: unknown;
  /** Every level of every ladder, lowest first (for the pathway facts). */
  levelOrder: string[];
  /** Active cadres with a current regular posting, spread over the province. */
  cadreIds: string[];
  /** `after` cursors of consecutive cadres pages of 50 (the first is undefined: page one). */
  pageCursors: (string | undefined)[];
  province: Area;
  prefecture: Area;
  district: Area;
  /** The domain with the most SPECIALIST spans holding on asOf (the specialists list's). */
  specialistDomain: string;
  /** A post of the district (bench posts, scenarios/vacancies.ts), for the slate. */
  postId?: string;
}

export interface ScenarioContext {
  fixtures: Fixtures;
  tokens: BenchTokens;
}

/**
 * One benchmark scenario: GraphQL requests the load cycles through, and the same work in raw SQL through pg.
 * Both sides return comparable keys for variant 0 (ids in order, counts), so the bench checks they agree.
 */
export interface Scenario {
  name: string;
  label: string;
  targets: Targets;
  requests: GraphQLRequest[];
  /** The keys of a GraphQL response's `data`. */
  keys?: (data: unknown) => string[];
  sql?: {
    description: string;
    /** Run once on each connection first, e.g. a session setting the service sets per transaction. */
    prepare?: string;
    /** Runs variant `i` and returns the same keys as `keys`. */
    run: (client: Client, i: number) => Promise<string[]>;
  };
  /** Set when the scenario cannot run (e.g. a query that has not landed yet). */
  skip?: string;
}

/** Picks variant `i` of a list, cycling. */
export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
