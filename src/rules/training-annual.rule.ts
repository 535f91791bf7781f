import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { cadreRows } from './spans/span-sql';
import { FlagQuery, FlagSql } from './sql/flag-sql';
import { shortfall, shortfallSpanSql, shortfallSpans } from './training-shortfall.sql';

/** TRAINING_ANNUAL: completed hours ending in the calendar year of asOf (up to asOf). */
function trainingAnnualSql(s: FlagSql): FlagQuery {
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

/** The same rows read from rule_span (the span on asOf says the year falls short; its hours are counted for asOf). */
function trainingAnnualSpans(s: FlagSql): FlagQuery {
  return {
    ctes: ['scope_cur'],
    select: shortfallSpans(
      s,
      'TRAINING_ANNUAL',
      `date_trunc('year', ${s.asOf})::date`,
      `'year', extract(year FROM ${s.asOf})::int`,
      `format('in %s', extract(year FROM ${s.asOf})::int)`,
    ),
  };
}

export const trainingAnnualRule: FlagRule<'TRAINING_ANNUAL'> = {
  id: 'TRAINING_ANNUAL',
  kind: 'flag',
  params: { numbers: ['hours'], levelLists: ['appliesToLevels'] },
  codes: [FlagCode.TRAINING_SHORTFALL],
  sql: trainingAnnualSql,
  spans: trainingAnnualSpans,
  spanSql: shortfallSpanSql('TRAINING_ANNUAL'),
  dependsOn: [cadreRows('posting_run'), cadreRows('training')],
};
