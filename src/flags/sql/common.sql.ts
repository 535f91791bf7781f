import { Cte, FlagSql } from './sql-context';

/**
 * The CTEs the rules share. `scope` (cadre_id) is supplied by the caller.
 *
 * Only the current regular posting can start a run that covers asOf, so the runs are found from it:
 * `same_level` is the cadre's regular postings at the current posting's level up to it. Regular postings of a
 * cadre never overlap (an exclusion constraint), so any posting elsewhere in between leaves a gap of at least
 * a day; comparing each posting with the previous one at the same level (and in the same unit) therefore
 * finds the continuous runs (gaps and islands) without reading the cadre's other postings:
 * - post run: same unit and same level, at most one day apart (a new title in the same post continues it);
 * - level run: same level, at most one day apart, in any unit (time since appointment to the level).
 * Temporary assignments and secondments are not REGULAR, so they neither break nor extend a run.
 * Reading only these few postings per cadre keeps a province-wide evaluation to one pass over `posting`.
 */
export function commonCtes(s: FlagSql): Record<string, Cte> {
  return {
    /** The regular posting that covers asOf: the cadre's current level. */
    cur: {
      deps: ['scope'],
      sql: `
      SELECT p.cadre_id, p.id AS posting_id, p.level, p.unit_id, p.start_date, p.end_date
        FROM posting p JOIN scope s ON s.cadre_id = p.cadre_id
       WHERE p.kind = 'REGULAR' AND p.period @> ${s.asOf}`,
    },
    same_level: {
      deps: ['cur'],
      sql: `
      SELECT c.cadre_id, c.posting_id, c.unit_id AS cur_unit, c.level, c.end_date AS cur_end,
             q.id, q.unit_id, q.start_date, q.end_date,
             q.start_date <= lag(q.end_date) OVER (PARTITION BY q.cadre_id ORDER BY q.start_date) + 1 AS joins_level,
             q.start_date <= lag(q.end_date) OVER (PARTITION BY q.cadre_id, q.unit_id ORDER BY q.start_date) + 1
               AS joins_post
        FROM cur c
        JOIN position_level pl ON pl.code = c.level AND pl.is_leadership
        JOIN posting q ON q.cadre_id = c.cadre_id AND q.level = c.level AND q.kind = 'REGULAR'
                      AND q.start_date <= c.start_date`,
    },
    /** The continuous run in the same leadership post that covers asOf, and its postings. */
    cur_post: {
      deps: ['same_level'],
      sql: `
      SELECT cadre_id, posting_id, cur_unit AS unit_id, level, cur_end IS NULL AS open, cur_end AS last_end,
             min(run_start) AS chain_start,
             array_agg(id ORDER BY start_date) FILTER (WHERE start_date >= run_start) AS posting_ids
        FROM (SELECT q.*, max(q.start_date) FILTER (WHERE q.joins_post IS NOT TRUE) OVER (PARTITION BY q.cadre_id)
                          AS run_start
                FROM same_level q WHERE q.unit_id = q.cur_unit) q
       GROUP BY cadre_id, posting_id, cur_unit, level, cur_end`,
    },
    /**
     * The continuous run at the same leadership level that covers asOf, and the days of earlier stints at
     * that level (before the run, in any unit).
     */
    cur_level: {
      deps: ['same_level'],
      sql: `
      SELECT cadre_id, posting_id, cur_unit AS unit_id, level, cur_end IS NULL AS open, cur_end AS last_end,
             min(run_start) AS chain_start,
             coalesce(sum(end_date + 1 - start_date) FILTER (WHERE start_date < run_start), 0)::int AS earlier_days
        FROM (SELECT q.*, max(q.start_date) FILTER (WHERE q.joins_level IS NOT TRUE) OVER (PARTITION BY q.cadre_id)
                          AS run_start
                FROM same_level q) q
       GROUP BY cadre_id, posting_id, cur_unit, level, cur_end`,
    },
  };
}
