import { Cte, FlagSql } from '../sql/flag-sql';

/**
 * The CTEs the rules share. `scope` (cadre_id) is supplied by the caller.
 *
 * The runs come precomputed per regular posting in `posting_run` (see its migration), kept current by triggers
 * on posting: for the regular posting covering asOf, when its continuous run in the same post began (same
 * unit and level, at most one day between postings, a new title in the same post continuing it), when its run
 * at the same level began (any unit: time since appointment to the level) and the days of earlier stints at
 * the level. Temporary assignments and secondments are not REGULAR, so they neither break nor extend a run.
 * No rule reads a cadre's history through a window function; the posting-limit rules read posting_run through
 * their own index-bounded CTEs (posting-limit.sql.ts).
 */
export function commonCtes(s: FlagSql): Record<string, Cte> {
  return {
    /**
     * The scope, for rows that are a current regular posting of their cadre: when the scope only asks for a
     * current posting somewhere (a department over every unit), such a row already is one, and proving it
     * again for each of a province's cadres cost more than the rules themselves.
     */
    scope_cur: s.scopeCur
      ? { deps: [], sql: s.scopeCur, inline: true }
      : { deps: ['scope'], sql: 'SELECT cadre_id FROM scope', inline: true },
    /** The regular posting that covers asOf: the cadre's current level, with its runs. */
    cur: {
      deps: ['scope_cur'],
      sql: `
      SELECT r.cadre_id, r.posting_id, r.level, r.unit_id, r.start_date, r.end_date, r.level_run_start,
             r.earlier_level_days
        FROM posting_run r JOIN scope_cur s ON s.cadre_id = r.cadre_id
       WHERE r.period @> ${s.asOf}`,
    },
    /**
     * The continuous run at the same leadership level that covers asOf, and the days of earlier stints at
     * that level (before the run, in any unit).
     */
    cur_level: {
      deps: ['cur'],
      sql: `
      SELECT c.cadre_id, c.posting_id, c.unit_id, c.level, c.end_date IS NULL AS open, c.end_date AS last_end,
             c.level_run_start AS chain_start, c.earlier_level_days AS earlier_days
        FROM cur c JOIN position_level pl ON pl.code = c.level AND pl.is_leadership`,
    },
  };
}
