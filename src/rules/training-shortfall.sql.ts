import { details, FlagSql, list, param, source } from './sql/flag-sql';

type TrainingRule = 'TRAINING_ANNUAL' | 'TRAINING_5Y';

/**
 * TRAINING_SHORTFALL of one of the two training rules (training-annual.rule.ts, training-5y.rule.ts), over
 * `rows`: a FROM clause giving `r.cadre_id, r.level, r.done` (hours completed in the window) and `r.required`
 * for each cadre short of hours on asOf, however they were found.
 */
function shortfallFrom(s: FlagSql, rule: TrainingRule, rows: string, facts: string, what: string): string {
  return `
    SELECT r.cadre_id, 'TRAINING_SHORTFALL', 'WARNING', '${rule}', ${source(s, rule)},
           ${details(
             s,
             `format('%s of %s class hours completed %s; %s hours missing.',
                  trim_scale(r.done), trim_scale(r.required), ${what}, trim_scale(r.required - r.done))`,
             `jsonb_build_object('level', r.level, 'hoursCompleted', r.done, 'hoursRequired', r.required,
                              'hoursMissing', r.required - r.done, ${facts})`,
           )},
           0
      FROM ${rows}`;
}

/** Evaluated on the fly: the hours completed from windowStart to asOf, for the cadre's current posting. */
export function shortfall(
  s: FlagSql,
  rule: TrainingRule,
  windowStart: string,
  facts: string,
  what: string,
): string {
  const required = param(s, rule, 'hours');
  const rows = `(
      SELECT cur.cadre_id, cur.level, h.done, ${required} AS required
        FROM cur
        CROSS JOIN LATERAL (${hoursDone(s, 'cur', windowStart)}) h
       WHERE cur.level::text = ANY(${list(s, rule, 'appliesToLevels')}) AND h.done < ${required}) r`;
  return shortfallFrom(s, rule, rows, facts, what);
}

/** The hours completed from windowStart to asOf by the cadre of `row`. */
const hoursDone = (s: FlagSql, row: string, windowStart: string): string => `
          SELECT coalesce(sum(t.class_hours), 0) AS done FROM training t
           WHERE t.cadre_id = ${row}.cadre_id AND t.completed AND t.end_date >= ${windowStart}
             AND t.end_date <= ${s.asOf}`;

/**
 * Read from rule_span (migration extend-rule-span): the shortfall span holding on asOf carries the level and the
 * hours required; the hours completed are summed here, and only when the statement shows them (not light).
 */
export function shortfallSpans(
  s: FlagSql,
  rule: TrainingRule,
  windowStart: string,
  facts: string,
  what: string,
): string {
  // From each cadre of the scope to its spans (rule_span_cadre_idx): most cadres at the levels these rules
  // apply to fall short, so a range on the code would read about as many rows; OFFSET 0 keeps the planner from
  // flattening the lateral into a scan of every cadre's spans (it did, on a scope CTE it cannot size).
  const rows = `(
      SELECT sp.cadre_id, sp.facts ->> 'level' AS level, (sp.facts ->> 'hoursRequired')::numeric AS required,
             ${s.light ? 'NULL::numeric AS done' : 'h.done'}
        FROM scope_cur s
        JOIN LATERAL (SELECT * FROM rule_span sp
                       WHERE sp.cadre_id = s.cadre_id AND sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}
                      OFFSET 0) sp ON true
        ${s.light ? '' : `CROSS JOIN LATERAL (${hoursDone(s, 'sp', windowStart)}) h`}) r`;
  return shortfallFrom(s, rule, rows, facts, what);
}
