import { SqlParams } from '../common/sql/sql-params';

/**
 * The cadres found on each date (`sets[k]` on `dates[k]`), placed by their postings on that date: per unit
 * directly beneath the root (its subtree), the root itself (own) and, as the row with a NULL unit, the whole
 * subtree with each cadre once. No root: every unit, by the top-level units. Every unit directly beneath
 * the root is listed, with zeros.
 */
export function stuckByUnitSql(
  p: SqlParams,
  rootId: string | undefined,
  dates: readonly string[],
  sets: readonly (readonly string[])[],
): string {
  const root = rootId ? p.add(rootId, 'uuid') : 'NULL::uuid';
  const hits = dates
    .map(
      (d, k) => `SELECT ${k} AS k, ${p.add(d, 'date')} AS d, unnest(${p.add(sets[k], 'uuid[]')}) AS cadre_id`,
    )
    .join('\n        UNION ALL ');
  const counts = dates
    .map((_, k) => `count(DISTINCT cadre_id) FILTER (WHERE k = ${k})::int AS n${k}`)
    .join(', ');
  return `
    WITH root AS (SELECT coalesce((SELECT path FROM unit WHERE id = ${root}), ''::ltree) AS path),
    hit AS (${hits}),
    -- Each cadre's postings on its date looked up by cadre (a LATERAL that OFFSET 0 keeps from being flattened):
    -- joined as sets, PostgreSQL hashed every posting of the province (500,000 on 100,000 cadres) for the 13,000
    -- hits of three dates.
    posted AS MATERIALIZED (
      SELECT h.k, h.cadre_id, p.unit_id
        FROM hit h
        CROSS JOIN LATERAL (SELECT p.unit_id FROM posting p WHERE p.cadre_id = h.cadre_id AND p.period @> h.d
                            OFFSET 0) p),
    -- Each unit posted to placed once beneath the root (2,000 units for 14,000 hits: one lookup by path each).
    unit_row AS (
      SELECT u.id AS unit_id, ru.id AS row_id, nlevel(u.path) = nlevel(root.path) AS own
        FROM (SELECT DISTINCT unit_id FROM posted) x
        JOIN unit u ON u.id = x.unit_id
        CROSS JOIN root
        JOIN unit ru ON ru.path = subpath(u.path, 0, least(nlevel(u.path), nlevel(root.path) + 1))
       WHERE u.path <@ root.path),
    placed AS (
      SELECT h.k, h.cadre_id, r.row_id AS unit_id, r.own FROM posted h JOIN unit_row r ON r.unit_id = h.unit_id),
    counted AS (
      SELECT unit_id, own, ${counts} FROM placed GROUP BY GROUPING SETS ((unit_id, own), ()))
    SELECT c.unit_id, coalesce(c.own, false) AS own, coalesce(c.n0, 0) AS n0, coalesce(c.n1, 0) AS n1,
           coalesce(c.n2, 0) AS n2, u.name
      FROM counted c LEFT JOIN unit u ON u.id = c.unit_id
    UNION ALL
    SELECT u.id, false, 0, 0, 0, u.name FROM unit u
     WHERE u.parent_id IS NOT DISTINCT FROM ${root}
       AND NOT EXISTS (SELECT 1 FROM counted c WHERE c.unit_id = u.id)
    ORDER BY 3 DESC, 4 DESC, 5 DESC, 6, 1`;
}
