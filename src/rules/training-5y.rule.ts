import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { cadreRows } from './spans/span-sql';
import { FlagQuery, FlagSql, param } from './sql/flag-sql';
import { shortfall, shortfallSpanSql, shortfallSpans } from './training-shortfall.sql';

const windowStart = (s: FlagSql): string =>
  `(${s.asOf} - ${param(s, 'TRAINING_5Y', 'windowYears')}::float8 * interval '1 year')::date + 1`;

/** TRAINING_5Y: completed hours ending in the windowYears up to asOf: (asOf − N years, asOf]. */
function training5ySql(s: FlagSql): FlagQuery {
  const from = windowStart(s);
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

/** The same rows read from rule_span (the span on asOf says the hours fall short; they are counted for asOf). */
function training5ySpans(s: FlagSql): FlagQuery {
  const from = windowStart(s);
  return {
    ctes: ['scope_cur'],
    select: shortfallSpans(
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
  spans: training5ySpans,
  spanSql: shortfallSpanSql('TRAINING_5Y'),
  dependsOn: [cadreRows('posting_run'), cadreRows('training')],
};
