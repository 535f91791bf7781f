import { Client } from 'pg';
import { SqlParams } from '../../src/common/sql/sql-params';
import { vacanciesSql } from '../../src/posts/sql/vacancies.sql';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const BENCH_TITLE = 'BENCH 副县长';

/**
 * Posts and quotas for the synthetic province, added once (they are not part of the seed): a vacant
 * COUNTY_DEPUTY post in every county-level government (every third requiring `domain`), and for every township a
 * TOWNSHIP_DEPUTY quota of its holders on asOf, one more in every fifth (a quota vacancy). Quotas count the
 * township's postings at the level, so the sweep over stints does real work; postings are not touched. Returns a
 * post of the district, one requiring `domain` if any does (the slate scenario's: both of its lists).
 */
export async function ensureBenchPosts(client: Client, asOf: string, domain: string, districtIds: string[]) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM post WHERE title = $1`, [
    BENCH_TITLE,
  ]);
  if (rows[0].n === 0) {
    await client.query(
      `INSERT INTO post (unit_id, title, level, required_domains, approved_holders, established_on)
       SELECT u.id, $1, 'COUNTY_DEPUTY',
              CASE WHEN row_number() OVER (ORDER BY u.code) % 3 = 0 THEN ARRAY[$2]::varchar[] ELSE '{}' END,
              2, DATE '2025-01-01'
         FROM unit u WHERE u.level = 'COUNTY' AND u.kind = 'GOVERNMENT'
       ON CONFLICT DO NOTHING`,
      [BENCH_TITLE, domain],
    );
    await client.query(
      `INSERT INTO post_quota (unit_id, level, places)
       SELECT u.id, 'TOWNSHIP_DEPUTY',
              (SELECT count(*) FROM posting ps WHERE ps.unit_id = u.id AND ps.level = 'TOWNSHIP_DEPUTY'
                  AND ps.kind IN ('REGULAR', 'CONCURRENT') AND ps.period @> $1::date)
              + CASE WHEN abs(hashtext(u.id::text)) % 5 = 0 THEN 1 ELSE 0 END
         FROM unit u WHERE u.level = 'TOWNSHIP'
       ON CONFLICT DO NOTHING`,
      [asOf],
    );
  }
  // As autovacuum would have by then in service: without statistics the planner takes the posts for a handful.
  await client.query(`ANALYZE post, post_quota`);
  const { rows: post } = await client.query<{ id: string }>(
    `SELECT id FROM post WHERE title = $1 AND unit_id = ANY($2::uuid[])
      ORDER BY cardinality(required_domains) = 0, id LIMIT 1`,
    [BENCH_TITLE, districtIds],
  );
  return post[0]?.id;
}

const QUERY = `
query Vacancies($unitId: ID, $asOf: Date) {
  vacancies(unitId: $unitId, asOf: $asOf, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { kind level title approved holders vacant mustRotate vacantSince daysVacant post { id } unit { id name } } }
  }
}`;

/**
 * The first page of vacancies over the province, as its department: the one statement of src/posts/sql
 * (posts and quotas, stints with must-rotate leavers, the sweep for vacant-since), built by the same code.
 */
export function vacanciesScenario(ctx: ScenarioContext): Scenario {
  const { fixtures, tokens } = ctx;
  const unit = fixtures.province;
  const p = new SqlParams();
  const ROOT = 'root.path.unknown';
  const sql = vacanciesSql({
    asOf: p.add(fixtures.asOf, 'date'),
    rootPath: p.add(ROOT, 'ltree'),
    limit: p.add(21, 'int'),
  });
  return {
    name: 'vacancies-province',
    label: '`vacancies` page 1, province',
    targets: { p95Ms: LIST_P95_MS },
    requests: [
      { query: QUERY, variables: { unitId: unit.id, asOf: fixtures.asOf }, token: tokens.orgDept(unit.id) },
    ],
    keys: (data) => [
      `total ${text(data, 'vacancies', 'totalCount')}`,
      ...list(data, 'vacancies', 'edges').map(
        (e) => `${text(e, 'node', 'unit', 'id')} ${text(e, 'node', 'level')}`,
      ),
    ],
    sql: {
      description: 'the vacancies statement of src/posts/sql/vacancies.sql.ts for the province root',
      run: async (client) => {
        if (p.values[1] === ROOT) {
          const { rows } = await client.query<{ path: string }>(
            `SELECT path::text AS path FROM unit WHERE id = $1`,
            [unit.id],
          );
          p.values[1] = rows[0].path;
        }
        const { rows } = await client.query<{ unit_id: string; level: string; total: number }>(sql, p.values);
        return [`total ${rows[0]?.total ?? 0}`, ...rows.slice(0, 20).map((r) => `${r.unit_id} ${r.level}`)];
      },
    },
  };
}
