import { details, FlagSql, list, param, source } from './sql/flag-sql';

/** TRAINING_SHORTFALL of one of the two training rules (training-annual.rule.ts, training-5y.rule.ts). */
export function shortfall(
  s: FlagSql,
  rule: 'TRAINING_ANNUAL' | 'TRAINING_5Y',
  windowStart: string,
  facts: string,
  what: string,
): string {
  const required = param(s, rule, 'hours');
  return `
    SELECT cur.cadre_id, 'TRAINING_SHORTFALL', 'WARNING', '${rule}', ${source(s, rule)},
           ${details(
             s,
             `format('%s of %s class hours completed %s; %s hours missing.',
                  trim_scale(h.done), trim_scale(${required}), ${what}, trim_scale(${required} - h.done))`,
             `jsonb_build_object('level', cur.level, 'hoursCompleted', h.done, 'hoursRequired', ${required},
                              'hoursMissing', ${required} - h.done, ${facts})`,
           )},
           0
      FROM cur
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(t.class_hours), 0) AS done FROM training t
         WHERE t.cadre_id = cur.cadre_id AND t.completed AND t.end_date >= ${windowStart} AND t.end_date <= ${s.asOf}) h
     WHERE cur.level::text = ANY(${list(s, rule, 'appliesToLevels')}) AND h.done < ${required}`;
}
