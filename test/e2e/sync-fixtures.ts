import { GqlResult, TestApp } from '../app-factory';

export const RUN_FIELDS = `id source kind mode status dryRun atomic idempotencyKey asOf startedAt finishedAt
  counts { received created updated unchanged ended rejected }`;
export const RESULTS = `results(first: 100) { totalCount edges { node { index externalId outcome errors { field code message } } } }`;
export const SYNC_POSTINGS = `mutation($input: SyncPostingsInput!) { syncPostings(input: $input) { ${RUN_FIELDS} ${RESULTS} } }`;
export const SYNC_UNITS = `mutation($input: SyncUnitsInput!) { syncUnits(input: $input) { ${RUN_FIELDS} ${RESULTS} } }`;
export const SYNC_CADRES = `mutation($input: SyncCadresInput!) { syncCadres(input: $input) { ${RUN_FIELDS} ${RESULTS} } }`;

/** A valid township unit record; `over` changes any field. */
export const unitRecord = (code: string, parentCode: string | null, over: Record<string, unknown> = {}) => ({
  code,
  name: `Unit ${code}`,
  level: 'TOWNSHIP',
  kind: 'GOVERNMENT',
  parentCode,
  ...over,
});

export interface Counts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  ended: number;
  rejected: number;
}
export interface ResultNode {
  index: number;
  externalId: string | null;
  outcome: string;
  errors: { field: string; code: string; message: string }[];
}
export interface RunShape {
  id: string;
  status: string;
  counts: Counts;
  results: { totalCount: number; edges: { node: ResultNode }[] };
}

export const counts = (over: Partial<Counts>): Counts => ({
  received: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  ended: 0,
  rejected: 0,
  ...over,
});

export function nodes(run: RunShape): ResultNode[] {
  return run.results.edges.map((e) => e.node);
}

/** Each result as [externalId, outcome, ...field:code of its errors]. */
export const outcomes = (run: RunShape) =>
  nodes(run).map((n) => [n.externalId, n.outcome, ...n.errors.map((e) => `${e.field}:${e.code}`)]);

export async function syncPostings(
  t: TestApp,
  input: Record<string, unknown>,
  token?: string,
): Promise<GqlResult<{ syncPostings: RunShape }>> {
  return t.gql<{ syncPostings: RunShape }>(SYNC_POSTINGS, { input }, token);
}
