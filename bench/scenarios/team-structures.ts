import { PolicyDocument } from '../../src/policy/policy.types';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const QUERY = `
query TeamStructures($unitId: ID, $asOf: Date) {
  teamStructures(unitId: $unitId, asOf: $asOf, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { unitId holders women young grassroots averageAge missed unit { id code name } } }
  }
}`;

/**
 * The baseline, written by hand: every regular posting at a leadership level on the date (the index-only range of
 * posting_regular_level_until_idx), per unit the members, women, young (by level) and grassroots (an earlier
 * posting looked up only for the members of units above COUNTY level); the units missing a target by code,
 * counted, the first 21.
 */
const SQL = `
WITH m0 AS NOT MATERIALIZED (
  SELECT p.unit_id, p.cadre_id, p.level, u.level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY') AS here
    FROM posting p JOIN unit u ON u.id = p.unit_id
   WHERE p.kind = 'REGULAR' AND p.level = ANY(ARRAY(SELECT code FROM position_level WHERE is_leadership))
     AND p.start_date <= $1::date AND coalesce(p.end_date, 'infinity'::date) >= $1::date),
was AS (
  SELECT DISTINCT g.cadre_id FROM m0 JOIN posting g ON g.cadre_id = m0.cadre_id AND g.start_date <= $1::date
    JOIN unit gu ON gu.id = g.unit_id AND gu.level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')
   WHERE NOT m0.here),
m AS (
  SELECT m0.unit_id, c.gender, m0.level, extract(year FROM age($1::date, c.birth_date))::int AS age,
         m0.here OR w.cadre_id IS NOT NULL AS grassroots
    FROM m0 JOIN cadre c ON c.id = m0.cadre_id AND c.status = 'ACTIVE'
    LEFT JOIN was w ON w.cadre_id = m0.cadre_id),
j AS (
  SELECT unit_id, count(*) AS n, count(*) FILTER (WHERE gender = 'FEMALE') AS w,
         count(*) FILTER (WHERE age <= ($2::jsonb ->> level)::int) AS y, count(*) FILTER (WHERE grassroots) AS g
    FROM m GROUP BY unit_id),
k AS (
  SELECT j.unit_id, u.code FROM j JOIN unit u ON u.id = j.unit_id
   WHERE j.w < $3::int OR j.y < $4::int OR j.g < $5::numeric * j.n)
SELECT k.unit_id, (SELECT count(*) FROM k)::int AS total FROM k ORDER BY k.code, k.unit_id LIMIT 21`;

/** `teamStructures` page 1 over the province (the units missing a TEAM_STRUCTURE target), as its department. */
export function teamStructuresScenario({ fixtures, tokens }: ScenarioContext): Scenario {
  const unit = fixtures.province;
  const token = tokens.orgDept(unit.id);
  const team = (fixtures.policyDocument as PolicyDocument).rules.TEAM_STRUCTURE?.params;
  return {
    name: 'team-structures-province',
    label: '`teamStructures` page 1 (teams missing a target), province',
    targets: { p95Ms: LIST_P95_MS },
    requests: [{ query: QUERY, variables: { unitId: unit.id, asOf: fixtures.asOf }, token }],
    keys: (data) => [
      `total ${text(data, 'teamStructures', 'totalCount')}`,
      ...list(data, 'teamStructures', 'edges').map((e) => text(e, 'node', 'unitId')),
    ],
    skip: team ? undefined : 'the policy in force has no TEAM_STRUCTURE',
    sql: {
      description:
        'one hand-written statement: leadership postings on the date, per unit, filtered, counted, paged',
      run: async (client) => {
        const { rows } = await client.query<{ unit_id: string; total: number }>(SQL, [
          fixtures.asOf,
          JSON.stringify(team?.youngMaxAgeByLevel ?? {}),
          team?.minWomen ?? 0,
          team?.minYoung ?? 0,
          team?.minGrassrootsShare ?? 0,
        ]);
        return [`total ${rows[0]?.total ?? 0}`, ...rows.slice(0, 20).map((r) => r.unit_id)];
      },
    },
  };
}
