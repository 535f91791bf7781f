import { Readiness } from '../../src/candidates/candidate.model';
import { DEFAULT_WITHIN_MONTHS } from '../../src/candidates/ranking.service';
import { levelOrder, stepTo } from '../../src/rules/steps';
import { promotionList } from '../../src/candidates/sql/promotion.sql';
import { rankingStatement } from '../../src/candidates/sql/ranking-query';
import { SqlParams } from '../../src/common/sql/sql-params';
import { specialistList } from '../../src/candidates/sql/specialists.sql';
import { trainingList } from '../../src/candidates/sql/training.sql';
import { PolicyDocument } from '../../src/policy/policy.types';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const PAGE = 20;
const TARGET_LEVEL = 'COUNTY_DEPUTY';

const NODE = `
  cadreId cadre { id externalId name } unit { id code name }
  currentLevel nextLevel readiness eligibleFrom score
  scoreBreakdown { factor weight value contribution }
  reasons needs policyVersion
  blockers { code met current required remaining unit source dateMet }`;
const CONNECTION = `
  totalCount asOf policyVersion
  pageInfo { hasNextPage endCursor }
  facets { byUnit { key label count } byLevel { key label count } byReadiness { key label count } }
  edges { cursor node { ${NODE} } }`;

const PROMOTION = `
query Promotion($unitId: ID) {
  promotionCandidates(first: ${PAGE}, input: { targetLevel: "${TARGET_LEVEL}", unitId: $unitId }) { ${CONNECTION} }
}`;
const TRAINING = `
query Training($unitId: ID) {
  trainingCandidates(first: ${PAGE}, input: { unitId: $unitId }) { ${CONNECTION} }
}`;
const SPECIALISTS = `
query Specialists($unitId: ID, $domain: String!) {
  specialists(first: ${PAGE}, domain: $domain, unitId: $unitId) { ${CONNECTION} }
}`;

export type CandidateList = 'promotion' | 'training' | 'specialists';

/** The settings the candidate service gives its ranking statement, in the same transaction-free form. */
const SESSION = `SELECT set_config('jit', 'off', false), set_config('random_page_cost', '1.1', false),
                        set_config('work_mem', '32MB', false)`;

const keysOf = (field: string) => (data: unknown) => [
  `total ${text(data, field, 'totalCount')}`,
  ...list(data, field, 'edges').map((e) => `${text(e, 'node', 'cadreId')} ${text(e, 'node', 'score')}`),
];

/**
 * The ranking statement the candidate service builds (src/candidates/sql), bound the same way, run directly:
 * the database work of a page with its facets, without the Node side (explanations, GraphQL, loaders).
 */
function rankingSql(
  kind: CandidateList,
  document: PolicyDocument,
  asOfValue: string,
  rootPath: string,
  domainValue: string,
): { sql: string; values: unknown[] } {
  const p = new SqlParams();
  const asOf = p.add(asOfValue, 'date');
  // The service binds the path of the root unit (a constant the planner can size the list by).
  const root = p.add(rootPath, 'ltree');
  let spec;
  const domain = kind === 'specialists' ? p.add(domainValue, 'text') : undefined;
  if (kind === 'specialists') {
    spec = specialistList({ asOf, policy: document, domain: domain!, rootPath }, p);
  } else if (kind === 'promotion') {
    const step = stepTo(document, TARGET_LEVEL);
    if (!step) throw new Error(`No ladder step leads to ${TARGET_LEVEL}`);
    // As the service does on a leadership step: readiness from the PATHWAY spans.
    spec = promotionList(
      {
        asOf,
        policy: document,
        step,
        rootPath,
        readiness: [Readiness.READY_NOW],
        spansWithin: DEFAULT_WITHIN_MONTHS,
      },
      p,
    );
  } else {
    const longServiceYears = document.rules.POST_LIMIT_SAME_POST.params.years;
    spec = trainingList({ asOf, policy: document, rootPath, kind: undefined, longServiceYears }, p);
  }
  const sql = rankingStatement({
    p,
    asOf,
    root,
    domain,
    policy: document,
    levelOrder: levelOrder(document),
    withinMonths: DEFAULT_WITHIN_MONTHS,
    spec,
    first: PAGE + 1,
  });
  return { sql, values: p.values };
}

const FIELDS: Record<CandidateList, string> = {
  promotion: 'promotionCandidates',
  training: 'trainingCandidates',
  specialists: 'specialists',
};
const QUERIES: Record<CandidateList, string> = {
  promotion: PROMOTION,
  training: TRAINING,
  specialists: SPECIALISTS,
};

/**
 * Page 1 of promotionCandidates (COUNTY_DEPUTY), trainingCandidates or specialists (the domain with the most
 * specialists) as the ORG_DEPT of a prefecture (SYN-P01) or of the province. Issue #14: every list's first page
 * p95 ≤ 100 ms.
 */
export function candidatesScenario(
  { fixtures, tokens }: ScenarioContext,
  kind: CandidateList,
  where: 'prefecture' | 'province' = 'prefecture',
): Scenario {
  const unit = where === 'prefecture' ? fixtures.prefecture : fixtures.province;
  const field = FIELDS[kind];
  const document = fixtures.policyDocument as PolicyDocument;
  const place = where === 'prefecture' ? `prefecture ${unit.code}` : 'province';
  let built: { sql: string; values: unknown[] } | undefined;
  return {
    name: where === 'prefecture' ? kind : `${kind}-province`,
    label:
      kind === 'promotion'
        ? `\`promotionCandidates(${TARGET_LEVEL})\` page 1, ${place}`
        : kind === 'training'
          ? `\`trainingCandidates\` page 1, ${place}`
          : `\`specialists(${fixtures.specialistDomain})\` page 1, ${place}`,
    targets: { p95Ms: LIST_P95_MS },
    requests: [
      {
        query: QUERIES[kind],
        variables: {
          unitId: unit.id,
          ...(kind === 'specialists' ? { domain: fixtures.specialistDomain } : {}),
        },
        token: tokens.orgDept(unit.id),
      },
    ],
    keys: keysOf(field),
    sql: {
      description:
        'the ranking statement src/candidates/sql builds (flags, pathway facts, score, facets, page)',
      prepare: SESSION,
      run: async (client) => {
        if (!built) {
          const { rows: path } = await client.query<{ path: string }>(
            `SELECT path::text AS path FROM unit WHERE id = $1`,
            [unit.id],
          );
          built = rankingSql(kind, document, fixtures.asOf, path[0].path, fixtures.specialistDomain);
        }
        const { rows } = await client.query<{ cadre_id: string | null; score: string; total: number }>(
          built.sql,
          built.values,
        );
        const listed = rows.filter((r) => r.cadre_id !== null);
        return [
          `total ${rows[0]?.total ?? 0}`,
          ...listed.slice(0, PAGE).map((r) => `${r.cadre_id} ${Number(r.score)}`),
        ];
      },
    },
  };
}
