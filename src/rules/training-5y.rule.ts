import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { FlagQuery, FlagSql, param } from './sql/flag-sql';
import { shortfall } from './training-shortfall.sql';

/** TRAINING_5Y: completed hours ending in the windowYears up to asOf: (asOf − N years, asOf]. */
function training5ySql(s: FlagSql): FlagQuery {
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

export const training5yRule: FlagRule<'TRAINING_5Y'> = {
  id: 'TRAINING_5Y',
  kind: 'flag',
  params: { numbers: ['hours', 'windowYears'], levelLists: ['appliesToLevels'] },
  codes: [FlagCode.TRAINING_SHORTFALL],
  sql: training5ySql,
};
