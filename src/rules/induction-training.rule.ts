import { FlagCode } from './codes';
import { level, number, object } from './params';
import { FlagRule } from './rule';
import { cadreRows, factDate, spanVersions, versionParam, versionParamJson } from './spans/span-sql';
import { details, FlagQuery, FlagSql, list, map, param, source } from './sql/flag-sql';

const rule = 'INDUCTION_TRAINING';

/**
 * INDUCTION_TRAINING: appointment to a leadership level (the start of the continuous run at the level covering
 * asOf; a transfer at the same level is not a new appointment) with fewer than the level's days of completed
 * qualifying training since then (sessions add up: two 8-day sessions make 16 days). Due (INFO) until the deadline, overdue (WARNING) after it.
 */
function inductionTrainingSql(s: FlagSql): FlagQuery {
  const days = `(${map(s, rule, 'daysByLevel')} ->> c.level::text)::numeric`;
  const deadline = `(c.chain_start + ${param(s, rule, 'withinMonths')}::float8 * interval '1 month')::date`;
  const due = `(SELECT * FROM (
                  SELECT c.cadre_id, c.level, c.posting_id, c.chain_start AS appointed_on, ${days} AS days_required,
                         ${deadline} AS deadline, ${s.asOf} >= ${deadline} AS overdue
                    FROM cur_level c) c
                WHERE days_required IS NOT NULL
                  AND (SELECT coalesce(sum(t.end_date - t.start_date + 1), 0) FROM training t
                      WHERE t.cadre_id = c.cadre_id AND t.completed
                        AND t.start_date >= c.appointed_on AND t.end_date <= ${s.asOf}
                        AND t.kind::text = ANY(${list(s, rule, 'qualifyingKinds')})) < c.days_required) c`;
  return { ctes: ['cur_level'], select: words(s, due) };
}

/** The same rows read from rule_span (the spans holding on asOf, written by inductionTrainingSpanSql). */
function inductionTrainingSpans(s: FlagSql): FlagQuery {
  const due = `(SELECT sp.cadre_id, sp.facts ->> 'level' AS level, (sp.facts ->> 'postingId')::uuid AS posting_id,
                       (sp.facts ->> 'appointedOn')::date AS appointed_on,
                       (sp.facts ->> 'daysRequired')::numeric AS days_required,
                       (sp.facts ->> 'deadline')::date AS deadline,
                       ${s.asOf} >= (sp.facts ->> 'deadline')::date AS overdue
                  FROM rule_span sp JOIN scope_cur s ON s.cadre_id = sp.cadre_id
                 WHERE sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}) c`;
  return { ctes: ['scope_cur'], select: words(s, due) };
}

/**
 * The spans: for each regular leadership posting (posting_run) and policy version, within the posting's period
 * and the version's, due (INFO) from the appointment to the deadline, overdue (WARNING) after it, until the end
 * of the first qualifying training completed since the appointment.
 */
const inductionTrainingSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (${spanVersions(
      rule,
      `${versionParam(rule, 'withinMonths')}::float8 * interval '1 month' AS within,
             ${versionParamJson(rule, 'daysByLevel')} AS days_by_level,
             ${versionParamJson(rule, 'qualifyingKinds')} AS kinds`,
    )}
    ),
    due AS (
      SELECT r.cadre_id, r.posting_id, r.level, r.level_run_start, v.version, v.in_force,
             daterange(r.start_date, r.end_date, '[]') AS period,
             (v.days_by_level ->> r.level::text)::numeric AS days_required,
             (r.level_run_start + v.within)::date AS deadline, v.kinds
        FROM posting_run r
        JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
        CROSS JOIN versions v
       WHERE r.cadre_id = ANY(ids)
    ),
    -- Due until the end of the qualifying training, completed since the appointment, that brings the days of
    -- such sessions to the days required (sessions add up; those ending on one day are counted together).
    open_until AS MATERIALIZED (
      SELECT d.*, (SELECT min(x.end_date) FROM (
                     SELECT t.end_date, sum(sum(t.end_date - t.start_date + 1)) OVER (ORDER BY t.end_date) AS days
                       FROM training t
                      WHERE t.cadre_id = d.cadre_id AND t.completed AND t.start_date >= d.level_run_start
                        AND d.kinds @> to_jsonb(t.kind::text)
                      GROUP BY t.end_date) x
                    WHERE x.days >= d.days_required) AS done
        FROM due d
       WHERE d.days_required IS NOT NULL
    ),
    spans AS (
      SELECT o.cadre_id, s.severity, o.version,
             jsonb_build_object('postingId', o.posting_id, 'level', o.level, 'appointedOn', o.level_run_start,
                                'deadline', o.deadline, 'daysRequired', o.days_required,
                                'qualifyingKinds', o.kinds) AS facts,
             s.range * o.period * o.in_force * daterange(NULL, o.done) AS valid
        FROM open_until o
        CROSS JOIN LATERAL (VALUES ('INFO', daterange(NULL, o.deadline)),
                                   ('WARNING', daterange(o.deadline, NULL))) AS s(severity, range)
    )
    SELECT cadre_id, '${rule}', 'INDUCTION_TRAINING_DUE', severity, lower(valid), upper(valid), version, facts
      FROM spans WHERE NOT isempty(valid)`;

/** The flag's message and facts over `due` (the appointments still due on asOf), however they were found. */
const words = (s: FlagSql, due: string): string => `
    SELECT cadre_id, 'INDUCTION_TRAINING_DUE', CASE WHEN overdue THEN 'WARNING' ELSE 'INFO' END,
           '${rule}', ${source(s, rule)},
           ${details(
             s,
             `format('Appointed %s on %s; fewer than %s days of induction training since then (%s %s).',
                  level, appointed_on, trim_scale(days_required), CASE WHEN overdue THEN 'overdue since' ELSE 'due by' END,
                  deadline)`,
             `jsonb_build_object('postingId', posting_id, 'level', level, 'appointedOn', appointed_on,
                              'deadline', deadline, 'daysRequired', days_required,
                              'qualifyingKinds', to_jsonb(${list(s, rule, 'qualifyingKinds')}), 'overdue', overdue)`,
           )},
           ${s.asOf} - deadline
      FROM ${due}`;

export const inductionTrainingRule: FlagRule<'INDUCTION_TRAINING'> = {
  id: 'INDUCTION_TRAINING',
  kind: 'flag',
  params: {
    counts: ['withinMonths'],
    stringLists: ['qualifyingKinds'],
    check: (params, field, levels) => {
      const days = object(params.daysByLevel, `${field}.daysByLevel`);
      for (const [code, d] of Object.entries(days)) {
        level(code, `${field}.daysByLevel`, levels);
        number(d, `${field}.daysByLevel.${code}`);
      }
    },
  },
  codes: [FlagCode.INDUCTION_TRAINING_DUE],
  sql: inductionTrainingSql,
  spans: inductionTrainingSpans,
  overFrom: factDate('deadline'),
  lightScope: 'scope_cur',
  spanSql: inductionTrainingSpanSql,
  dependsOn: [cadreRows('posting_run'), cadreRows('training')],
};
