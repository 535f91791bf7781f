import { Cte, FlagSql } from './sql-context';

/**
 * The CTEs the rules share. `scope` (cadre_id) is supplied by the caller.
 *
 * Regular postings of a cadre never overlap (an exclusion constraint), so ordering them by start date and
 * comparing each with the one before (gaps and islands) finds continuous runs:
 * - post_run: same unit and same level, at most one day apart (a new title in the same post continues it);
 * - level_run: same level, at most one day apart, in any unit (time since appointment to the level).
 * Temporary assignments and secondments are not REGULAR, so they neither break nor extend a run.
 */
export function commonCtes(s: FlagSql): Record<string, Cte> {
  const adjacent = `r.start_date <= r.prev_end + 1`;
  const chains = (run: string) => `
      SELECT cadre_id, (array_agg(unit_id ORDER BY start_date DESC))[1] AS unit_id,
             (array_agg(level ORDER BY start_date DESC))[1] AS level,
             (array_agg(id ORDER BY start_date DESC))[1] AS posting_id,
             min(start_date) AS chain_start, bool_or(end_date IS NULL) AS open, max(end_date) AS last_end,
             array_agg(id ORDER BY start_date) AS posting_ids
        FROM runs GROUP BY cadre_id, ${run}`;
  const current = (from: string) => `
      SELECT c.* FROM ${from} c JOIN position_level pl ON pl.code = c.level AND pl.is_leadership
       WHERE c.open OR c.last_end >= ${s.asOf}`;
  return {
    reg: {
      deps: ['scope'],
      sql: `
      SELECT p.id, p.cadre_id, p.unit_id, p.level, p.start_date, p.end_date,
             lag(p.unit_id) OVER w AS prev_unit, lag(p.level) OVER w AS prev_level, lag(p.end_date) OVER w AS prev_end
        FROM posting p JOIN scope s ON s.cadre_id = p.cadre_id
       WHERE p.kind = 'REGULAR' AND p.start_date <= ${s.asOf}
      WINDOW w AS (PARTITION BY p.cadre_id ORDER BY p.start_date)`,
    },
    runs: {
      deps: ['reg'],
      sql: `
      SELECT r.*,
             sum(CASE WHEN r.prev_unit = r.unit_id AND r.prev_level = r.level AND ${adjacent} THEN 0 ELSE 1 END)
               OVER w AS post_run,
             sum(CASE WHEN r.prev_level = r.level AND ${adjacent} THEN 0 ELSE 1 END) OVER w AS level_run
        FROM reg r
      WINDOW w AS (PARTITION BY r.cadre_id ORDER BY r.start_date)`,
    },
    post_chains: { deps: ['runs'], sql: chains('post_run') },
    level_chains: { deps: ['runs'], sql: chains('level_run') },
    /** The continuous run in the same leadership post that covers asOf. */
    cur_post: { deps: ['post_chains'], sql: current('post_chains') },
    /** The continuous run at the same leadership level that covers asOf. */
    cur_level: { deps: ['level_chains'], sql: current('level_chains') },
    /** The regular posting that covers asOf: the cadre's current level. */
    cur: {
      deps: ['scope'],
      sql: `
      SELECT DISTINCT ON (p.cadre_id) p.cadre_id, p.id AS posting_id, p.level, p.unit_id, p.start_date
        FROM posting p JOIN scope s ON s.cadre_id = p.cadre_id
       WHERE p.kind = 'REGULAR' AND p.period @> ${s.asOf}
       ORDER BY p.cadre_id, p.start_date DESC`,
    },
  };
}
