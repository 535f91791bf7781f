import { Client } from 'pg';
import { DEFAULT_WITHIN_MONTHS } from '../../src/candidates/ranking.service';
import { levelOrder, stepTo } from '../../src/rules/steps';
import { promotionList } from '../../src/candidates/sql/promotion.sql';
import { rankingStatement } from '../../src/candidates/sql/ranking-query';
import { SqlParams } from '../../src/common/sql/sql-params';
import { PolicyDocument } from '../../src/policy/policy.types';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const TARGET = 'COUNTY_DEPUTY';

const QUERY = `
query PromotionCandidates($unitId: ID) {
  promotionCandidates(input: { targetLevel: "${TARGET}", unitId: $unitId }, first: 20) {
    totalCount
    facets { byUnit { key count } byLevel { key count } byReadiness { key count } }
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        cadre { id externalId name }
        readiness eligibleFrom score reasons
        scoreBreakdown { factor weight value contribution }
        blockers { code dateMet }
      }
    }
  }
}`;

/**
 * The first page of COUNTY_DEPUTY candidates (township chiefs who meet every requirement) with totals and facets,
 * as a department over the province or a county: the one ranking statement the service runs, built by the
 * same code (src/candidates/sql), with the settings the service gives its transaction.
 */
export function promotionCandidatesScenario(ctx: ScenarioContext, where: 'district' | 'province'): Scenario {
  const { fixtures, tokens } = ctx;
  const unit = where === 'district' ? fixtures.district : fixtures.province;
  const policy = fixtures.policyDocument as PolicyDocument;
  const step = stepTo(policy, TARGET);
  // The service binds the root's path as a constant; looked up on the first run here, as it is per request.
  const p = new SqlParams();
  const asOf = p.add(fixtures.asOf, 'date');
  // Bound once as a stand-in (SqlParams binds a value once, so the scope reads the same placeholder).
  const ROOT = 'root.path.unknown';
  const root = p.add(ROOT, 'ltree');
  const spec = step
    ? promotionList(
        { asOf, policy, step, rootPath: ROOT, readiness: ['READY_NOW'], spansWithin: DEFAULT_WITHIN_MONTHS },
        p,
      )
    : undefined;
  const sql = spec
    ? rankingStatement({
        p,
        asOf,
        root,
        policy,
        levelOrder: levelOrder(policy),
        withinMonths: DEFAULT_WITHIN_MONTHS,
        spec,
        first: 21,
      })
    : '';
  const values = async (client: Client): Promise<unknown[]> => {
    if (p.values[1] === ROOT) {
      const { rows } = await client.query<{ path: string }>(
        `SELECT path::text AS path FROM unit WHERE id = $1`,
        [unit.id],
      );
      p.values[1] = rows[0].path;
    }
    return p.values;
  };
  return {
    name: `promotion-${where}`,
    label:
      where === 'district'
        ? `\`promotionCandidates(${TARGET})\` page 1, county ${unit.code}`
        : `\`promotionCandidates(${TARGET})\` page 1, province`,
    targets: { p95Ms: LIST_P95_MS },
    requests: [{ query: QUERY, variables: { unitId: unit.id }, token: tokens.orgDept(unit.id) }],
    keys: (data) => [
      `total ${text(data, 'promotionCandidates', 'totalCount')}`,
      ...list(data, 'promotionCandidates', 'edges').map(
        (e) => `${text(e, 'node', 'cadre', 'id')} ${text(e, 'node', 'score')}`,
      ),
    ],
    sql: {
      description:
        'the ranking statement of src/candidates/sql: scope, pathway facts, flags, readiness, scores, page',
      prepare: `SET jit = off; SET random_page_cost = 1.1; SET work_mem = '32MB'`,
      run: async (client) => {
        const { rows } = await client.query<{ cadre_id: string | null; score: string; total: number }>(
          sql,
          await values(client),
        );
        return [
          `total ${rows[0]?.total ?? 0}`,
          ...rows
            .filter((r) => r.cadre_id !== null)
            .slice(0, 20)
            .map((r) => `${r.cadre_id} ${Number(r.score)}`),
        ];
      },
    },
    ...(step ? {} : { skip: `No ladder step leads to ${TARGET} in the policy in force.` }),
  };
}
