import { todaySql } from '../common/graphql/date.scalar';
/**
 * SQL fragments that decide which cadres an organisation department may see. Every list query filters with
 * them, so the rule lives here once. `root` is a SQL expression (usually a bind parameter) for the id of the
 * department's root unit; `cadreId` is the SQL expression of the cadre's id in the outer query.
 *
 * - `current`: the cadre has a posting in the subtree that has not ended (today, or later for a posting
 *   that starts in the future). This decides jurisdiction: lists and new records follow it.
 * - `any`: some posting of the cadre, ever, lies in the subtree: a cadre who moved out stays readable
 *   for the history the department wrote.
 * - `{ overlapping }`: a posting in the subtree during a SQL daterange (the change feed: on the day of a change).
 */
export function cadreInSubtreeSql(
  cadreId: string,
  root: string,
  mode: 'current' | 'any' | { overlapping: string },
  { perCadre = false }: { perCadre?: boolean } = {},
): string {
  const current =
    mode === 'current'
      ? `AND (jp.end_date IS NULL OR jp.end_date >= ${todaySql()})`
      : mode === 'any'
        ? ''
        : `AND jp.period && ${mode.overlapping}`;
  // perCadre, for a handful of given cadres: OFFSET 0 keeps the test a lookup of each cadre's postings.
  // Joined instead, PostgreSQL hashed every posting under a province's root to check 20 cadres (10 ms).
  return `EXISTS (SELECT 1 FROM posting jp JOIN unit ju ON ju.id = jp.unit_id
    WHERE jp.cadre_id = ${cadreId} ${current}
      AND ju.path <@ (SELECT jr.path FROM unit jr WHERE jr.id = ${root})${perCadre ? ' OFFSET 0' : ''})`;
}

/** A cadre with no posting at all: just created, awaiting the first posting any department may record. */
export function cadreWithoutPostingsSql(cadreId: string): string {
  return `NOT EXISTS (SELECT 1 FROM posting np WHERE np.cadre_id = ${cadreId})`;
}

/** The unit lies in the subtree of `root` (itself included). */
export function unitInSubtreeSql(unitId: string, root: string): string {
  return `EXISTS (SELECT 1 FROM unit su JOIN unit sr ON sr.id = ${root}
    WHERE su.id = ${unitId} AND su.path <@ sr.path)`;
}
