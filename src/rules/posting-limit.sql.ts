import { RuleId } from '../policy/policy.types';
import { spanVersions, versionParam } from './spans/span-sql';
import { Cte, details, FlagSql, param, source } from './sql/flag-sql';

export const years = (s: FlagSql, rule: RuleId) => `${param(s, rule, 'years')}::float8 * interval '1 year'`;
const window = (s: FlagSql) => `${param(s, 'WARNING_WINDOW', 'months')}::float8 * interval '1 month'`;

/**
 * What the two posting-limit rules (post-limit-same-post.rule.ts, level-total-limit.rule.ts) share.
 * EXCEEDED from the limit date on; APPROACHING from WARNING_WINDOW months before it. */
export function select(s: FlagSql, rule: RuleId, from: string, what: string, facts: string): string {
  const exceeded = `${s.asOf} >= limit_date`;
  return `
    SELECT cadre_id,
           CASE WHEN ${exceeded} THEN 'POSTING_LIMIT_EXCEEDED' ELSE 'POSTING_LIMIT_APPROACHING' END,
           CASE WHEN ${exceeded} THEN 'CRITICAL' ELSE 'WARNING' END,
           '${rule}', ${source(s, rule)},
           ${details(
             s,
             `format('%s; the %s-year limit %s on %s.', ${what}, trim_scale(limit_years),
                  CASE WHEN ${exceeded} THEN 'was reached' ELSE 'will be reached' END, limit_date)`,
             `jsonb_build_object('postingId', posting_id, 'unitId', unit_id, 'level', level, 'since', chain_start,
                              'limitYears', limit_years, 'limitDate', limit_date, ${facts})`,
           )},
           ${s.asOf} - limit_date
      FROM ${from}
     WHERE ${s.asOf} >= (limit_date - ${window(s)})::date
       -- a run that ends before its limit date never passes it
       AND (open OR last_end >= limit_date)`;
}

/**
 * The same rows as nearLimit and the rule's own limit columns, read from rule_span (the spans of the rule holding
 * on asOf, kept current on write by postingLimitSpanSql below) instead of worked out from posting_run.
 * `select` then words and dates them exactly as for the rows evaluated on the fly.
 */
export function fromSpans(s: FlagSql, rule: RuleId): string {
  return `(SELECT sp.cadre_id, (sp.facts ->> 'postingId')::uuid AS posting_id, (sp.facts ->> 'unitId')::uuid AS unit_id,
                  sp.facts ->> 'level' AS level, (sp.facts ->> 'since')::date AS chain_start,
                  (sp.facts ->> 'limitYears')::numeric AS limit_years, (sp.facts ->> 'limitDate')::date AS limit_date,
                  (sp.facts ->> 'earlierDays')::int AS earlier_days,
                  ARRAY(SELECT jsonb_array_elements_text(sp.facts -> 'postingIds'))::uuid[] AS posting_ids,
                  true AS open, NULL::date AS last_end
             FROM rule_span sp JOIN scope_cur s ON s.cadre_id = sp.cadre_id
            WHERE sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}) x`;
}

/**
 * Days a year-and-month shift can move a bound: each clamp at a month end moves a date by up to three days
 * (the 31st to the 28th), and the level limit shifts twice (see levelTotalLimit); generous, as it only widens
 * what the exact test reads.
 */
const MONTH_END_SLACK_DAYS = 8;

/**
 * The regular leadership postings covering asOf (from posting_run, whose runs are precomputed) that may be
 * within the warning window of a limit: `key` (a date column or expression of posting_run r) shifted by the
 * limit is at most asOf + the window. Each row has the posting, its unit and level, whether it is open and its
 * last day, then the rule's own `columns`. Shifting a date by years and months clamps at month ends, so the bound
 * here is loose by a few days and the rule's own WHERE decides exactly; the bound only lets PostgreSQL read
 * the few postings near or past a limit through an index instead of every current posting. The two branches
 * are the open postings (end_date IS NULL, indexed) and the ones with an end date still covering asOf.
 */
export function nearLimit(s: FlagSql, rule: RuleId, key: string, columns: string): Cte {
  const bound = `((${s.asOf} + ${window(s)}) - ${years(s, rule)})::date + ${MONTH_END_SLACK_DAYS}`;
  const branch = (covers: string) => `
      SELECT r.cadre_id, r.posting_id, r.unit_id, r.level, r.end_date IS NULL AS open, r.end_date AS last_end,
             ${columns}
        FROM posting_run r
        JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
       WHERE ${covers} AND r.start_date <= ${s.asOf} AND ${key} <= ${bound}
         AND r.cadre_id IN (SELECT cadre_id FROM scope_cur)`;
  return {
    deps: ['scope_cur'],
    sql: `${branch('r.end_date IS NULL')}
      UNION ALL${branch(`r.end_date >= ${s.asOf}`)}`,
  };
}

/**
 * The spanSql of a posting-limit rule: for each regular leadership posting of the cadres `ids` (posting_run) and
 * each policy version, within the posting's period and the version's, APPROACHING from WARNING_WINDOW months
 * before the limit date to it, EXCEEDED from it on; nothing when the posting ends before its limit date. The
 * limit date is `since` (a posting_run column) + the rule's years − `earlier` days; `facts`: the rule's own
 * (a jsonb expression over posting_run r).
 */
export function postingLimitSpanSql(rule: RuleId, since: string, earlier: string, facts: string): string {
  return `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (${spanVersions(
      rule,
      `${versionParam(rule, 'years')}::numeric AS years,
             ${versionParam('WARNING_WINDOW', 'months')}::float8 * interval '1 month' AS window`,
    )}
    ),
    limits AS (
      SELECT r.cadre_id, v.version, v.in_force, daterange(r.start_date, r.end_date, '[]') AS period,
             r.end_date IS NULL AS open, r.end_date, v.years AS limit_years,
             (${since} + v.years::float8 * interval '1 year')::date - ${earlier} AS limit_date, v.window,
             jsonb_build_object('postingId', r.posting_id, 'unitId', r.unit_id, 'level', r.level, 'since', ${since})
               || ${facts} AS facts
        FROM posting_run r
        JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
        CROSS JOIN versions v
       WHERE r.cadre_id = ANY(ids)
    ),
    spans AS (
      SELECT l.cadre_id, s.code, s.severity, l.version,
             l.facts || jsonb_build_object('limitYears', l.limit_years, 'limitDate', l.limit_date) AS facts,
             s.range * l.period * l.in_force AS valid
        FROM limits l
        CROSS JOIN LATERAL (VALUES
          ('POSTING_LIMIT_APPROACHING', 'WARNING', daterange((l.limit_date - l.window)::date, l.limit_date)),
          ('POSTING_LIMIT_EXCEEDED', 'CRITICAL', daterange(l.limit_date, NULL))
        ) AS s(code, severity, range)
       -- a run that ends before its limit date never passes it
       WHERE l.open OR l.end_date >= l.limit_date
    )
    SELECT cadre_id, '${rule}', code, severity, lower(valid), upper(valid), version, facts
      FROM spans WHERE NOT isempty(valid)`;
}
