import { SqlParams } from '../../common/sql/sql-params';

/**
 * Whose rules a statement evaluates or lists, as values (scopeSql binds them): the cadres posted on
 * asOf under the jurisdiction, given as one of: its root's id, its root's path (bound as a constant, so the
 * planner sees whether a list covers a county or the province), the ids of every unit in the subtree (which
 * PostgreSQL estimates far better for a county or a prefecture), or `posted` (the subtree of every unit).
 * Without any of them, everyone posted; `cadreIds` narrows to those cadres.
 */
export interface CadreScope {
  cadreIds?: readonly string[];
  unitId?: string;
  rootPath?: string;
  unitIds?: readonly string[];
  posted?: boolean;
}

export interface ScopeOptions {
  /** `$n::date` */
  asOf: string;
  /**
   * Which posting on asOf places a cadre in the scope, and what each row holds. `regular`: the regular posting,
   * one row per cadre with its unit and level (`cadre_id, unit_id, level`: candidate lists, pathway facts).
   * `any`: a posting of any kind, one row per cadre (`cadre_id`: flags, which secondments also raise).
   */
  posting: 'regular' | 'any';
  /** Only active cadres (lists and flags). */
  active: boolean;
  /**
   * Given cadreIds and no jurisdiction: take those cadres as they are, whatever their postings and status (a
   * cadre's own flags and pathway), instead of testing them like everyone else (a pool's members as candidates).
   */
  keepGiven?: boolean;
  /** Only cadres whose regular posting is at this level (`$n::text`). */
  level?: string;
  /**
   * Only regular postings at a leadership level (`posting: 'regular'`), tested by their start and end rather than
   * `period`, so that the province's leadership teams are an index-only range of posting_regular_level_until_idx.
   */
  leadership?: boolean;
  /** A further condition on `p` (the posting). */
  where?: string;
}

/** Up to this many units in a subtree (a prefecture has a few hundred, the province thousands). */
export const SMALL_SUBTREE_UNITS = 2000;

/**
 * The one jurisdiction scope of the rules' statements: `SELECT cadre_id …` as a CTE body. Each branch is the
 * shape measured fastest for its case (see the comments); all of them mean the same thing.
 */
export function scopeSql(p: SqlParams, scope: CadreScope, o: ScopeOptions): string {
  const { asOf } = o;
  const given = scope.cadreIds ? p.add(scope.cadreIds, 'uuid[]') : undefined;
  const under =
    scope.unitId !== undefined || scope.rootPath !== undefined || !!scope.unitIds || !!scope.posted;
  if (given && !under && o.keepGiven) return `SELECT DISTINCT unnest(${given}) AS cadre_id`;
  const active = o.active ? `AND c.status = 'ACTIVE'` : '';
  if (o.posting === 'regular') {
    // Regular postings of a cadre never overlap, so each cadre appears once. The level and the jurisdiction
    // are applied first, so the rest of a statement only ever sees this set.
    const root =
      scope.rootPath !== undefined
        ? p.add(scope.rootPath, 'ltree')
        : scope.unitId !== undefined
          ? `(SELECT r.path FROM unit r WHERE r.id = ${p.add(scope.unitId, 'uuid')})`
          : undefined;
    const on = o.leadership
      ? `p.level = ANY(ARRAY(SELECT code FROM position_level WHERE is_leadership))
         AND p.start_date <= ${asOf} AND coalesce(p.end_date, 'infinity'::date) >= ${asOf}`
      : `p.period @> ${asOf}`;
    return `
      SELECT p.cadre_id, p.unit_id, p.level
        FROM posting p
        ${o.active ? `JOIN cadre c ON c.id = p.cadre_id ${active}` : ''}
        ${root ? `JOIN unit su ON su.id = p.unit_id AND su.path <@ ${root}` : ''}
       WHERE p.kind = 'REGULAR' AND ${on}
         ${o.level ? `AND p.level = ${o.level}` : ''}
         ${given ? `AND p.cadre_id = ANY(${given})` : ''}
         ${o.where ? `AND ${o.where}` : ''}`;
  }
  // The cadre has a posting of any kind covering asOf (in the jurisdiction, by `join` or `cond`).
  const posting = (join: string, cond: string) => `EXISTS (
         SELECT 1 FROM posting p ${join} WHERE p.cadre_id = c.id AND p.period @> ${asOf} ${cond})`;
  const ids = given ? `AND c.id = ANY(${given})` : '';
  if (scope.unitIds) {
    const units = p.add(scope.unitIds, 'uuid[]');
    // A county or a prefecture: the cadres looked up by id from the subtree's current postings. Left to plan
    // the EXISTS, PostgreSQL scanned every cadre (a county on 100,000 cadres: 23 ms, this way 4 ms); for the
    // whole province that scan is the cheaper way (120 ms against 290 ms for 95,000 lookups).
    if (scope.unitIds.length <= SMALL_SUBTREE_UNITS) {
      return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE c.id = ANY(ARRAY(SELECT p.cadre_id FROM posting p WHERE p.period @> ${asOf} AND p.unit_id = ANY(${units})))
         ${active} ${ids}`;
    }
    return `
      SELECT c.id AS cadre_id FROM cadre c WHERE true ${active} ${ids} AND ${posting('', `AND p.unit_id = ANY(${units})`)}`;
  }
  if (scope.posted) {
    return `
      SELECT c.id AS cadre_id FROM cadre c WHERE true ${active} ${ids} AND ${posting('', '')}`;
  }
  if (scope.unitId === undefined && scope.rootPath === undefined) {
    return `SELECT c.id AS cadre_id FROM cadre c WHERE true ${active} ${ids}`;
  }
  const root =
    scope.rootPath !== undefined
      ? p.add(scope.rootPath, 'ltree')
      : `(SELECT r.path FROM unit r WHERE r.id = ${p.add(scope.unitId, 'uuid')})`;
  return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE true ${active} ${ids} AND ${posting(`JOIN unit u ON u.id = p.unit_id AND u.path <@ ${root}`, '')}`;
}
