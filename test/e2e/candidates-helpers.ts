import { ok, TestApp } from '../app-factory';

export interface FactorOut {
  factor: string;
  weight: number;
  value: number;
  contribution: number;
}
export interface CandidateOut {
  cadreId: string;
  cadre: { id: string; externalId: string; name: string };
  unit: { id: string; name: string };
  currentLevel: string;
  nextLevel: string | null;
  readiness: string | null;
  eligibleFrom: string | null;
  score: number;
  scoreBreakdown: FactorOut[];
  reasons: string[];
  blockers: { code: string; met: boolean; dateMet: string | null }[];
  needs: string[];
  policyVersion: number;
}
export interface FacetOut {
  key: string;
  label: string | null;
  count: number;
}
export interface CandidatePageOut {
  totalCount: number;
  asOf: string;
  policyVersion: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: { byUnit: FacetOut[]; byLevel: FacetOut[]; byReadiness: FacetOut[] };
  edges: { cursor: string; node: CandidateOut }[];
}

export const PAGE_FIELDS = `totalCount asOf policyVersion pageInfo { hasNextPage endCursor }
  facets { byUnit { key label count } byLevel { key label count } byReadiness { key label count } }
  edges { cursor node {
    cadreId cadre { id externalId name } unit { id name } currentLevel nextLevel readiness eligibleFrom score
    scoreBreakdown { factor weight value contribution } reasons blockers { code met dateMet } needs policyVersion } }`;

export const PROMOTION = `query($input: PromotionCandidatesInput!, $first: Int, $after: String) {
  promotionCandidates(input: $input, first: $first, after: $after) { ${PAGE_FIELDS} } }`;
export const TRAINING = `query($input: TrainingCandidatesInput, $first: Int, $after: String) {
  trainingCandidates(input: $input, first: $first, after: $after) { ${PAGE_FIELDS} } }`;
export const SPECIALISTS = `query($domain: String!, $unitId: ID, $asOf: Date, $first: Int, $after: String) {
  specialists(domain: $domain, unitId: $unitId, asOf: $asOf, first: $first, after: $after) { ${PAGE_FIELDS} } }`;

export async function promotion(
  t: TestApp,
  input: Record<string, unknown>,
  page: { first?: number; after?: string | null } = {},
  token?: string,
): Promise<CandidatePageOut> {
  return ok(await t.gql<{ promotionCandidates: CandidatePageOut }>(PROMOTION, { input, ...page }, token))
    .promotionCandidates;
}

/** Every page of a list, following endCursor; `between` runs after each page (to change data mid-way). */
export async function allPages(
  fetch: (after: string | null) => Promise<CandidatePageOut>,
  between: (pageNo: number) => Promise<void> = async () => {},
): Promise<CandidateOut[]> {
  const out: CandidateOut[] = [];
  let after: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const page = await fetch(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
    await between(n);
  }
  throw new Error('too many pages');
}

export async function training(
  t: TestApp,
  input: Record<string, unknown>,
  page: { first?: number; after?: string | null } = {},
  token?: string,
): Promise<CandidatePageOut> {
  return ok(await t.gql<{ trainingCandidates: CandidatePageOut }>(TRAINING, { input, ...page }, token))
    .trainingCandidates;
}

export async function specialists(
  t: TestApp,
  vars: Record<string, unknown>,
  page: { first?: number; after?: string | null } = {},
  token?: string,
): Promise<CandidatePageOut> {
  return ok(await t.gql<{ specialists: CandidatePageOut }>(SPECIALISTS, { ...vars, ...page }, token))
    .specialists;
}
