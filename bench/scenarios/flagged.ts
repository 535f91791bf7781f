import { PolicyDocument } from '../../src/policy/policy.types';
import { buildFlagsQuery, subtreeScope } from '../../src/rules/flags.sql';
import { FlagCode } from '../../src/rules/codes';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const query = (code: FlagCode) => `
query Flagged($unitId: ID) {
  flaggedCadres(first: 20, filter: { codes: [${code}], unitId: $unitId }) {
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
 * The first page of cadres past a posting limit under a unit, as the service computes it: the rules' own
 * set-based SQL (the same builder, with the same scope: the subtree's unit ids, its root for a large one, none
 * for the whole province) without messages and facts, grouped, ordered, counted and limited in one statement;
 * then the page's cadres' flags in full, and their names.
 */
export function flaggedScenario(
  ctx: ScenarioContext,
  where: 'district' | 'province',
  code: FlagCode = FlagCode.POSTING_LIMIT_EXCEEDED,
): Scenario {
  const { fixtures, tokens } = ctx;
  const unit = where === 'district' ? fixtures.district : fixtures.province;
  const token = tokens.orgDept(unit.id);
  const codes = [code];
  // The synthetic province holds every unit of its database.
  const scope = subtreeScope(unit.id, unit.unitIds, where === 'province');
  const { withSql, params } = buildFlagsQuery({
    asOf: fixtures.asOf,
    policy: fixtures.policyDocument as PolicyDocument,
    scope,
    codes,
    light: true,
    fromSpans: true,
  });
  const limit = params.add(21, 'int');
  const sql = `${withSql},
    per AS (
      SELECT cadre_id, -max(CASE severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END) AS worst,
             max(over_by) AS over_by
        FROM flags GROUP BY cadre_id)
    SELECT per.*, (SELECT count(*) FROM per)::int AS total FROM per
     ORDER BY worst, over_by DESC, cadre_id LIMIT ${limit}`;
  const pageFlags = (cadreIds: string[]) => {
    const full = buildFlagsQuery({
      asOf: fixtures.asOf,
      policy: fixtures.policyDocument as PolicyDocument,
      scope: { cadreIds },
      fromSpans: true,
      codes,
    });
    return {
      text: `${full.withSql} SELECT f.*, c.external_id, c.name FROM flags f JOIN cadre c ON c.id = f.cadre_id`,
      values: full.params.values,
    };
  };
  return {
    // flagged-district, flagged-province; flagged-training-shortfall-district …
    name:
      code === FlagCode.POSTING_LIMIT_EXCEEDED
        ? `flagged-${where}`
        : `flagged-${code.toLowerCase().replace(/_/g, '-')}-${where}`,
    label:
      where === 'district'
        ? `\`flaggedCadres(${code})\` page 1, county ${unit.code}`
        : `\`flaggedCadres(${code})\` page 1, province`,
    targets: { p95Ms: LIST_P95_MS },
    requests: [{ query: query(code), variables: { unitId: unit.id }, token }],
    keys: (data) => [
      `total ${text(data, 'flaggedCadres', 'totalCount')}`,
      ...list(data, 'flaggedCadres', 'edges').map(
        (e) => `${text(e, 'node', 'cadre', 'id')} ${list(e, 'node', 'flags').length}`,
      ),
    ],
    sql: {
      description:
        'the flag rules (src/flags/sql) without messages, grouped, counted and paged; then the page in full',
      run: async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        try {
          const { rows } = await client.query<{ cadre_id: string; total: number }>(sql, params.values);
          const page = rows.slice(0, 20).map((r) => r.cadre_id);
          const { rows: flags } = page.length
            ? await client.query<{ cadre_id: string }>(pageFlags(page))
            : { rows: [] };
          return [
            `total ${rows[0]?.total ?? 0}`,
            ...page.map((id) => `${id} ${flags.filter((f) => f.cadre_id === id).length}`),
          ];
        } finally {
          await client.query('COMMIT');
        }
      },
    },
  };
}
