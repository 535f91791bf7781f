/** Which cadres a list considers, as placeholders already bound by the caller. */
export interface ScopeSqlInput {
  /** `$n::date` */
  asOf: string;
  /**
   * The path of the jurisdiction's root unit (`$n::ltree`); none: everyone (an administrator's whole tree). A
   * constant rather than a lookup, so the planner can tell a county (a few hundred cadres) from the province.
   */
  root?: string;
  /** Only cadres whose current regular posting is at this level (`$n::text`). */
  level?: string;
  /** Only these cadres (`$n::uuid[]`). */
  cadreIds?: string;
  /** A further condition on `p` (the posting) and `c` (the cadre). */
  where?: string;
}

/**
 * `SELECT cadre_id, unit_id, level`: active cadres whose regular posting on asOf lies in the jurisdiction, with
 * the unit and level of that posting. Regular postings of a cadre never overlap, so each cadre appears once. The level and the
 * jurisdiction are applied first, so the rest of a ranking statement only ever sees this set.
 */
export function scopeTargetSql(i: ScopeSqlInput): string {
  return `
      SELECT p.cadre_id, p.unit_id, p.level
        FROM posting p
        JOIN cadre c ON c.id = p.cadre_id AND c.status = 'ACTIVE'
        ${i.root ? `JOIN unit su ON su.id = p.unit_id AND su.path <@ ${i.root}` : ''}
       WHERE p.kind = 'REGULAR' AND p.period @> ${i.asOf}
         ${i.level ? `AND p.level = ${i.level}` : ''}
         ${i.cadreIds ? `AND p.cadre_id = ANY(${i.cadreIds})` : ''}
         ${i.where ? `AND ${i.where}` : ''}`;
}
