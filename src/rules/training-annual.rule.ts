import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { cadreRows } from './spans/span-sql';
import { FlagQuery, FlagSql } from './sql/flag-sql';
import { trainingParams } from './training-params';
import { annualSpanSql, shortfall, shortfallSpans } from './training-shortfall.sql';

/**
 * TRAINING_ANNUAL: centralised training per calendar year (hours, or days), judged on the last completed year
 * (WARNING, a year with no training included) and shown for the current year pro-rated to the date (INFO); both
 * pro-rated to the days in the band in the year of entry (training-shortfall.sql.ts).
 */
function trainingAnnualSql(s: FlagSql): FlagQuery {
  return { ctes: ['cur'], select: shortfall(s, 'TRAINING_ANNUAL') };
}

/** The same rows read from rule_span (the span on asOf says which year falls short; its hours are counted for asOf). */
function trainingAnnualSpans(s: FlagSql): FlagQuery {
  return { ctes: ['scope_cur'], select: shortfallSpans(s, 'TRAINING_ANNUAL') };
}

export const trainingAnnualRule: FlagRule<'TRAINING_ANNUAL'> = {
  id: 'TRAINING_ANNUAL',
  kind: 'flag',
  params: trainingParams([]),
  codes: [FlagCode.TRAINING_SHORTFALL],
  sql: trainingAnnualSql,
  spans: trainingAnnualSpans,
  lightScope: 'scope_cur',
  spanSql: annualSpanSql,
  dependsOn: [cadreRows('posting_run'), cadreRows('training')],
};
