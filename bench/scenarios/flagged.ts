import { buildFlagsQuery, subtreeScope } from '../../src/flags/sql/flags-query';
import { FlagCode } from '../../src/flags/flag.model';
import { list, text } from '../json';
import { Scenario, ScenarioContext } from './scenario';

const QUERY = `
query Flagged($unitId: ID) {
  flaggedCadres(first: 20, filter: { codes: [POSTING_LIMIT_EXCEEDED], unitId: $unitId }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        cadre { id externalId name }
        flags { code severity message ruleId source facts overBy }
      }
    }
  }
}`;

/**
 * The first page of cadres past a posting limit under a unit: the rules' own set-based SQL (the same builder
 * the service uses, with the same scope: the subtree's unit ids, or its root for a province), grouped, ordered
 * and limited in the statement, the flags and the cadres' names for the page only.
 */
export function flaggedScenario(ctx: ScenarioContext, where: 'district' | 'province'): Scenario {
  const { fixtures, tokens } = ctx;
  const unit = where === 'district' ? fixtures.district : fixtures.province;
  const token = tokens.orgDept(unit.id);
  const { withSql, params } = buildFlagsQuery({
    asOf: fixtures.asOf,
    document: fixtures.policyDocument,
    scope: subtreeScope(unit.id, unit.unitIds),
    codes: [FlagCode.POSTING_LIMIT_EXCEEDED],
  });
  const limit = params.add(21, 'int');
  const sql = `${withSql},
    per AS (
      SELECT cadre_id, -max(CASE severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END) AS worst,
             max(over_by) AS over_by
        FROM flags GROUP BY cadre_id),
    page AS (
      SELECT per.*, (SELECT count(*) FROM per)::int AS total FROM per
       ORDER BY worst, over_by DESC, cadre_id LIMIT ${limit})
    SELECT page.*, c.external_id, c.name,
           (SELECT jsonb_agg(to_jsonb(f)) FROM flags f WHERE f.cadre_id = page.cadre_id) AS flags
      FROM page JOIN cadre c ON c.id = page.cadre_id
     ORDER BY worst, over_by DESC, cadre_id`;
  return {
    name: `flagged-${where}`,
    label:
      where === 'district'
        ? `\`flaggedCadres(POSTING_LIMIT_EXCEEDED)\` page 1, county ${unit.code}`
        : '`flaggedCadres(POSTING_LIMIT_EXCEEDED)` page 1, province',
    targets: { p95Ms: 250 },
    requests: [{ query: QUERY, variables: { unitId: unit.id }, token }],
    keys: (data) => [
      `total ${text(data, 'flaggedCadres', 'totalCount')}`,
      ...list(data, 'flaggedCadres', 'edges').map(
        (e) => `${text(e, 'node', 'cadre', 'id')} ${list(e, 'node', 'flags').length}`,
      ),
    ],
    sql: {
      description: 'the flag rules as one statement (src/flags/sql), grouped and paged, cadres joined',
      run: async (client) => {
        const { rows } = await client.query<{ cadre_id: string; total: number; flags: unknown[] }>(
          sql,
          params.values,
        );
        return [
          `total ${rows[0]?.total ?? 0}`,
          ...rows.slice(0, 20).map((r) => `${r.cadre_id} ${r.flags.length}`),
        ];
      },
    },
  };
}
