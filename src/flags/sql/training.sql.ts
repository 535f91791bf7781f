import { details, FlagQuery, FlagSql, list, param, source } from './sql-context';

function shortfall(s: FlagSql, rule: string, windowStart: string, facts: string, what: string): string {
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
     WHERE ${list(s, rule, 'appliesToLevels')} @> to_jsonb(cur.level::text) AND h.done < ${required}`;
}

/** TRAINING_ANNUAL: completed hours ending in the calendar year of asOf (up to asOf). */
export function trainingAnnual(s: FlagSql): FlagQuery {
  const yearStart = `date_trunc('year', ${s.asOf})::date`;
  return {
    ctes: ['cur'],
    select: shortfall(
      s,
      'TRAINING_ANNUAL',
      yearStart,
      `'year', extract(year FROM ${s.asOf})::int`,
      `format('in %s', extract(year FROM ${s.asOf})::int)`,
    ),
  };
}

/** TRAINING_5Y: completed hours ending in the windowYears up to asOf: (asOf − N years, asOf]. */
export function training5y(s: FlagSql): FlagQuery {
  const from = `(${s.asOf} - ${param(s, 'TRAINING_5Y', 'windowYears')}::float8 * interval '1 year')::date + 1`;
  return {
    ctes: ['cur'],
    select: shortfall(
      s,
      'TRAINING_5Y',
      from,
      `'windowStart', ${from}, 'windowEnd', ${s.asOf}`,
      `format('from %s to %s', ${from}, ${s.asOf})`,
    ),
  };
}
