import { FlagQuery, FlagSql, param, source } from './sql-context';

const years = (s: FlagSql, rule: string) => `${param(s, rule, 'years')}::float8 * interval '1 year'`;
const window = (s: FlagSql) => `${param(s, 'WARNING_WINDOW', 'months')}::float8 * interval '1 month'`;

/** EXCEEDED from the limit date on; APPROACHING from WARNING_WINDOW months before it. */
function select(s: FlagSql, rule: string, from: string, what: string, facts: string): string {
  const exceeded = `${s.asOf} >= limit_date`;
  return `
    SELECT cadre_id,
           CASE WHEN ${exceeded} THEN 'POSTING_LIMIT_EXCEEDED' ELSE 'POSTING_LIMIT_APPROACHING' END,
           CASE WHEN ${exceeded} THEN 'CRITICAL' ELSE 'WARNING' END,
           '${rule}', ${source(s, rule)},
           format('%s; the %s-year limit %s on %s.', ${what}, trim_scale(limit_years),
                  CASE WHEN ${exceeded} THEN 'was reached' ELSE 'will be reached' END, limit_date),
           jsonb_build_object('postingId', posting_id, 'unitId', unit_id, 'level', level, 'since', chain_start,
                              'limitYears', limit_years, 'limitDate', limit_date, ${facts}),
           ${s.asOf} - limit_date
      FROM ${from}
     WHERE ${s.asOf} >= (limit_date - ${window(s)})::date
       -- a run that ends before its limit date never passes it
       AND (open OR last_end >= limit_date)`;
}

/** POST_LIMIT_SAME_POST: continuous time in the same post, from the start of the run covering asOf. */
export function postLimitSamePost(s: FlagSql): FlagQuery {
  const from = `(SELECT c.*, ${param(s, 'POST_LIMIT_SAME_POST', 'years')} AS limit_years,
                        (c.chain_start + ${years(s, 'POST_LIMIT_SAME_POST')})::date AS limit_date
                   FROM cur_post c) x`;
  return {
    ctes: ['cur_post'],
    select: select(
      s,
      'POST_LIMIT_SAME_POST',
      from,
      `format('In the same post since %s', chain_start)`,
      `'postingIds', to_jsonb(posting_ids), 'yearsInPost', round((${s.asOf} - chain_start) / 365.25, 1)`,
    ),
  };
}

/**
 * LEVEL_TOTAL_LIMIT: all leadership time at the current level, in any unit. Earlier stints at the level
 * bring the limit date forward by their days: limit = start of the current run + N years − earlier days.
 */
export function levelTotalLimit(s: FlagSql): FlagQuery {
  const from = `(SELECT c.*, ${param(s, 'LEVEL_TOTAL_LIMIT', 'years')} AS limit_years,
                        (c.chain_start + ${years(s, 'LEVEL_TOTAL_LIMIT')})::date - c.earlier_days AS limit_date
                   FROM cur_level c) x`;
  return {
    ctes: ['cur_level'],
    select: select(
      s,
      'LEVEL_TOTAL_LIMIT',
      from,
      `format('%s years in total at %s', round((earlier_days + (${s.asOf} - chain_start)) / 365.25, 1), level)`,
      `'earlierDays', earlier_days,
       'yearsAtLevel', round((earlier_days + (${s.asOf} - chain_start)) / 365.25, 1)`,
    ),
  };
}
