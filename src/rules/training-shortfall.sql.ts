import { spanVersions, versionParam, versionParamJson } from './spans/span-sql';
import { details, FlagSql, list, param, source } from './sql/flag-sql';

export type TrainingRule = 'TRAINING_ANNUAL' | 'TRAINING_5Y';

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
 * Read from rule_span (written by shortfallSpanSql): the shortfall span holding on asOf carries the level and the
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

/**
 * The spanSql of a training rule: for each regular posting of the cadres `ids` at a level the rule applies to and
 * each policy version, the date ranges on which the completed hours in the window ((d − windowYears, d], or the
 * calendar year up to d for TRAINING_ANNUAL, which has no windowYears) fall short. The hours only change where a
 * training ends and where it leaves the window (its end plus windowYears, or the next 1 January); the days short
 * are merged into ranges, and the reader sums the hours of the day asked about (shortfallSpans).
 */
export function shortfallSpanSql(rule: TrainingRule): string {
  return `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (${spanVersions(
      rule,
      `${versionParam(rule, 'hours')}::numeric AS hours,
             ${versionParam(rule, 'windowYears')}::float8 * interval '1 year' AS win,
             ARRAY(SELECT jsonb_array_elements_text(${versionParamJson(rule, 'appliesToLevels')})) AS levels`,
    )}
    ),
    -- Each regular posting at a level the rule applies to, within each version.
    ranges AS MATERIALIZED (
      SELECT x.* FROM (
        SELECT p.cadre_id, p.level, v.version, v.hours, v.win,
               daterange(p.start_date, p.end_date, '[]') * v.in_force AS range
          FROM posting_run p JOIN versions v ON p.level::text = ANY(v.levels)
         WHERE p.cadre_id = ANY(ids)) x
       WHERE NOT isempty(x.range)
    ),
    keys AS (SELECT DISTINCT cadre_id, version, win FROM ranges),
    -- The hours in the window on a day d change where a completed training ends (+ its hours) and where it leaves
    -- the window (−): the first d with (d − windowYears) ≥ its end, or the next 1 January for the calendar year.
    events AS (
      SELECT k.cadre_id, k.version, '-infinity'::date AS at, 0::numeric AS delta FROM keys k
      UNION ALL
      SELECT k.cadre_id, k.version, e.at, e.delta
        FROM keys k
        JOIN training t ON t.cadre_id = k.cadre_id AND t.completed
        CROSS JOIN LATERAL (SELECT (t.end_date + k.win)::date AS later) w
        CROSS JOIN LATERAL (VALUES (t.end_date, t.class_hours),
                                   (CASE WHEN k.win IS NULL THEN make_date(extract(year FROM t.end_date)::int + 1, 1, 1)
                                         WHEN (w.later - k.win)::date >= t.end_date THEN w.later
                                         ELSE w.later + 1 END, -t.class_hours)) AS e(at, delta)
    ),
    pieces AS (
      SELECT cadre_id, version, daterange(at, lead(at) OVER w) AS piece, sum(delta) OVER w AS done
        FROM (SELECT cadre_id, version, at, sum(delta) AS delta FROM events GROUP BY 1, 2, 3) s
      WINDOW w AS (PARTITION BY cadre_id, version ORDER BY at)
    ),
    -- The days short of hours, adjacent ones merged: the reader counts the hours of the day it asks about.
    short AS (
      SELECT g.cadre_id, g.version, g.level, g.hours, range_agg(g.range * x.piece) AS days
        FROM ranges g
        JOIN pieces x ON x.cadre_id = g.cadre_id AND x.version = g.version AND x.piece && g.range
       WHERE x.done < g.hours
       GROUP BY g.cadre_id, g.version, g.level, g.hours, g.range
    )
    SELECT s.cadre_id, '${rule}', 'TRAINING_SHORTFALL', 'WARNING', lower(d), upper(d), s.version,
           jsonb_build_object('level', s.level, 'hoursRequired', s.hours)
      FROM short s CROSS JOIN LATERAL unnest(s.days) AS d`;
}
